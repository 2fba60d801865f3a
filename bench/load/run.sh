#!/usr/bin/env bash
# HTTP load driver: starts Tradewind (Release, SQLite, demo data) on a loopback port and measures endpoints
# with wrk. Each endpoint is run RUNS times; the median requests/s and p99 latency are printed, with the
# plain-text liveness endpoint /health/live of the same server as the baseline measured in the same run.
# Usage: bench/load/run.sh [RUNS=5] [DURATION=10s] [CONNECTIONS=64]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}; duration=${2:-10s}; connections=${3:-64}
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get update -q && $sudo apt-get install -y -q wrk; }

port=$(shuf -i 40000-49999 -n 1)
data=$(mktemp -d -t tradewind-bench.XXXXXX)
dotnet build src/Tradewind.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
ASPNETCORE_ENVIRONMENT=Production DataDirectory="$data" Demo__Seed=true Logging__LogLevel__Default=Warning \
  dotnet src/Tradewind.Web/bin/Release/net10.0/Tradewind.Web.dll --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

measure() { # endpoint -> "rps p99ms" for one run
  wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$1" |
    awk '/Requests\/sec/ {rps=$2} /^ +99%/ {v=$2; if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; p99=v} END {print rps, p99}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-28s %12s %12s\n' endpoint "median rps" "median p99ms"
for endpoint in /health/live /health /api/v1/currencies /api/v1/countries/DE / ; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$endpoint" || { echo "$endpoint does not answer 200" >&2; continue; }
  results=$(for _ in $(seq 1 "$runs"); do measure "$endpoint"; done)
  printf '%-28s %12s %12s\n' "$endpoint" "$(cut -d' ' -f1 <<<"$results" | median)" "$(cut -d' ' -f2 <<<"$results" | median)"
done
