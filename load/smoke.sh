#!/usr/bin/env bash
# Load smoke for CI: a small dataset, the packaged service (prod profile, throwaway keys), and a
# 30-second warm-up, then a 60-second open-model run at a modest rate (reached over 10 s) that fails on
# p99 >= 250 ms or any 5xx/timeout.
# Usage: load/smoke.sh   (after ./mvnw package; PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${SMOKE_RATE:-50}
SECONDS_AT_RATE=${SMOKE_SECONDS:-60}
PORT=${SMOKE_PORT:-18080}
DB=autoshop_smoke_$$
WORK=$(mktemp -d)
URL=postgresql://postgres@127.0.0.1:5432/$DB
SERVICE_PID=
. load/service.sh

cleanup() {
  stop_service
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

throwaway_keys "$WORK"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"

echo "== schema (Flyway, by the service)"
start_service "$URL" "$PORT" "$WORK" "$WORK/service.log" -Xmx512m
stop_service

echo "== dataset (a twentieth of the benchmark's)"
CUSTOMERS=5000 VEHICLES=7500 APPOINTMENTS=50000 MESSAGES=50000 HEAVY=5 \
  load/dataset/load.sh "$URL" 7 > "$WORK/dataset.log"
tail -n 2 "$WORK/dataset.log"

echo "== service"
start_service "$URL" "$PORT" "$WORK" "$WORK/service.log" -Xmx512m

gatling() {
  ./mvnw -B -q -f load/pom.xml gatling:test -Dbase.url="http://localhost:$PORT" \
    -Ddb.url="jdbc:postgresql://127.0.0.1:5432/$DB" "$@"
}

# A JVM answers its first seconds of traffic from the interpreter (p50 above 300 ms in the first
# second on this machine): warm the service up first, still failing on any error, so that the measured
# run's p99 is the service's and not the JIT compiler's. The load generator's own JVM starts cold with
# each run too (p99 344..592 ms in its first two seconds on the slowest machine seen), so the measured
# run reaches its rate over 10 s.
echo "== warm-up: 20 requests/s for 30 s (latency not asserted)"
gatling -Dsteps=20 -Dstep.seconds=30 -Dassert.p95=60000 -Dassert.p99=60000

echo "== load: $RATE requests/s for $SECONDS_AT_RATE s after a 10 s ramp"
gatling -Dramp.seconds=10 -Dsteps="$RATE" -Dstep.seconds="$SECONDS_AT_RATE" -Dassert.p95=250 -Dassert.p99=250
