#!/usr/bin/env bash
# A short libFuzzer run of every reader's fuzz target (txt, html, jsonl, gzip), built with
# clang and the address and undefined-behaviour sanitizers in build-fuzz/. Bounded in time:
# FUZZ_SECONDS per target (default 15). Exits non-zero on a crash.
#   usage: scripts/fuzz.sh
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"
seconds="${FUZZ_SECONDS:-15}"
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found; skipped (scripts/setup.sh installs it)"
  exit 0
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSCHECK_FUZZ=ON >/dev/null
targets=(fuzz_txt fuzz_html fuzz_jsonl fuzz_gzip)
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
failed=0
for target in "${targets[@]}"; do
  corpus="${work}/${target}"
  mkdir -p "${corpus}"
  cp tests/fuzz/corpus/"${target#fuzz_}"/* "${corpus}/" 2>/dev/null || true
  if build-fuzz/tests/fuzz/"${target}" -max_total_time="${seconds}" -max_len=65536 -rss_limit_mb=2048 \
      -artifact_prefix="${work}/" "${corpus}" >"${work}/${target}.log" 2>&1; then
    echo "fuzz: ${target}: $(grep -Eo 'Done [0-9]+ runs' "${work}/${target}.log" | tail -1), no crash"
  else
    echo "fuzz: ${target}: FAILED"; tail -n 30 "${work}/${target}.log"; failed=1
  fi
done
exit "${failed}"
