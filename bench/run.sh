#!/usr/bin/env bash
# Measures crosscheck on this machine, one thing at a time (never in parallel):
#   1. bench_text: ingest + text throughput on one thread over a 50 MB JSON Lines
#      corpus (../shared/bench/make_corpus.py, seed 1), per phase, wall and CPU time
#      (the CPU figure is the one to trust on a shared machine), and peak RSS; then
#      the differential test of the ASCII sentence path against ICU on that corpus;
#   2. start-up time of the crosscheck binary;
#   3. `crosscheck text CORPUS --threads 1` (and all cores) under /usr/bin/time -v;
#   4. article-body extraction on the 181 pages of ../shared/bench/article-extraction:
#      pages per second on one thread, and F1 from its score.py.
# Figures go to stdout and to $OUT (default /tmp/crosscheck-bench); copy them into
# docs/performance.md by hand, with the date and the machine.
#   usage: bench/run.sh            (after scripts/setup.sh; needs ../shared)
#          BUILD_DIR=build-perf bench/run.sh   (another build folder)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"
shared="${repo_root}/../shared"
corpus="${CORPUS:-/tmp/corpus50.jsonl}"
out="${OUT:-/tmp/crosscheck-bench}"
build="${BUILD_DIR:-build}"
readonly kCorpusMegabytes=50
readonly kStartupRuns=20
mkdir -p "${out}"

[[ -d "${shared}/bench" ]] || { echo "bench: ${shared}/bench is missing" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
cmake --build "${build}" -j"$(nproc)" --target crosscheck bench_text text_test >/dev/null

if [[ ! -s "${corpus}" ]]; then
  python3 "${shared}/bench/make_corpus.py" --out "${corpus}" --size-mb "${kCorpusMegabytes}" --seed 1
fi
corpus_bytes="$(stat -c %s "${corpus}")"

echo "== machine"
echo "$(date -u +%Y-%m-%d) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "$(free -g | awk '/Mem:/ {print $2}') GiB, $(g++ --version | head -n 1)"

echo "== 1. bench_text (ingest + text, one thread, median of 3)"
"${build}/bench/bench_text" "${corpus}" --repeat 3 | tee "${out}/bench_text.txt"
CROSSCHECK_SENTENCE_DIFF="${corpus}" "${build}/src/text/text_test" --gtest_filter='SentenceBreaksDiff.*' \
    | grep -E "compared on|PASSED|FAILED" | tee "${out}/sentence_diff.txt"

echo "== 2. start-up (mean of ${kStartupRuns} runs)"
tiny="${out}/tiny.txt"
printf 'Invented headline\n\nA short invented report, for timing only.\n' > "${tiny}"
python3 - "${kStartupRuns}" "${build}/crosscheck" "${tiny}" <<'PY' | tee "${out}/startup.txt"
import subprocess, sys, time
runs, binary, tiny = int(sys.argv[1]), sys.argv[2], sys.argv[3]
for label, args in (("--version", ["--version"]), ("text on one tiny file", ["text", tiny, "--format", "jsonl"])):
    start = time.perf_counter()
    for _ in range(runs):
        subprocess.run([binary] + args, stdout=subprocess.DEVNULL, check=True)
    print(f"startup {label}: {(time.perf_counter() - start) / runs * 1000:.1f} ms")
PY

for threads in 1 "$(nproc)"; do
  echo "== 3. crosscheck text corpus --threads ${threads}"
  /usr/bin/time -v "${build}/crosscheck" text "${corpus}" --format jsonl --threads "${threads}" \
      > /dev/null 2> "${out}/time_text_${threads}.txt"
  python3 - "${out}/time_text_${threads}.txt" "${corpus_bytes}" "${threads}" <<'PY' | tee -a "${out}/text_cli.txt"
import re, sys
report, size, threads = open(sys.argv[1]).read(), int(sys.argv[2]), sys.argv[3]
wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", report)
seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
print(f"text --threads {threads}: {seconds:.2f} s, {size / 1e6 / seconds:.1f} MB/s, peak RSS {rss / 1024:.0f} MB")
PY
done

echo "== 4. article extraction (181 pages, one thread)"
pages="${shared}/bench/article-extraction/html"
/usr/bin/time -v "${build}/crosscheck" text "${pages}" --format jsonl --threads 1 \
    > "${out}/bodies.jsonl" 2> "${out}/time_extract.txt" || true
python3 - "${out}/time_extract.txt" "$(ls "${pages}" | wc -l)" <<'PY' | tee "${out}/extract.txt"
import re, sys
report, count = open(sys.argv[1]).read(), int(sys.argv[2])
wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", report)
seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
print(f"article extraction: {count} pages in {seconds:.2f} s, {count / seconds:.1f} pages/s on one thread")
PY
python3 "${shared}/bench/article-extraction/score.py" "${out}/bodies.jsonl" | tee -a "${out}/extract.txt"
