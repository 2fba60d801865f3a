#!/usr/bin/env bash
# Analytics-report benchmark (issue 12, "Performance": every seller report over 10 million events answers in <= 200 ms
# at p95 from rollups). For each provider: a fresh database gets EVENTS listing events of one seller plus a year of
# lifecycle events, every rollup is rebuilt for the year, and each seller report is requested REQUESTS times over HTTP for
# the last 30 days and for the whole year; one JSON line per report and range (p50, p95, max). Run it RUNS times and
# quote the median of the p95s. See bench/README.md.
# Usage: bench/analytics-reports/run.sh [RUNS=1]
# Environment: PROVIDERS ("sqlite postgres"), EVENTS (10000000), REQUESTS (200),
#   TRADEWIND_BENCH_PG (a PostgreSQL connection string without Database; otherwise a throwaway durable cluster is started),
#   RESULTS_OUT=FILE writes the result lines there.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${1:-1}
providers=${PROVIDERS:-sqlite postgres}
events=${EVENTS:-10000000}; requests=${REQUESTS:-200}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d -t tradewind-reports.XXXXXX)
pgdir=""; as_pg=()
cleanup() {
  if [ -n "$pgdir" ]; then "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; fi
  rm -rf "$work"
}
trap cleanup EXIT
say() { printf '==> %s\n' "$*" >&2; }
# shellcheck source=../lib/postgres.sh
source "$root/bench/lib/postgres.sh"
say "Building (Release)"
dotnet build bench/Tradewind.ReportsBench -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
bench=(dotnet "$root/bench/Tradewind.ReportsBench/bin/Release/net10.0/Tradewind.ReportsBench.dll")

results=${RESULTS_OUT:-$work/results.jsonl}
: >"$results"
for run in $(seq 1 "$runs"); do
  for provider in $providers; do
    dir="$work/$provider-$run"; mkdir -p "$dir"
    case $provider in
      sqlite) connection="Data Source=$dir/tradewind.db" ;;
      postgres) [ -n "${pg_base:-}" ] || start_postgres; connection="$pg_base;Database=tradewind_reports_$$_$run" ;;
      *) echo "unknown provider $provider" >&2; exit 2 ;;
    esac
    say "$provider run $run: $events events, $requests requests per report and range"
    "${bench[@]}" --provider "$provider" --connection "$connection" --data-dir "$dir" --events "$events" --requests "$requests" | tee -a "$results"
    rm -rf "$dir"
  done
done
