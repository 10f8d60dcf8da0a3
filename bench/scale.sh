#!/usr/bin/env bash
# Scale of the whole analysis, clustering included: generated corpora of growing size
# through `crosscheck analyze`, wall time and peak memory of each. Clustering compares
# candidates only within place blocks, so both should grow about linearly.
#   bench/scale.sh [SIZES...]     (default: 10000 30000 100000 documents)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=build/crosscheck
shared=../shared
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 30000 100000)
tmp=${TMPDIR:-/tmp}/crosscheck-scale
mkdir -p "$tmp"
printf '%-10s %-12s %-10s %-12s %-10s\n' documents MB seconds peak_MB incidents
for n in "${sizes[@]}"; do
  corpus="$tmp/corpus-$n.jsonl"
  [ -s "$corpus" ] || python3 "$shared/bench/make_corpus.py" --out "$corpus" -n "$n" --seed 1 >/dev/null
  mb=$(python3 -c "import os; print(round(os.path.getsize('$corpus') / 1e6, 1))")
  /usr/bin/time -f '%e %M' -o "$tmp/time-$n" "$bin" analyze "$corpus" --format json >"$tmp/ledger-$n.json" 2>/dev/null || true
  read -r seconds kb <"$tmp/time-$n"
  incidents=$(python3 -c "import json; print(len(json.load(open('$tmp/ledger-$n.json'))['incidents']))")
  printf '%-10s %-12s %-10s %-12s %-10s\n' "$n" "$mb" "$seconds" "$((kb / 1024))" "$incidents"
done
