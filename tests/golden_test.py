#!/usr/bin/env python3
"""Golden tests: the ledger and the mentions of examples/ against the files in
tests/golden/, in canonical JSON; a plain diff explains a failure. With ../shared present,
the examples' ledger is also scored against examples/gold.json.

usage: golden_test.py CROSSCHECK PROJECT_DIR SHARED_DIR [--update]
  --update rewrites the golden files from the current engine (review the diff, then commit).
"""
import difflib
import json
import os
import subprocess
import sys
import tempfile

EXAMPLES_FLOOR = 0.80  # score.py on examples/gold.json


def canonical(value):
    return json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def run_engine(binary, project, command, inputs="examples"):
    result = subprocess.run([binary, command, inputs, "--format", "json", "--threads", "2"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{command} exited {result.returncode}: {result.stderr[-500:]}")
    data = json.loads(result.stdout)
    data.pop("data_version", None)  # recorded for provenance; not part of the behaviour under test
    return data


def main(argv):
    update = "--update" in argv
    args = [a for a in argv[1:] if a != "--update"]
    binary, project, shared = args[0], args[1], args[2]
    failures = []
    ledger = run_engine(binary, project, "analyze")
    outputs = {"examples.ledger.json": ledger, "examples.mentions.json": run_engine(binary, project, "mentions")}
    seeds = os.path.join(shared, "seeds")
    if os.path.isdir(seeds):
        # The seeds' places and parties: every spelling of Abu Kamal, every party they name.
        outputs["seeds.mentions.json"] = run_engine(binary, project, "mentions", os.path.relpath(seeds, project))
    elif os.environ.get("CI") == "true":
        failures.append(f"{seeds} missing under CI")
    for name, data in outputs.items():
        path = os.path.join(project, "tests", "golden", name)
        text = canonical(data)
        if update:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"rewrote {path}")
            continue
        if not os.path.exists(path):
            failures.append(f"{path} missing: run with --update")
            continue
        expected = open(path, encoding="utf-8").read()
        if expected != text:
            diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), "expected", "actual", lineterm="", n=2)
            print("\n".join(list(diff)[:120]))
            failures.append(f"{name} differs from the golden file")
    gold = os.path.join(project, "examples", "gold.json")
    scorer = os.path.join(shared, "eval", "score.py")
    if os.path.exists(scorer):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(ledger, f)
        scored = subprocess.run([sys.executable, scorer, gold, f.name, "--json"], capture_output=True, text=True)
        os.unlink(f.name)
        score = json.loads(scored.stdout)["score"]
        print(f"examples score {score:.3f}")
        if score + 1e-9 < EXAMPLES_FLOOR:
            failures.append(f"examples score {score:.3f} below {EXAMPLES_FLOOR}")
    elif os.environ.get("CI") == "true":
        failures.append(f"{scorer} missing under CI")
    else:
        print(f"note: {scorer} not found; the examples are not scored")
    for failure in failures:
        print("FAIL: " + failure)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
