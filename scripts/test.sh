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

source scripts/throwaway-postgres.sh
export PATRON_TEST_POSTGRES=$PATRON_PG_CONNECTION

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
