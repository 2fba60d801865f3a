#!/usr/bin/env bash
# Listing-page throughput, as the catalogue issue asks: requests/s on a listing page under 64 connections next to
# the plain-text /health/live endpoint of the same server in the same run (target: listing ≥ 40 % of plain text),
# then p99 latency at half the listing page's measured rate, held constant with hey (target: p99 ≤ 50 ms).
# Usage: bench/load/listing-page.sh [RUNS=5] [DURATION=10s]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}; duration=${2:-10s}; connections=64
need=(); command -v wrk >/dev/null || need+=(wrk); command -v hey >/dev/null || need+=(hey)
if [ ${#need[@]} -gt 0 ]; then sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get update -q && $sudo apt-get install -y -q "${need[@]}"; fi

port=$(shuf -i 40000-49999 -n 1)
data=$(mktemp -d -t tradewind-bench.XXXXXX)
dotnet build src/Tradewind.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
ASPNETCORE_ENVIRONMENT=Production DataDirectory="$data" Demo__Seed=true Logging__LogLevel__Default=Warning \
  dotnet src/Tradewind.Web/bin/Release/net10.0/Tradewind.Web.dll --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
slug=$(curl -fs "http://127.0.0.1:$port/api/v1/catalog/search?pageSize=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
listing="/products/$slug"
curl -fs -o /dev/null "http://127.0.0.1:$port$listing" || { echo "$listing does not answer 200" >&2; exit 1; }
# Warm up both endpoints (JIT, caches) before measuring.
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port/health/live" >/dev/null
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port$listing" >/dev/null

rps() { wrk -t2 -c"$connections" -d"$duration" "http://127.0.0.1:$port$1" | awk '/Requests\/sec/ {print $2}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
plain=(); page=()
for run in $(seq 1 "$runs"); do
  plain+=("$(rps /health/live)"); page+=("$(rps "$listing")")
  echo "run $run: /health/live ${plain[-1]} rps, $listing ${page[-1]} rps"
done
plain_median=$(printf '%s\n' "${plain[@]}" | median)
page_median=$(printf '%s\n' "${page[@]}" | median)
ratio=$(awk -v a="$page_median" -v b="$plain_median" 'BEGIN {printf "%.1f", 100 * a / b}')
echo "median: /health/live $plain_median rps, listing page $page_median rps = $ratio % of plain text"

half=$(awk -v r="$page_median" 'BEGIN {printf "%d", r / 2}')
per_worker=$(awk -v r="$half" -v c="$connections" 'BEGIN {q = r / c; printf "%.2f", (q < 1 ? 1 : q)}')
p99s=()
for run in $(seq 1 "$runs"); do
  p99=$(hey -z "$duration" -c "$connections" -q "$per_worker" "http://127.0.0.1:$port$listing" | awk '/99% in/ {printf "%.1f", $3 * 1000}')
  p99s+=("$p99"); echo "run $run at ~$half rps: p99 $p99 ms"
done
echo "median p99 at ~$half rps: $(printf '%s\n' "${p99s[@]}" | median) ms"
