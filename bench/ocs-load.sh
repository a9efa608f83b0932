#!/usr/bin/env bash
# OCS load benchmark (issue 5): the application on PostgreSQL in demo mode, driven by bench/OcsLoad.java with
# simulated clinicians and department staff at increasing concurrency; each level first measures a baseline
# (GET /api/me, same users, same server) so that the figures are ratios. At the end every created order and every
# successful transition is checked to be present exactly once in the database.
#
#   bench/ocs-load.sh [levels=10,50,100,300,700] [seconds per phase=20] [mean think time ms=0]
#
# Think time 0 is a closed loop (each user sends its next request as soon as the last one answered: a saturation
# test at every level); with a think time (e.g. 5000) the request rate grows with the users, as in a clinic.
#
# Needs: the local PostgreSQL (127.0.0.1:5432, user postgres, trust auth), a built jar (built when missing).
# BENCH_DB=h2 runs on the embedded default instead (a fresh H2 file under target/bench/ocs-load/home-h2, durable
# commits: ADR 0020); the exactly-once check at the end is then left to the crash drill (OrderCrashDrillIntegrationTests).
# Results: target/bench/ocs-load/table.md (and app.log, expected.csv). Not run by ./cdss test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LEVELS=${1:-10,50,100,300,700}
PHASE_SECONDS=${2:-20}
THINK_MS=${3:-0}
OUT=target/bench/ocs-load
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
DB="cdss_bench_ocs_$$"
BENCH_DB=${BENCH_DB:-postgresql}
PORT=$((20000 + RANDOM % 20000))
PASSWORD="bench-demo-pass-2026"

mkdir -p "$OUT"
if [ ! -f target/cdss.jar ]; then
  JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -DskipTests -DskipFrontendTests=true -DskipDbMatrix=true package
fi

if [ "$BENCH_DB" = h2 ]; then
  HOME_DIR="$PWD/$OUT/home-h2" # H2 wants an absolute path
  rm -rf "$HOME_DIR"
  DB_ENV=()
else
  HOME_DIR="$OUT/home"
  DB_ENV=(CDSS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" CDSS_DB_USER=postgres)
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
fi
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ "$BENCH_DB" = h2 ] || "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null || true
}
trap cleanup EXIT

env "${DB_ENV[@]}" CDSS_MODE=demo CDSS_DEMO_PASSWORD="$PASSWORD" CDSS_RRN_KEY="$(head -c 32 /dev/urandom | base64)" CDSS_RRN_HASH_KEY="$(head -c 32 /dev/urandom | base64)" \
  CDSS_HOME="$HOME_DIR" \
  CDSS_DB_POOL_SIZE="${CDSS_DB_POOL_SIZE:-20}" SERVER_PORT="$PORT" \
  CDSS_LOGIN_PER_IP=1000000 CDSS_LOGIN_PER_ACCOUNT=1000000 \
  "$JAVA" -Xmx1g --enable-native-access=ALL-UNNAMED ${BENCH_APP_OPTS:-} -jar target/cdss.jar >"$OUT/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { tail -50 "$OUT/app.log"; exit 1; }

echo "load: levels $LEVELS, ${PHASE_SECONDS}s baseline + ${PHASE_SECONDS}s OCS mix per level, think ${THINK_MS} ms, $(nproc) cores"
load_rc=0
"$JAVA" bench/OcsLoad.java "http://127.0.0.1:$PORT" "$PASSWORD" "$LEVELS" "$PHASE_SECONDS" "$OUT" "$THINK_MS" || load_rc=$?

if [ "$BENCH_DB" = h2 ]; then
  echo "H2: no exactly-once check here (the crash drill covers it); table in $OUT/table.md"
  exit "$load_rc"
fi
echo "verifying: every created order and every transition present exactly once"
"${PSQL[@]}" -d "$DB" <<SQL
CREATE TEMP TABLE expected (order_id CHAR(36), to_status VARCHAR(20));
\copy expected FROM '$OUT/expected.csv' WITH (FORMAT csv)
SELECT 'expected transitions: ' || COUNT(*) FROM expected;
SELECT 'orders created: ' || COUNT(*) FROM expected WHERE to_status = 'PENDING';
SELECT 'orders in database: ' || COUNT(*) FROM clinical_order;
SELECT 'transitions missing or duplicated: ' || COUNT(*) FROM (SELECT e.order_id, e.to_status FROM expected e
  LEFT JOIN order_transition t ON t.order_id = e.order_id AND t.to_status = e.to_status
  GROUP BY e.order_id, e.to_status HAVING COUNT(t.id) <> 1) bad;
SELECT 'transitions not acknowledged to a client: ' || COUNT(*) FROM order_transition t
  WHERE NOT EXISTS (SELECT 1 FROM expected e WHERE e.order_id = t.order_id AND e.to_status = t.to_status);
DO \$\$ BEGIN
  IF (SELECT COUNT(*) FROM clinical_order) <> (SELECT COUNT(*) FROM expected WHERE to_status = 'PENDING')
     OR EXISTS (SELECT 1 FROM expected e LEFT JOIN order_transition t ON t.order_id = e.order_id
                AND t.to_status = e.to_status GROUP BY e.order_id, e.to_status HAVING COUNT(t.id) <> 1)
  THEN RAISE EXCEPTION 'lost or duplicated orders/transitions'; END IF;
END \$\$;
SQL
echo "verified; table in $OUT/table.md"
exit "$load_rc"
