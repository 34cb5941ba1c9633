#!/usr/bin/env bash
# Runs the benchmark harness (bench/Patron.Bench): builds it in Release, starts a throwaway PostgreSQL cluster on a
# free 127.0.0.1 port (as scripts/test.sh does: fsync off, trust auth), runs Patron, DuckDB and PostgreSQL on the
# same file, and stops the cluster on exit, even on failure. Arguments go to the harness (--runs N, --file PATH).
# Needs PostgreSQL's server binaries (apt-get install postgresql); DuckDB comes in-process with the NuGet package.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building the harness (Release)"
dotnet build bench/Patron.Bench -c Release -v quiet -nologo

# Identity resolution needs no database: `bench/run.sh identity …` runs it without the PostgreSQL cluster.
if [[ "${1:-}" == identity ]]; then
  echo "== running"
  exec bench/Patron.Bench/bin/Release/net10.0/Patron.Bench "$@"
fi

# The same cluster settings as the test suite, so figures are comparable.
source scripts/throwaway-postgres.sh
export PATRON_BENCH_POSTGRES=$PATRON_PG_CONNECTION

echo "== running"
bench/Patron.Bench/bin/Release/net10.0/Patron.Bench "$@"
