#!/usr/bin/env bash
# Runs every Tradewind test on a fresh machine: installs what is missing (PostgreSQL, Chromium), builds,
# starts a throwaway PostgreSQL, runs the unit tests once and the integration and browser tests on SQLite
# and on PostgreSQL, checks formatting, stops what it started, and prints one line: N passed, N failed.
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD
results=$(mktemp -d -t tradewind-results.XXXXXX)
passed=0; failed=0; skipped=0

say() { printf '\n==> %s\n' "$*"; }
fail_setup() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- Prerequisites -----------------------------------------------------------------------------------------
command -v dotnet >/dev/null || fail_setup "the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH"
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q || fail_setup "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" || fail_setup "apt-get install ${missing[*]} failed"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- Build -------------------------------------------------------------------------------------------------
say "Building"
dotnet tool restore >/dev/null || fail_setup "dotnet tool restore failed"
dotnet build Tradewind.slnx -nologo -clp:ErrorsOnly || fail_setup "the build failed"

# --- Throwaway PostgreSQL ----------------------------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d -t tradewind-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root; the Debian package creates the postgres user.
  id postgres >/dev/null 2>&1 || useradd --system --home "$pgdir" postgres
  chown postgres "$pgdir"
  as_pg=(runuser -u postgres --)
fi
pgport=""
for candidate in $(shuf -i 20000-39999 -n 40); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pgport=$candidate; break; fi
done
[ -n "$pgport" ] || fail_setup "no free port for PostgreSQL"
stop_pg() { "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdir"; }
trap 'stop_pg; rm -rf "$results"' EXIT
say "Starting PostgreSQL on 127.0.0.1:$pgport"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
  || { cat "$pgdir/initdb.log" >&2; fail_setup "initdb failed"; }
# Durability settings are off: this cluster lives for one test run.
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$pgdir/server.log" >&2; fail_setup "PostgreSQL did not start"; }
postgres_connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Include Error Detail=true"

# --- Test runs ---------------------------------------------------------------------------------------------
# run NAME PROJECT [VAR=VALUE ...]: runs one test project and adds its counts from the TRX report.
run() {
  local name=$1 project=$2; shift 2
  say "Tests: $name"
  env "$@" dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
  local trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "!! $name produced no test report" >&2
    failed=$((failed + 1)); return
  fi
  local counters total p f
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + total - p - f))
  if [ "$total" -eq 0 ]; then
    echo "!! $name ran no test" >&2
    failed=$((failed + 1))
  fi
}

run unit-primitives tests/Tradewind.Primitives.Tests
run unit-accounts tests/Modules/Tradewind.Accounts.Tests
run unit-catalog tests/Modules/Tradewind.Catalog.Tests
run unit-payments tests/Modules/Tradewind.Payments.Tests
run unit-agreements tests/Modules/Tradewind.Agreements.Tests
run unit-webhooks tests/Modules/Tradewind.Webhooks.Tests
run architecture tests/Tradewind.Architecture.Tests
run web-sqlite tests/Tradewind.Web.Tests Database__Provider=Sqlite
run web-postgres tests/Tradewind.Web.Tests Database__Provider=Postgres "ConnectionStrings__Tradewind=$postgres_connection"
run browser-sqlite tests/Tradewind.Browser.Tests Database__Provider=Sqlite
run browser-postgres tests/Tradewind.Browser.Tests Database__Provider=Postgres "ConnectionStrings__Tradewind=$postgres_connection"

say "Formatting: dotnet format --verify-no-changes"
if dotnet format Tradewind.slnx --verify-no-changes --no-restore -v quiet; then
  passed=$((passed + 1))
else
  echo "!! dotnet format found unformatted code; run: dotnet format Tradewind.slnx" >&2
  failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo
echo "$summary"
[ "$failed" -eq 0 ]
