# Sourced by scripts/test.sh and bench/run.sh: starts a throwaway PostgreSQL cluster in a temporary directory on a
# free 127.0.0.1 port, trust auth, user patron, and stops it (removing the directory) when the calling shell exits,
# even on failure. Sets PATRON_PG_CONNECTION ("Host=127.0.0.1;Port=…;Username=patron;Database=postgres").
# Needs PostgreSQL's server binaries (apt-get install postgresql).

pgbin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdir=$(mktemp -d /tmp/patron-pg.XXXXXX)
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

echo "== starting PostgreSQL ($pgbin) on 127.0.0.1:$port"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U patron --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability is pointless for a throwaway cluster; these settings make the tests several times faster.
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start -o \
  "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
export PATRON_PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=patron;Database=postgres"
