#!/usr/bin/env bash
# Runs every test of Patron on a fresh Debian machine:
#   installs what is missing (as root: postgresql, chromium, fonts-noto-cjk), restores NuGet packages,
#   starts a throwaway PostgreSQL cluster on a free 127.0.0.1 port, runs the whole suite on SQLite and
#   PostgreSQL (and Chromium for the browser tests), and stops the cluster on exit, even on failure.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Customers").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[[ -x /usr/bin/chromium ]] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  if [[ $(id -u) == 0 ]]; then
    echo "== installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing ${need[*]}: install them (sudo apt-get install ${need[*]}) or run as root" >&2
    exit 1
  fi
fi

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
export PATRON_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=patron;Database=postgres"

echo "== restoring and building"
dotnet restore Patron.slnx
dotnet build Patron.slnx --no-restore -c Debug
if [[ ${CI:-} == true ]] && ! git diff --quiet -- docs/api 2>/dev/null; then
  echo "docs/api/patron-v1.json changed during the build: commit the generated OpenAPI document." >&2
  git --no-pager diff --stat -- docs/api >&2
  exit 1
fi

echo "== testing (SQLite, PostgreSQL, Chromium)"
mkdir -p "$root/artifacts"
dotnet test Patron.slnx --no-build -c Debug --results-directory "$root/artifacts/test-results" "$@"
