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

# The readers' fuzz targets, a short bounded libFuzzer run each (clang, sanitizers).
fuzz_status=0
bash scripts/fuzz.sh || fuzz_status=$?

log="$(mktemp)"
trap 'rm -f "${log}"' EXIT
status=0
# The store suite runs on PostgreSQL too: a throwaway server on loopback around ctest
# (scripts/pg_test_server.sh); without one its PostgreSQL tests skip, or fail under CI=true.
pg_wrapper=()
if [[ -z "${CROSSCHECK_TEST_PG:-}" ]] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  pg_wrapper=(bash scripts/pg_test_server.sh)
fi
"${pg_wrapper[@]}" ctest --test-dir build --output-on-failure -j2 "$@" 2>&1 | tee "${log}" || status=$?
# ctest's own summary, repeated as the last line so it is easy to find.
summary="$(grep -E '^[0-9]+% tests passed' "${log}" | tail -n 1 || true)"
echo "test: ${summary:-ctest printed no summary}"
if [[ -z "${summary}" && ${status} -eq 0 ]]; then
  status=1  # no summary means no test ran: never report that as success
fi
if [[ ${fuzz_status} -ne 0 && ${status} -eq 0 ]]; then
  status=${fuzz_status}
fi
exit "${status}"
