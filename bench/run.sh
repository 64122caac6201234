#!/usr/bin/env bash
# The performance benchmark (docs/performance.md): starts Fundbook with -Xmx512m on its own PostgreSQL
# (embedded by default), measures PostgreSQL's own single-row insert rate with pgbench on the same server
# when pgbench is installed, then drives the HTTP API and prints the figures.
#
#   bench/run.sh [seconds=30] [clients=8] [groups=200] [history=3000] [rebuild=1000000] [reports=1000]
#
# The rebuild phase grows the event store to `rebuild` events (copies of the run's groups) and times the rebuild of
# the read models; it needs a few GB of disk and some minutes. 0 skips it.
# The reports phase (before the rebuild, whose read models it needs) writes 25 groups of 30 members with two years of
# monthly meetings through the API in one province, copies them in the event store to `reports` groups (1,000: about
# 930,000 events), and after the rebuild times each report over the whole province (p50/p99 of 30 requests). 0 skips
# it. Only some phases: BENCH_LOAD_ARGS="phases=reports" (of writes,meetings,history,rebuild,reports).
# Between the repayments and the long history, `clients` clients send whole meetings of 25 entries to groups of their
# own (LoadBenchmark's meetingGroups, 400 by default).
#
# Environment: BENCH_HOLD (seconds to keep the service and its database up after the load generator, to look at
# them: psql -h 127.0.0.1 -p $BENCH_PG_PORT -U postgres fundbook), BENCH_PORT (HTTP, 18080), BENCH_PG_PORT (embedded PostgreSQL, 15432), BENCH_JAVA_OPTS (the service's
# JVM), BENCH_LOAD_ARGS (more key=value arguments of LoadBenchmark, e.g. "warmup=90 meetingGroups=600").
# An existing PostgreSQL instead of the embedded one: BENCH_PG_HOST, BENCH_PG_PORT (5432), BENCH_PG_DB (fundbook),
# BENCH_PG_USER (postgres), BENCH_PG_PASSWORD; the database must exist and should be empty.
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT=${BENCH_PORT:-18080}
PG_HOST=${BENCH_PG_HOST:-}
PG_PORT=${BENCH_PG_PORT:-$([ -n "$PG_HOST" ] && echo 5432 || echo 15432)}
PG_DB=${BENCH_PG_DB:-fundbook}
PG_USER=${BENCH_PG_USER:-postgres}
export PGPASSWORD=${BENCH_PG_PASSWORD:-}
PASSWORD=bench-admin-password
DATA=$(mktemp -d)
trap 'kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; rm -rf "$DATA"' EXIT

./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DATA/classpath" >/dev/null

if [ -n "$PG_HOST" ]; then
  DATABASE=(--spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" --spring.datasource.username="$PG_USER"
    --spring.datasource.password="$PGPASSWORD")
else
  PG_HOST=127.0.0.1
  DATABASE=(--fundbook.embedded.port="$PG_PORT")
fi
java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/fundbook.jar --server.port="$HTTP_PORT" --fundbook.data-dir="$DATA" \
  "${DATABASE[@]}" --fundbook.admin-password="$PASSWORD" >"$DATA/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null || { tail -50 "$DATA/service.log"; exit 1; }
echo "service up on :$HTTP_PORT, PostgreSQL on $PG_HOST:$PG_PORT ($(nproc) cores)"

PG_PID=""
[ -f "$DATA/postgres/postmaster.pid" ] && PG_PID="pgPid=$(head -1 "$DATA/postgres/postmaster.pid")"

PG8=""
if command -v pgbench >/dev/null 2>&1; then
  export PGHOST="$PG_HOST" PGPORT="$PG_PORT" PGUSER="$PG_USER"
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
  groups="${3:-200}" history="${4:-3000}" rebuild="${5:-1000000}" reportGroups="${6:-1000}" \
  jdbc="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" jdbcUser="$PG_USER" jdbcPassword="$PGPASSWORD" \
  servicePid="$SERVICE" ${PG_PID:+"$PG_PID"} ${BENCH_LOAD_ARGS:-} | tee "$DATA/load.txt"

if [ -n "${BENCH_HOLD:-}" ]; then
  echo "holding the service (:$HTTP_PORT) and PostgreSQL ($PG_HOST:$PG_PORT) for $BENCH_HOLD s"
  sleep "$BENCH_HOLD"
fi

TPS=$(awk -F'contributions_tps=' '/RESULT contributions_tps/ {split($2, a, " "); print a[1]}' "$DATA/load.txt")
if [ -n "$PG8" ] && [ -n "$TPS" ]; then
  awk -v a="$TPS" -v b="$PG8" 'BEGIN {printf "RESULT contributions / pgbench (8 clients) = %.2f\n", a / b}'
fi
ENTRIES=$(awk -F'entries_per_s=' '/RESULT meetings entries_per_s/ {split($2, a, " "); print a[1]}' "$DATA/load.txt")
if [ -n "$PG8" ] && [ -n "$ENTRIES" ]; then
  awk -v a="$ENTRIES" -v b="$PG8" 'BEGIN {printf "RESULT meeting entries / pgbench (8 clients) = %.2f\n", a / b}'
fi
echo "heap after the run: $(jcmd "$SERVICE" GC.heap_info 2>/dev/null | awk '/total/ {print; exit}')"
