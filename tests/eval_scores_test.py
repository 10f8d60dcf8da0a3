#!/usr/bin/env python3
"""The ledger of the seeds and of the dev split, scored by ../shared/eval/score.py, must
stay above the floors the issues set; the ledger must not depend on the order or the
number of threads the documents are read with.

usage: eval_scores_test.py CROSSCHECK SHARED_DIR
Exits 77 (skipped) when SHARED_DIR is absent, except under CI=true, where that fails.
"""
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77

# (metric path, floor): issue 4 (attribution, casualty), issue 5 (score, pairs).
FLOORS = {
    "seeds": {"score": 0.90, "attribution": 0.85, "casualty": 0.85, "pair": 1.0},
    "dev": {"score": 0.75, "attribution": 0.70, "casualty": 0.70},
}


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)


def analyze(binary, inputs, threads=None):
    cmd = [binary, "analyze", *inputs, "--format", "json"]
    if threads:
        cmd += ["--threads", str(threads)]
    result = run(cmd)
    if result.returncode not in (0, 1):
        raise SystemExit(f"analyze {inputs} exited {result.returncode}: {result.stderr[-500:]}")
    return json.loads(result.stdout)


def membership(ledger):
    """Incidents as comparable values: id, documents and the claims, in ledger order."""
    out = []
    for inc in ledger["incidents"]:
        claims = sorted((c["doc"], c["source"], c["stance"], str(c["actor"])) for c in inc["attribution_claims"])
        figures = sorted((c["doc"], c["source"], str(c["killed"]), str(c["injured"])) for c in inc["casualty_claims"])
        out.append((inc["id"], tuple(inc["documents"]), tuple(claims), tuple(figures)))
    return out


def main(argv):
    binary, shared = argv[1], argv[2]
    if not os.path.isdir(shared):
        if os.environ.get("CI") == "true":
            print(f"FAIL: {shared} is missing under CI")
            return 1
        print(f"SKIPPED: {shared} not found; the evaluation sets live there")
        return SKIP
    failures = []
    sets = {"seeds": (os.path.join(shared, "seeds"), os.path.join(shared, "eval", "seeds", "gold.json")),
            "dev": (os.path.join(shared, "eval", "dev", "corpus.jsonl"), os.path.join(shared, "eval", "dev", "gold.json"))}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (inputs, gold) in sets.items():
            ledger = analyze(binary, [inputs])
            path = os.path.join(tmp, name + ".json")
            with open(path, "w") as f:
                json.dump(ledger, f)
            scored = run([sys.executable, os.path.join(shared, "eval", "score.py"), gold, path, "--json", "--docs", inputs])
            if scored.returncode != 0:
                failures.append(f"{name}: score.py failed: {scored.stderr[-300:]}")
                continue
            res = json.loads(scored.stdout)
            figures = {"score": res["score"], "attribution": res["attribution"][2], "casualty": res["casualty"][2],
                       "pair": res["pair"][2]}
            print(f"{name}: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()) +
                  f", evidence quoted {res.get('evidence_quoted')}")
            for metric, floor in FLOORS[name].items():
                if figures[metric] + 1e-9 < floor:
                    failures.append(f"{name}: {metric} {figures[metric]:.3f} below {floor}")
            if res.get("evidence_quoted") not in (None, 1.0):
                failures.append(f"{name}: evidence not quoted from its document ({res['evidence_quoted']})")
        # Order and threads must not change the ledger.
        seeds = sorted(os.path.join(sets["seeds"][0], f) for f in os.listdir(sets["seeds"][0]))
        forward = membership(analyze(binary, seeds, threads=1))
        backward = membership(analyze(binary, list(reversed(seeds)), threads=2))
        if forward != backward:
            failures.append("seeds: the ledger changes with the order or the threads of the input")
    for failure in failures:
        print("FAIL: " + failure)
    print(f"{0 if failures else 1} passed, {len(failures) and 1} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
