#!/usr/bin/env python3
"""Bad-input test of `crosscheck text`: hostile files must never crash or hang it.

usage: cli_bad_inputs_test.py CROSSCHECK_BINARY SHARED_DIR

Writes ../shared/eval/make_bad_inputs.py's folder of hostile inputs (bombs, broken
encodings, a symlink loop, a 50 MB line) beside valid ones, runs
`crosscheck text DIR --format jsonl` under a time limit and an address-space limit,
and checks: no signal, no time-out, exit status 1 when a document was skipped (0
otherwise), every valid input's document in the output with clean text, and a
diagnostic line on stderr naming each bad input (its file, or its JSON line).
Exits 77 (skipped) when SHARED_DIR is absent, except under CI=true, where that fails.
"""
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

kSkip = 77
kTimeoutSeconds = 60
kAddressSpaceBytes = 4 << 30  # generous: each thread reserves its own malloc arena

# Valid inputs: document id -> a phrase its cleaned text must contain.
kValid = {
    "good": "killing three guards",
    "bom_crlf": "killing three guards",
    "ok1": "killing three guards",
    "ok2": "killing three guards",
}
# Bad inputs: what a stderr diagnostic must name. Files by name without extension,
# JSON lines by "file:line" (line 3 has a numeric id, line 7 repeats id ok1).
kBadFiles = ["empty", "binary", "bad_utf8", "nul_bytes", "utf16", "long_line", "deep", "unclosed",
             "script_only", "truncated", "not_gzip", "gzip_bomb", "loop"]
kBadJsonLines = [2, 3, 4, 5, 6, 7]
kJsonLinesFile = "good_in_bad.jsonl"


def limit_resources():
    resource.setrlimit(resource.RLIMIT_AS, (kAddressSpaceBytes, kAddressSpaceBytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def names(line, name):
    """True when a stderr line names the input: as a document id, a file name or a path part."""
    return re.search(r"(^|[\s/(])" + re.escape(name) + r"([\s:).]|$)", line) is not None


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary, shared = argv
    generator = os.path.join(shared, "eval", "make_bad_inputs.py")
    if not os.path.isfile(generator):
        if os.environ.get("CI") == "true":
            print(f"FAIL: {generator} is missing, and CI=true needs ../shared", file=sys.stderr)
            return 1
        print(f"SKIPPED: {generator} is missing (../shared absent); bad-input test not run")
        return kSkip

    work = tempfile.mkdtemp(prefix="crosscheck_bad_")
    try:
        folder = os.path.join(work, "bad")
        subprocess.run([sys.executable, generator, folder], check=True, stdout=subprocess.DEVNULL)
        out_path = os.path.join(work, "out.jsonl")
        err_path = os.path.join(work, "err.txt")
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            try:
                proc = subprocess.run([binary, "text", folder, "--format", "jsonl"], stdin=subprocess.DEVNULL,
                                      stdout=out, stderr=err, timeout=kTimeoutSeconds, preexec_fn=limit_resources)
            except subprocess.TimeoutExpired:
                print(f"FAIL: crosscheck text did not finish within {kTimeoutSeconds} s")
                return 1
        with open(err_path, encoding="utf-8", errors="replace") as f:
            stderr_lines = [line.rstrip("\n") for line in f]
        failures = []
        if proc.returncode < 0:
            failures.append(f"killed by signal {-proc.returncode}")
        elif proc.returncode not in (0, 1):
            failures.append(f"exit status {proc.returncode}, want 0 or 1")

        documents = {}
        any_skipped = False
        with open(out_path, encoding="utf-8", errors="strict") as f:
            for line_number, line in enumerate(f, 1):
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as error:
                    failures.append(f"stdout line {line_number} is not JSON: {error}")
                    continue
                missing_keys = {"id", "title", "published", "outlet", "url", "language", "text",
                                "diagnostics"} - doc.keys()
                if missing_keys:
                    failures.append(f"stdout line {line_number} lacks {sorted(missing_keys)}")
                    continue
                any_skipped |= any(d.get("skipped") for d in doc["diagnostics"])
                # The first occurrence of an id wins: a repeated id is itself a bad input.
                documents.setdefault(doc["id"], doc)
        if proc.returncode >= 0:
            want = 1 if any_skipped else 0
            if proc.returncode != want:
                failures.append(f"exit status {proc.returncode}, want {want} "
                                f"({'some' if any_skipped else 'no'} document skipped)")

        for doc_id, phrase in kValid.items():
            doc = documents.get(doc_id)
            if doc is None:
                failures.append(f"valid input {doc_id}: no document in the output")
                continue
            text = doc["text"] or ""
            if phrase not in text:
                failures.append(f"valid input {doc_id}: text lacks {phrase!r}: {text[:80]!r}")
            if "\r" in text or "\ufeff" in text or "\ufffd" in text:
                failures.append(f"valid input {doc_id}: text keeps a CR, BOM or U+FFFD: {text[:80]!r}")
            if any(d.get("skipped") for d in doc["diagnostics"]):
                failures.append(f"valid input {doc_id}: marked skipped")

        diagnostic_lines = [line for line in stderr_lines if line.startswith("crosscheck:")]
        for name in kBadFiles:
            if not any(names(line, name) for line in diagnostic_lines):
                failures.append(f"bad input {name}: no diagnostic on stderr names it")
        for line_number in kBadJsonLines:
            origin = f"{kJsonLinesFile}:{line_number}"
            if not any(origin in line for line in diagnostic_lines):
                failures.append(f"bad input {origin}: no diagnostic on stderr names it")

        print(f"crosscheck text: exit {proc.returncode}, {len(documents)} documents, "
              f"{len(diagnostic_lines)} diagnostic lines")
        for line in diagnostic_lines:
            print("  " + line[:200])
        if failures:
            for failure in failures:
                print("FAIL: " + failure)
            print(f"{len(failures)} check(s) failed")
            return 1
        print("all bad-input checks passed")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
