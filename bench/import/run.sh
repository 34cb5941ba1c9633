#!/usr/bin/env bash
# End-to-end import benchmark: `patron import orders FILE` into a fresh SQLite file and a fresh throwaway PostgreSQL
# cluster (scripts/throwaway-postgres.sh: fsync off, stopped on exit), then the same file again into each (the rerun).
# Prints wall, CPU, peak RSS and the load average before and after every run, and the report's counts.
# Usage: bench/import/run.sh FILE [sqlite|postgres|both] [extra import options…]
set -euo pipefail
cd "$(dirname "$0")/../.."
file=${1:?usage: bench/import/run.sh FILE [sqlite|postgres|both]}
which=${2:-both}
shift $(( $# >= 2 ? 2 : 1 ))

dotnet build -c Release src/Patron.Cli -v quiet -nologo >/dev/null
cli=(dotnet src/Patron.Cli/bin/Release/net10.0/Patron.Cli.dll)
lines=$(( $(wc -l < "$file") - 1 ))

# CPU seconds used so far by the PostgreSQL server: the postmaster, its live children and the children it has reaped
# (the import's backends exit with the CLI). Empty when no throwaway cluster runs.
server_cpu() {
  [[ -n ${pgdir:-} && -f $pgdir/data/postmaster.pid ]] || return 0
  python3 - "$(head -1 "$pgdir/data/postmaster.pid")" <<'PY'
import os, sys
pm, tick = sys.argv[1], os.sysconf('SC_CLK_TCK')
def fields(pid):
    with open(f'/proc/{pid}/stat') as f: return f.read().rsplit(')', 1)[1].split()
total = sum(int(x) for x in fields(pm)[11:15])
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        f = fields(pid)
        if f[1] == pm: total += int(f[11]) + int(f[12])
    except OSError: pass
print(f"{total / tick:.1f}")
PY
}

run() {
  local label=$1; shift
  echo "== $label ($lines lines), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local before; before=$(server_cpu)
  /usr/bin/time -f "   %e s wall, %U s user + %S s sys, peak RSS %M KB" \
    "${cli[@]}" import orders "$file" --source bench --json "$@" > /tmp/patron-import-bench.json
  [[ -n $before ]] && echo "   PostgreSQL server CPU: $(python3 -c "print(f'{$(server_cpu) - $before:.1f}')") s"
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 -c 'import json,sys; r=json.load(open("/tmp/patron-import-bench.json")); print("  ", {k: r[k] for k in ("rowsRead","rowsAccepted","rowsRejected","customersCreated","customersMatched","ordersCreated","orderLinesCreated","duplicatesSkipped")})'
}

if [[ $which == sqlite || $which == both ]]; then
  dir=$(mktemp -d /tmp/patron-import-bench.XXXXXX)
  export Patron__Database__Provider=Sqlite Patron__Database__ConnectionString="Data Source=$dir/patron.db"
  "${cli[@]}" db migrate >/dev/null
  run "SQLite, empty database" "$@"
  run "SQLite, the same file again" "$@"
  rm -rf "$dir"
fi

if [[ $which == postgres || $which == both ]]; then
  source scripts/throwaway-postgres.sh
  export Patron__Database__Provider=Postgres Patron__Database__ConnectionString="$PATRON_PG_CONNECTION"
  "${cli[@]}" db migrate >/dev/null
  run "PostgreSQL (binary COPY), empty database" "$@"
  run "PostgreSQL, the same file again" "$@"
fi
