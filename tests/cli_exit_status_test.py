#!/usr/bin/env python3
"""Exit-status policy and input forms of the crosscheck command line.

usage: cli_exit_status_test.py CROSSCHECK_BINARY EXAMPLES_DIR

Policy: 0 all fine, 1 some documents skipped (each with a diagnostic on stderr
naming it), 2 usage or fatal error. Also checks `-` (JSON Lines on stdin), gzip
inputs, --help/--version, and that --threads does not change the output.
Needs nothing outside the project.
"""
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

kTimeoutSeconds = 60
kGood = ("Shelling hits market in Example Town\n\n"
         "Shelling hit a market in Example Town on Monday, killing four people, officials said.\n")


class Checker:
    def __init__(self, binary):
        self.binary = binary
        self.failures = []
        self.checks = 0

    def run(self, args, stdin=b""):
        return subprocess.run([self.binary] + args, input=stdin, capture_output=True, timeout=kTimeoutSeconds)

    def expect(self, condition, what, proc=None):
        self.checks += 1
        if condition:
            return
        detail = ""
        if proc is not None:
            detail = (f"\n    exit {proc.returncode}; stderr: {proc.stderr.decode(errors='replace')[:300]!r}"
                      f"\n    stdout: {proc.stdout.decode(errors='replace')[:200]!r}")
        self.failures.append(what + detail)

    def expect_exit(self, args, want, what, stdin=b""):
        proc = self.run(args, stdin)
        self.expect(proc.returncode == want, f"{what}: `crosscheck {' '.join(args)}` exits {want}", proc)
        return proc


def ids_of(stdout):
    return [json.loads(line)["id"] for line in stdout.decode().splitlines() if line.strip()]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary, examples = argv
    c = Checker(binary)
    work = tempfile.mkdtemp(prefix="crosscheck_cli_")
    try:
        good = os.path.join(work, "good.txt")
        with open(good, "w") as f:
            f.write(kGood)
        missing = os.path.join(work, "missing-report.txt")

        # 2: usage errors, before any document is read.
        c.expect_exit([], 2, "no command")
        c.expect_exit(["no-such-command"], 2, "unknown command")
        c.expect_exit(["text"], 2, "text without a path")
        c.expect_exit(["text", good, "--format", "xml"], 2, "unknown format")
        c.expect_exit(["text", good, "--no-such-flag"], 2, "unknown flag")
        c.expect_exit(["text", good, "--threads", "many"], 2, "non-numeric --threads")
        c.expect_exit(["text", good, "--data", os.path.join(work, "no-data")], 2, "missing data folder is fatal")

        # 0: help and version.
        proc = c.expect_exit(["--help"], 0, "help")
        c.expect(b"text" in proc.stdout, "--help lists the text command", proc)
        c.expect_exit(["text", "--help"], 0, "help of a command")
        proc = c.expect_exit(["--version"], 0, "version")
        c.expect(proc.stdout.startswith(b"crosscheck "), "--version prints 'crosscheck VERSION'", proc)

        # 0: all fine.
        proc = c.expect_exit(["text", good, "--format", "jsonl"], 0, "one good file")
        c.expect(ids_of(proc.stdout) == ["good"], "one good file gives one document 'good'", proc)
        if os.path.isdir(examples):
            proc = c.expect_exit(["text", examples, "--format", "jsonl"], 0, "the examples folder")
            c.expect(len(ids_of(proc.stdout)) >= 6, "the examples folder gives at least 6 documents", proc)

        # 1: a missing path is skipped with a diagnostic naming it; the batch goes on.
        proc = c.expect_exit(["text", missing, good, "--format", "jsonl"], 1, "a missing path beside a good one")
        c.expect(b"missing-report" in proc.stderr, "the diagnostic names the missing path", proc)
        c.expect("good" in ids_of(proc.stdout), "the good file is still read after the missing one", proc)
        proc = c.expect_exit(["text", missing, "--format", "text"], 1, "only a missing path, text form")
        c.expect(b"missing-report" in proc.stderr, "the diagnostic names the missing path (text form)", proc)

        # `-`: JSON Lines on stdin.
        lines = [json.dumps({"id": "a", "title": "A", "published": "2024-05-09", "outlet": "Invented Wire",
                             "url": "https://example.org/a", "text": kGood}),
                 json.dumps({"id": "b", "text": kGood})]
        stdin = ("\n".join(lines) + "\n").encode()
        proc = c.expect_exit(["text", "-", "--format", "jsonl"], 0, "JSON Lines on stdin", stdin)
        docs = [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]
        c.expect([d["id"] for d in docs] == ["a", "b"], "stdin gives documents a and b in order", proc)
        if docs:
            first = docs[0]
            c.expect((first["title"], first["published"], first["outlet"], first["url"]) ==
                     ("A", "2024-05-09", "Invented Wire", "https://example.org/a"),
                     f"stdin metadata kept: {first['title']!r} {first['published']!r} {first['outlet']!r}", proc)
            c.expect("killing four people" in (first["text"] or ""), "stdin text cleaned and kept", proc)
        proc = c.expect_exit(["text", "-", "--format", "text"], 0, "stdin, text form", stdin)
        c.expect(b"== a" in proc.stdout and b"== b" in proc.stdout, "text form prints a header per document", proc)
        broken = (lines[0] + "\n{\"id\": \"cut\", \"text\": \"unterminated\n" + lines[1] + "\n").encode()
        proc = c.expect_exit(["text", "-", "--format", "jsonl"], 1, "a malformed line on stdin", broken)
        c.expect(b":2" in proc.stderr, "the diagnostic gives the malformed line's number", proc)
        c.expect({"a", "b"} <= set(ids_of(proc.stdout)), "the lines around a malformed one are read", proc)
        c.expect_exit(["text", "-", "--format", "jsonl"], 0, "empty stdin", b"")

        # gzip: .txt.gz and .jsonl.gz read through zlib.
        with gzip.open(os.path.join(work, "zipped.txt.gz"), "wt") as f:
            f.write(kGood)
        with gzip.open(os.path.join(work, "feed.jsonl.gz"), "wt") as f:
            f.write("\n".join(lines) + "\n")
        proc = c.expect_exit(["text", os.path.join(work, "zipped.txt.gz"), os.path.join(work, "feed.jsonl.gz"),
                              "--format", "jsonl"], 0, "gzip inputs")
        c.expect(ids_of(proc.stdout) == ["zipped", "a", "b"], "gzip inputs give zipped, a, b", proc)

        # Threads change speed, never output.
        folder = os.path.join(work, "many")
        os.mkdir(folder)
        for doc_idx in range(40):
            with open(os.path.join(folder, f"report-{doc_idx:02d}.txt"), "w") as f:
                f.write(kGood.replace("four", str(doc_idx + 2)))
        one = c.run(["text", folder, "--format", "jsonl", "--threads", "1"])
        two = c.run(["text", folder, "--format", "jsonl", "--threads", "2"])
        c.expect(one.returncode == 0 and one.stdout == two.stdout and len(ids_of(one.stdout)) == 40,
                 "--threads 1 and --threads 2 give the same 40 documents in the same order", two)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for failure in c.failures:
        print("FAIL: " + failure)
    print(f"{c.checks - len(c.failures)} passed, {len(c.failures)} failed")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
