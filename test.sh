#!/usr/bin/env bash
# Runs every Tradewind test on a fresh machine: installs what is missing (PostgreSQL, Chromium, Apertium APY, CJK fonts,
# Java and Saxon-HE for the e-invoice rules),
# builds, starts a throwaway PostgreSQL and an Apertium APY translation server, runs the unit tests once and the integration and browser tests on SQLite
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
# Apertium's HTTP server and its English→Spanish pair: the offline engine the translation tests use.
command -v apertium-apy >/dev/null || missing+=(apertium apertium-apy)
[ -f /usr/share/apertium/modes/eng-spa.mode ] || missing+=(apertium-eng-spa)
command -v socat >/dev/null || missing+=(socat)
# Invoice documents: IPAGothic and NanumGothic (TrueType, subset: small Japanese and Korean PDFs) with Noto Sans CJK as
# the fallback, DejaVu Sans for Latin text, and Java with Saxon-HE to run the EN 16931 and Peppol BIS 3.0 business rules
# over the generated UBL.
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
[ -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || missing+=(fonts-ipafont-gothic)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || missing+=(fonts-nanum)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v java >/dev/null || missing+=(default-jre-headless)
[ -f /usr/share/java/Saxon-HE.jar ] || missing+=(libsaxonhe-java)
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

# The AWS SDK compatibility tests run the real AWS SDK for JavaScript from tests/aws-sdk.
if [ ! -d tests/aws-sdk/node_modules ]; then
  command -v npm >/dev/null || fail_setup "Node.js 20+ and npm are required for the AWS SDK tests"
  say "Installing the AWS SDK test harness (npm ci)"
  (cd tests/aws-sdk && npm ci --no-audit --no-fund) || fail_setup "npm ci in tests/aws-sdk failed"
fi

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
apy_pids=()
apydir=$(mktemp -d -t tradewind-apy.XXXXXX)
stop_apy() { for pid in "${apy_pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null; done; rm -rf "$apydir"; }
trap 'stop_pg; stop_apy; rm -rf "$results"' EXIT
say "Starting PostgreSQL on 127.0.0.1:$pgport"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
  || { cat "$pgdir/initdb.log" >&2; fail_setup "initdb failed"; }
# Durability settings are off: this cluster lives for one test run.
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$pgdir/server.log" >&2; fail_setup "PostgreSQL did not start"; }
postgres_connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Include Error Detail=true"

# --- Apertium APY ------------------------------------------------------------------------------------------
# APY has no bind-address option and listens on every interface. As root, it runs in a private network namespace
# (unshare -n) that has only loopback, and one loopback port of this host is bridged to it through a Unix socket
# (socat), so nothing outside this machine can reach it. Otherwise it runs plainly on a random port.
apyport=""
for candidate in $(shuf -i 40000-49999 -n 40); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then apyport=$candidate; break; fi
done
[ -n "$apyport" ] || fail_setup "no free port for Apertium APY"
if [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
  say "Starting Apertium APY in a loopback-only network namespace, bridged to 127.0.0.1:$apyport"
  setsid unshare -n sh -c "ip link set lo up; apertium-apy -p 2737 /usr/share/apertium/modes >'$apydir/apy.log' 2>&1 & exec socat UNIX-LISTEN:'$apydir/apy.sock',fork,mode=600 TCP:127.0.0.1:2737 2>>'$apydir/bridge.log'" &
  apy_pids+=($!)
  setsid socat "TCP-LISTEN:$apyport,bind=127.0.0.1,reuseaddr,fork" "UNIX-CONNECT:$apydir/apy.sock" 2>>"$apydir/bridge.log" &
  apy_pids+=($!)
else
  say "Starting Apertium APY on port $apyport (it listens on every interface; see docs/translation.md)"
  setsid apertium-apy -p "$apyport" /usr/share/apertium/modes >"$apydir/apy.log" 2>&1 &
  apy_pids+=($!)
fi
apy_url="http://127.0.0.1:$apyport"
for _ in $(seq 1 60); do
  curl -fsS "$apy_url/listPairs" 2>/dev/null | grep -q '"eng"' && break
  sleep 0.5
done
curl -fsS "$apy_url/listPairs" 2>/dev/null | grep -q '"targetLanguage": "spa"' || { cat "$apydir/apy.log" >&2; fail_setup "Apertium APY did not start with the eng-spa pair"; }

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
run unit-localization tests/Modules/Tradewind.Localization.Tests "TRADEWIND_APY_URL=$apy_url"
run unit-payments tests/Modules/Tradewind.Payments.Tests
run unit-agreements tests/Modules/Tradewind.Agreements.Tests
run unit-webhooks tests/Modules/Tradewind.Webhooks.Tests
run unit-tax tests/Modules/Tradewind.Tax.Tests
run unit-metering tests/Modules/Tradewind.Metering.Tests
run unit-billing tests/Modules/Tradewind.Billing.Tests
run unit-analytics tests/Modules/Tradewind.Analytics.Tests
run architecture tests/Tradewind.Architecture.Tests
run web-sqlite tests/Tradewind.Web.Tests Database__Provider=Sqlite "TRADEWIND_APY_URL=$apy_url"
run web-postgres tests/Tradewind.Web.Tests Database__Provider=Postgres "ConnectionStrings__Tradewind=$postgres_connection" "TRADEWIND_APY_URL=$apy_url"
run browser-sqlite tests/Tradewind.Browser.Tests Database__Provider=Sqlite "TRADEWIND_APY_URL=$apy_url"
run browser-postgres tests/Tradewind.Browser.Tests Database__Provider=Postgres "ConnectionStrings__Tradewind=$postgres_connection" "TRADEWIND_APY_URL=$apy_url"

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
