#!/usr/bin/env bash
# Billing-run benchmark (issue 8, "Performance"): for each provider, prepares a database through the modules' own commands
# (AGREEMENTS agreements over seven plans, then RECORDS usage records of last month inserted in bulk as Metering stores them)
# and keeps an untouched copy; then RUNS times, on a fresh copy each time, times a raw SQL aggregate over the month's
# records and the billing run over the same records, checks that every agreement was billed, and prints the medians.
# See bench/README.md.
# Usage: bench/billing/run.sh [RUNS=3]
# Environment: PROVIDERS ("sqlite postgres"), AGREEMENTS (10000), RECORDS (1000000),
#   TRADEWIND_BENCH_PG (a PostgreSQL connection string without Database; otherwise a throwaway durable cluster is started),
#   KEEP=1 keeps the work directory and the run copies, RESULTS_OUT=FILE writes the result lines there.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${1:-3}
providers=${PROVIDERS:-sqlite postgres}
agreements=${AGREEMENTS:-10000}; records=${RECORDS:-1000000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d -t tradewind-billing.XXXXXX)
pgdir=""; as_pg=()
cleanup() {
  if [ -n "$pgdir" ]; then "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
say() { printf '==> %s\n' "$*" >&2; }
# shellcheck source=../lib/postgres.sh
source "$root/bench/lib/postgres.sh"
say "Building (Release)"
dotnet build bench/Tradewind.BillingBench -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
bench=(dotnet "$root/bench/Tradewind.BillingBench/bin/Release/net10.0/Tradewind.BillingBench.dll")

results=${RESULTS_OUT:-$work/results.jsonl}
: >"$results"
status=0
for provider in $providers; do
  dir="$work/$provider"; mkdir -p "$dir"
  case $provider in
    sqlite) connection="Data Source=$dir/tradewind.db" ;;
    postgres) start_postgres; connection="$pg_base;Database=tradewind_billing_$$" ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac

  say "$provider: preparing $agreements agreements and $records usage records"
  "${bench[@]}" prepare --provider "$provider" --connection "$connection" --data-dir "$dir" \
    --agreements "$agreements" --records "$records" --out "$dir/manifest.json" >>"$results"

  for run in $(seq 1 "$runs"); do
    say "$provider: run $run of $runs"
    "${bench[@]}" run --manifest "$dir/manifest.json" --run "$run" >>"$results" || status=1
  done

  if [ "$provider" = postgres ] && [ -n "$pgdir" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; pgdir=""
  fi
done

say "Load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) cores"
"${bench[@]}" summarize --results "$results" || status=1
exit $status
