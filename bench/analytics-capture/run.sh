#!/usr/bin/env bash
# Listing-view capture benchmark (issue 12, "Performance": listing_view capture >= 20,000 events/s with no effect on
# page latency beyond 1 ms at p99). See bench/README.md.
#  1. Capacity, per provider: Tradewind.CaptureBench drives the capture for CAPTURE_SECONDS from as many producers as cores,
#     once at full speed and once paced to CAPTURE_RATE views/s, and prints views captured/s (page side), stored/s (the
#     writer, durable) and dropped (queue full). At full speed the producers take CPU from the writer on 2 cores.
#  2. Page latency: the demo server (Release, SQLite) is started with capture on and with capture off
#     (Analytics__Capture__Enabled=false); each run holds a listing page at RATE requests/s with hey for DURATION and
#     records p99, alternating on and off. Prints the medians and their difference.
# Usage: bench/analytics-capture/run.sh [RUNS=3]
# Environment: PROVIDERS ("sqlite postgres"; "none" measures page latency only), CAPTURE_SECONDS (20), CAPTURE_RATE (20000), RATE (400), DURATION (15s),
#   TRADEWIND_BENCH_PG (a PostgreSQL connection string without Database; otherwise a throwaway durable cluster is started).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${1:-3}
providers=${PROVIDERS:-sqlite postgres}; [ "$providers" = none ] && providers=""
seconds=${CAPTURE_SECONDS:-20}; capture_rate=${CAPTURE_RATE:-20000}
rate=${RATE:-400}; duration=${DURATION:-15s}; connections=32
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v hey >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get update -q && $sudo apt-get install -y -q hey; }

work=$(mktemp -d -t tradewind-capture.XXXXXX)
pgdir=""; as_pg=(); server=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  if [ -n "$pgdir" ]; then "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; fi
  rm -rf "$work"
}
trap cleanup EXIT
say() { printf '==> %s\n' "$*" >&2; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# shellcheck source=../lib/postgres.sh
source "$root/bench/lib/postgres.sh"
say "Building (Release)"
dotnet build bench/Tradewind.CaptureBench -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
dotnet build src/Tradewind.Web -c Release -nologo -clp:ErrorsOnly -v q >/dev/null

for run in $(seq 1 "$runs"); do
  for provider in $providers; do
    dir="$work/$provider-$run"; mkdir -p "$dir"
    case $provider in
      sqlite) connection="Data Source=$dir/tradewind.db" ;;
      postgres) [ -n "${pg_base:-}" ] || start_postgres; connection="$pg_base;Database=tradewind_capture_$$_$run" ;;
      *) echo "unknown provider $provider" >&2; exit 2 ;;
    esac
    for pace in 0 "$capture_rate"; do
      say "capacity, $provider run $run: ${seconds}s at $([ "$pace" = 0 ] && echo "full speed" || echo "$pace views/s")"
      rm -rf "$dir"; mkdir -p "$dir"
      [ "$provider" = postgres ] && connection="$pg_base;Database=tradewind_capture_$$_${run}_$pace"
      dotnet bench/Tradewind.CaptureBench/bin/Release/net10.0/Tradewind.CaptureBench.dll \
        --provider "$provider" --connection "$connection" --data-dir "$dir" --seconds "$seconds" --rate "$pace"
    done
    rm -rf "$dir"
  done
done

start_server() { # $1 = true|false (capture)
  local data="$work/server-$1"; rm -rf "$data"; mkdir -p "$data"
  port=$(free_port 40000-49999)
  ASPNETCORE_ENVIRONMENT=Production DataDirectory="$data" Demo__Seed=true Logging__LogLevel__Default=Warning Analytics__Capture__Enabled="$1" \
    dotnet src/Tradewind.Web/bin/Release/net10.0/Tradewind.Web.dll --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 480); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  slug=$(curl -fs "http://127.0.0.1:$port/api/v1/catalog/search?pageSize=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
  listing="http://127.0.0.1:$port/products/$slug?utm_source=bench&utm_medium=email&utm_campaign=p99"
  hey -z 5s -c "$connections" -q "$(awk -v r="$rate" -v c="$connections" 'BEGIN {printf "%.2f", r / c}')" -H "Accept-Language: en" "$listing" >/dev/null
}
stop_server() { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; server=""; }
p99() { hey -z "$duration" -c "$connections" -q "$(awk -v r="$rate" -v c="$connections" 'BEGIN {printf "%.2f", r / c}')" -H "Accept-Language: en" "$listing" \
  | awk '/99% in/ {printf "%.2f", $3 * 1000}'; }

# Both servers run side by side (one seeded database each) so the runs can alternate without restarts.
say "page latency: starting the demo server with capture on and with capture off"
start_server true; on_server=$server; on_listing=$listing
start_server false; off_server=$server; off_listing=$listing
server=""
on=(); off=()
for run in $(seq 1 "$runs"); do
  listing=$on_listing; on+=("$(p99)")
  listing=$off_listing; off+=("$(p99)")
  echo "run $run at $rate rps: p99 capture on ${on[-1]} ms, capture off ${off[-1]} ms"
done
kill "$on_server" "$off_server" 2>/dev/null; wait "$on_server" "$off_server" 2>/dev/null || true
on_median=$(printf '%s\n' "${on[@]}" | median); off_median=$(printf '%s\n' "${off[@]}" | median)
echo "median p99 at $rate rps: capture on $on_median ms, capture off $off_median ms, difference $(awk -v a="$on_median" -v b="$off_median" 'BEGIN {printf "%.2f", a - b}') ms"
