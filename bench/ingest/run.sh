#!/usr/bin/env bash
# Usage-ingest benchmark (issue 5, "Performance"): for each provider, prepares a database through the modules' own
# commands, starts Tradewind (Release) on it, and RUNS times measures the raw ADO.NET baseline, REST batches of 1,000
# and BatchMeterUsage (25 records per signed request) with CLIENTS concurrent clients, sampling the server's RSS; then
# checks that every acknowledged record is stored and prints the medians. See bench/README.md.
# Usage: bench/ingest/run.sh [RUNS=5] [DURATION=20s]
# Environment: PROVIDERS ("sqlite postgres"), CUSTOMERS (5000), CLIENTS (64), BASELINE_RECORDS (500000),
#   TRADEWIND_BENCH_PG (a PostgreSQL connection string without Database; otherwise a throwaway durable cluster is started),
#   KEEP=1 keeps the work directory, RESULTS_OUT=FILE writes the result lines there.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${1:-5}; duration=${2:-20s}
providers=${PROVIDERS:-sqlite postgres}
customers=${CUSTOMERS:-5000}; clients=${CLIENTS:-64}; baseline_records=${BASELINE_RECORDS:-500000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d -t tradewind-ingest.XXXXXX)
server=""; pgdir=""; as_pg=()
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$pgdir" ]; then "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
say() { printf '==> %s\n' "$*" >&2; }
PG_EXTRA_OPTS="-c max_connections=300"
# shellcheck source=../lib/postgres.sh
source "$root/bench/lib/postgres.sh"
say "Building (Release)"
dotnet build src/Tradewind.Web -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
dotnet build bench/Tradewind.IngestBench -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
bench=(dotnet "$root/bench/Tradewind.IngestBench/bin/Release/net10.0/Tradewind.IngestBench.dll")
web="$root/src/Tradewind.Web/bin/Release/net10.0/Tradewind.Web.dll"

results=${RESULTS_OUT:-$work/results.jsonl}
: >"$results"
for provider in $providers; do
  dir="$work/$provider"; mkdir -p "$dir"
  case $provider in
    sqlite) connection="Data Source=$dir/tradewind.db"; db_provider=Sqlite ;;
    postgres) start_postgres; connection="$pg_base;Database=tradewind_bench_$$;Maximum Pool Size=200"; db_provider=Postgres ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac

  say "$provider: preparing $customers subscribed customers"
  "${bench[@]}" prepare --provider "$provider" --connection "$connection" --data-dir "$dir" --customers "$customers" --out "$dir/manifest.json" >>"$results"

  port=$(free_port 40000-49999)
  url="http://127.0.0.1:$port"
  # REST records span the last ten days (the preparation's clock ran that far back), so RestMaxAge allows eleven.
  ASPNETCORE_ENVIRONMENT=Production DataDirectory="$dir" Database__Provider=$db_provider ConnectionStrings__Tradewind="$connection" \
    Demo__Seed=false Metering__RestMaxAge=11.00:00:00 Logging__LogLevel__Default=Warning \
    dotnet "$web" --urls "$url" >"$dir/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fs "$url/health/live" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$url/health/live" >/dev/null || { cat "$dir/server.log" >&2; echo "the server did not start" >&2; exit 1; }
  say "$provider: server pid $server on $url"

  for run in $(seq 1 "$runs"); do
    say "$provider: run $run of $runs"
    "${bench[@]}" baseline --manifest "$dir/manifest.json" --records "$baseline_records" >>"$results"
    "${bench[@]}" rest --manifest "$dir/manifest.json" --url "$url" --clients "$clients" --batch 1000 --duration "$duration" --server-pid "$server" >>"$results" || true
    "${bench[@]}" batchmeter --manifest "$dir/manifest.json" --url "$url" --clients "$clients" --duration "$duration" --server-pid "$server" >>"$results" || true
  done
  "${bench[@]}" verify --manifest "$dir/manifest.json" >>"$results" || true

  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  if [ "$provider" = postgres ] && [ -n "$pgdir" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; pgdir=""
  fi
done

say "Load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) cores"
"${bench[@]}" summarize --results "$results"
