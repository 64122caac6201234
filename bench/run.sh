#!/usr/bin/env bash
# The performance benchmark (docs/performance.md): starts Fundbook with -Xmx512m on its own PostgreSQL
# (embedded by default), measures PostgreSQL's own single-row insert rate with pgbench on the same server
# when pgbench is installed, then drives the HTTP API and prints the figures.
#
#   bench/run.sh [seconds=30] [clients=8] [groups=200] [history=3000]
#
# Environment: BENCH_PORT (HTTP, 18080), BENCH_PG_PORT (embedded PostgreSQL, 15432).
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT=${BENCH_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-15432}
PASSWORD=bench-admin-password
DATA=$(mktemp -d)
trap 'kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; rm -rf "$DATA"' EXIT

./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DATA/classpath" >/dev/null

java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/fundbook.jar --server.port="$HTTP_PORT" --fundbook.data-dir="$DATA" \
  --fundbook.embedded.port="$PG_PORT" --fundbook.admin-password="$PASSWORD" >"$DATA/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null || { tail -50 "$DATA/service.log"; exit 1; }
echo "service up on :$HTTP_PORT, PostgreSQL on :$PG_PORT ($(nproc) cores)"

PG8=""
if command -v pgbench >/dev/null 2>&1; then
  export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER=postgres
  psql -q -d postgres -c "DROP DATABASE IF EXISTS pgbench_baseline" -c "CREATE DATABASE pgbench_baseline"
  psql -q -d pgbench_baseline -c "CREATE TABLE row_insert (id bigserial PRIMARY KEY, payload text NOT NULL)"
  echo "INSERT INTO row_insert (payload) VALUES (repeat('x', 400));" >"$DATA/insert.sql"
  for clients in 1 8 32; do
    tps=$(pgbench -n -c "$clients" -j "$clients" -T 15 -f "$DATA/insert.sql" pgbench_baseline 2>/dev/null \
      | awk '/^tps/ {print int($3)}')
    echo "RESULT pgbench single-row insert clients=$clients tps=$tps"
    [ "$clients" = 8 ] && PG8=$tps
  done
else
  echo "pgbench not installed: no baseline (Debian: apt-get install postgresql-client)"
fi

java -cp "target/test-classes:target/classes:$(cat "$DATA/classpath")" org.fundbook.bench.LoadBenchmark \
  url="http://localhost:$HTTP_PORT" password="$PASSWORD" seconds="${1:-30}" clients="${2:-8}" \
  groups="${3:-200}" history="${4:-3000}" | tee "$DATA/load.txt"

TPS=$(awk -F'contributions_tps=' '/RESULT contributions_tps/ {split($2, a, " "); print a[1]}' "$DATA/load.txt")
if [ -n "$PG8" ] && [ -n "$TPS" ]; then
  awk -v a="$TPS" -v b="$PG8" 'BEGIN {printf "RESULT contributions / pgbench (8 clients) = %.2f\n", a / b}'
fi
echo "heap after the run: $(jcmd "$SERVICE" GC.heap_info 2>/dev/null | awk '/total/ {print; exit}')"
