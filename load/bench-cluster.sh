#!/usr/bin/env bash
# The benchmark's PostgreSQL (BENCHMARKS.md "Set-up"): a cluster of its own on port 5433 with 2 GB of
# shared buffers, pg_stat_statements, lz4 full-page images and logged checkpoints and autovacuums; the
# database autoshop_load migrated by the service's Flyway and loaded with the dataset (seed 42).
# Usage: load/bench-cluster.sh            (as root, after ./mvnw package; about 3 minutes)
#        load/bench-cluster.sh drop       (stops and removes the cluster)
# Then start the service against it with the environment this prints, and run the load test
# (BENCHMARKS.md "Commands"). The machine's own cluster on 5432, which the tests use, is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=${BENCH_CLUSTER:-bench}
PORT=${BENCH_PORT:-5433}
SEED=${BENCH_SEED:-42}
VERSION=$(ls /etc/postgresql | sort -V | tail -n 1)
CONF=/etc/postgresql/$VERSION/$NAME
URL=postgresql://postgres@127.0.0.1:$PORT/autoshop_load
KEYS=/tmp/autoshop-bench-keys

if [ "${1:-}" = drop ]; then
  pg_ctlcluster "$VERSION" "$NAME" stop 2>/dev/null || true
  pg_dropcluster "$VERSION" "$NAME"
  exit 0
fi

if [ ! -d "$CONF" ]; then
  pg_createcluster "$VERSION" "$NAME" -p "$PORT" > /dev/null
  cat >> "$CONF/postgresql.conf" <<'SETTINGS'
listen_addresses = '127.0.0.1'
shared_buffers = 2GB
shared_preload_libraries = 'pg_stat_statements'
wal_compression = lz4
log_checkpoints = on
log_autovacuum_min_duration = 0
SETTINGS
  # trusted on loopback, as the machine's own cluster is
  sed -i 's/^\(host.*127.0.0.1\/32\s*\)scram-sha-256/\1trust/' "$CONF/pg_hba.conf"
fi
pg_ctlcluster "$VERSION" "$NAME" start 2>/dev/null || true
psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "DROP DATABASE IF EXISTS autoshop_load WITH (FORCE)"
psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE autoshop_load"
psql "$URL" -qc "CREATE EXTENSION pg_stat_statements"

. load/service.sh
throwaway_keys "$KEYS"
echo "== schema (Flyway, by the service)"
LOG=$(mktemp)
trap 'stop_service; rm -f "$LOG"' EXIT # a service that never got ready is still running
start_service "$URL" 18081 "$KEYS" "$LOG"
stop_service

echo "== dataset (seed $SEED)"
load/dataset/load.sh "$URL" "$SEED"

echo "== ready; the service (a webhook secret of your own, 16 characters or more):"
echo "  DATABASE_URL=$URL SMALLRYE_JWT_SIGN_KEY_LOCATION=$KEYS/private.pem \\"
echo "  MP_JWT_VERIFY_PUBLICKEY_LOCATION=$KEYS/public.pem WEBHOOK_SECRET=... \\"
echo "  java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages -jar target/quarkus-app/quarkus-run.jar"
