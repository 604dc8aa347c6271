#!/usr/bin/env bash
# Runs every published measurement with fixed parameters, stores bench/results/<name>.json and renders
# docs/benchmarks.md + docs/img/*.png. Takes under 30 minutes on 2 cores; not part of CI.
# Usage: bash bench/run-all.sh   (from anywhere; set IOTACTORS_TEST_PG for PostgreSQL)
set -uo pipefail
cd "$(dirname "$0")/.."
RESULTS=bench/results
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT
mkdir -p "$RESULTS" docs/img
rm -f "$RESULTS"/*.json

echo "== building (Release)"
dotnet build -c Release src/IotActors.Node -v q -nologo >/dev/null || { echo "node build failed"; exit 1; }
dotnet build -c Release bench/IotActors.Bench -v q -nologo >/dev/null || { echo "bench build failed"; exit 1; }
BENCH=bench/IotActors.Bench/bin/Release/net10.0/IotActors.Bench
export IOTACTORS_NODE=src/IotActors.Node/bin/Release/net10.0/iotactors
COMMANDS=$("$BENCH" 2>/dev/null | awk 'NR>2 {print $1}')

has() { grep -qx "$1" <<<"$COMMANDS"; }
record() { "$BENCH" record "$@" >/dev/null; }

# run NAME TIMEOUT_S COMMAND ARGS...: records figures, or "not run" when the command does not exist yet.
run() {
  local name=$1 limit=$2; shift 2
  local cmd="dotnet run -c Release --project bench/IotActors.Bench -- $*"
  if ! has "$1"; then
    echo "-- $name: not run (command '$1' does not exist yet)"
    record --name "$name" --cmd "$cmd" --not-run "command '$1' does not exist yet"
    return
  fi
  echo "-- $name: $*"
  timeout --kill-after=10 "$limit" "$BENCH" "$@" >"$LOGS/$name.log" 2>&1
  local code=$?
  [ $code -eq 124 ] && echo "timed out after ${limit} s" >>"$LOGS/$name.log"
  tail -n 3 "$LOGS/$name.log" | sed 's/^/   /'
  record --name "$name" --cmd "$cmd" --log "$LOGS/$name.log" --exit-code "$code"
}

run pingpong          60  pingpong --pairs 2 --inflight 1000 --seconds 5 --throughput 30
run pingpong-single   60  pingpong --pairs 1 --inflight 1 --seconds 5 --throughput 30
run spawn             120 spawn --actors 1000000
run remote-tls-1      90  remote-pingpong --clients 1 --seconds 5 --tls on
run remote-tls-10     90  remote-pingpong --clients 10 --seconds 5 --tls on
run remote-plain-1    90  remote-pingpong --clients 1 --seconds 5 --tls off
run remote-plain-10   90  remote-pingpong --clients 10 --seconds 5 --tls off
run persist-sqlite    180 persist --store sqlite --actors 100 --seconds 6
if [ -n "${IOTACTORS_TEST_PG:-}" ] || (command -v pg_isready >/dev/null && pg_isready -h 127.0.0.1 -q); then
  run persist-postgres 180 persist --store postgres --actors 100 --seconds 6
else
  record --name persist-postgres --cmd "persist --store postgres" --not-run "no PostgreSQL on 127.0.0.1 (set IOTACTORS_TEST_PG)"
  echo "-- persist-postgres: not run (no PostgreSQL)"
fi
run cluster           600 cluster --nodes 5 --trials 3
run cluster-10        450 cluster --nodes 10 --trials 1
# e2e waits (up to 120 s) until no node is busy in the JIT; e2e-cold measures right after start, while tiered JIT still runs
run e2e               240 e2e --nodes 3 --seconds 20
run e2e-cold          120 e2e --nodes 3 --seconds 20 --warmup 3
run e2e-max           240 e2e --nodes 1 --rate 25000 --devices 8 --toggle-every 1000 --seconds 10
run cluster-tools     120 cluster-tools --messages 20000 --updates 1000 --nodes 5
run cluster-tools-3   120 cluster-tools --messages 2000 --updates 1000 --nodes 3
run cluster-tools-10  180 cluster-tools --messages 2000 --updates 1000 --nodes 10
run gateway-udp       90  gateway-udp --seconds 5 --senders 2 --devices 10
for d in 1 10 100 1000; do
  run "http-ingest-$d" 90 http-ingest --seconds 5 --clients 4 --devices "$d"
done
run idle-node         120 idle-node --seconds 60
# cost growth (issue #11): 1/3/5/10 nodes x 10 devices and 3 nodes x 1/10/100/1000 devices, real processes (about 6 minutes)
run growth            600 growth --nodes 1,3,5,10 --devices 1,10,100,1000 --seconds 10 --warmup 20
run hocon             400 bdn --filter '*HoconParse*' --job short

echo "== report"
"$BENCH" report
