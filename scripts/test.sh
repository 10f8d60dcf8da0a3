#!/usr/bin/env bash
# Builds crosscheck (running scripts/setup.sh first when there is no build yet)
# and runs every test with ctest: unit, golden, fuzz-corpus replays and slow ones.
#   usage: scripts/test.sh [extra ctest arguments, e.g. -L unit]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

if [[ ! -f build/CMakeCache.txt ]]; then
  bash scripts/setup.sh
else
  cmake --build build -j"$(nproc)"
fi

log="$(mktemp)"
trap 'rm -f "${log}"' EXIT
status=0
ctest --test-dir build --output-on-failure -j2 "$@" 2>&1 | tee "${log}" || status=$?
# ctest's own summary, repeated as the last line so it is easy to find.
summary="$(grep -E '^[0-9]+% tests passed' "${log}" | tail -n 1 || true)"
echo "test: ${summary:-ctest printed no summary}"
if [[ -z "${summary}" && ${status} -eq 0 ]]; then
  status=1  # no summary means no test ran: never report that as success
fi
exit "${status}"
