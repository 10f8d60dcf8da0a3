#!/usr/bin/env bash
# Scores the ledger of each held-out set under tests/blind*/ (invented reports written
# without reading the engine; see their READMEs) with the shared scorer. Read the misses
# only to find general weaknesses: never fit rules to these texts.
#   scripts/score_heldout.sh [--verbose]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=${CROSSCHECK:-build/crosscheck}
shared=${CROSSCHECK_SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for set in tests/blind*/; do
  name=$(basename "$set")
  "$bin" analyze "$set/corpus.jsonl" --format json >"$tmp/$name.json" 2>/dev/null || true
  echo "== $name"
  python3 "$shared/eval/score.py" "$set/gold.json" "$tmp/$name.json" --docs "$set/corpus.jsonl" "$@"
done
