#!/usr/bin/env bash
# Runs the benchmark harness (bench/Patron.Bench): builds it in Release, starts a throwaway PostgreSQL cluster on a
# free 127.0.0.1 port (as scripts/test.sh does: fsync off, trust auth), runs Patron, DuckDB and PostgreSQL on the
# same file, and stops the cluster on exit, even on failure. Arguments go to the harness (--runs N, --file PATH).
# Needs PostgreSQL's server binaries (apt-get install postgresql); DuckDB comes in-process with the NuGet package.
set -euo pipefail
cd "$(dirname "$0")/.."

pgbin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdir=$(mktemp -d /tmp/patron-bench-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
as_pg=()
if [[ $(id -u) == 0 ]]; then
  # initdb refuses to run as root.
  chown postgres "$pgdir"
  as_pg=(runuser -u postgres --)
fi

stop_pg() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop_pg EXIT

echo "== building the harness (Release)"
dotnet build bench/Patron.Bench -c Release -v quiet -nologo

echo "== starting PostgreSQL ($pgbin) on 127.0.0.1:$port"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U patron --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability is pointless for a throwaway cluster; the settings are the test suite's, so figures are comparable.
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start -o \
  "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
export PATRON_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=patron;Database=postgres"

echo "== running"
bench/Patron.Bench/bin/Release/net10.0/Patron.Bench "$@"
