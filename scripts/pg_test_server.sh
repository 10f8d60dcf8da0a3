#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: initdb in a temporary folder,
# a server on a free loopback port (as the postgres user when run as root), the
# command with CROSSCHECK_TEST_PG=postgres://crosscheck@127.0.0.1:PORT/postgres, then
# the server stopped and the folder removed, whatever the command's outcome.
#   usage: scripts/pg_test_server.sh COMMAND [ARGS...]   e.g. scripts/pg_test_server.sh ctest --test-dir build -L unit
set -euo pipefail

pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ -z "${pg_bin}" || ! -x "${pg_bin}/initdb" ]]; then
  echo "pg_test_server: no PostgreSQL server binaries (apt-get install postgresql)" >&2
  exit 2
fi
if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

dir="$(mktemp -d /tmp/crosscheck-pg.XXXXXX)"
as_owner=()
if [[ ${EUID} -eq 0 ]]; then
  # initdb refuses to run as root: the server runs as Debian's postgres user.
  chown postgres: "${dir}"
  as_owner=(runuser -u postgres --)
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

stop() {
  "${as_owner[@]}" "${pg_bin}/pg_ctl" -D "${dir}/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "${dir}"
}
trap stop EXIT

"${as_owner[@]}" "${pg_bin}/initdb" -D "${dir}/data" --auth=trust --username=crosscheck --encoding=UTF8 \
  --locale=C.UTF-8 --no-sync >"${dir}/initdb.log" 2>&1 || { cat "${dir}/initdb.log" >&2; exit 2; }
# Loopback only, socket in the private folder; durability off: the data is thrown away.
"${as_owner[@]}" "${pg_bin}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  start >/dev/null || { cat "${dir}/server.log" >&2; exit 2; }

export CROSSCHECK_TEST_PG="postgres://crosscheck@127.0.0.1:${port}/postgres"
echo "pg_test_server: ${CROSSCHECK_TEST_PG}" >&2
status=0
"$@" || status=$?
exit "${status}"
