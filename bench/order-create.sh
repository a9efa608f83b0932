#!/usr/bin/env bash
# Order-create load (issue 16): POST /api/ocs/orders (medication, full safety check, patients with five active drugs
# and two allergies) by N logged-in doctors in a closed loop, against the baseline GET /api/me by the same clients in
# the same run; then every acknowledged order is checked in the stopped application's database (order, PENDING
# transition, alert rows, ORDER_CREATE audit row, nothing else). Each level also reports the application's CPU ms per
# baseline request and per create (from /proc/<pid>/stat, less the JIT compiler's threads): steadier than req/s on a
# shared VM.
#
#   bench/order-create.sh [levels=1,8,32] [seconds per phase=20] [warm-up seconds=60]
#   bench/order-create.sh --quick      # the one-minute regression check: 8 clients, 10 s phases, 20 s warm-up
#
# BENCH_DB=h2 (default: the durable embedded default, a fresh H2 file) or postgresql (a throw-away database on
# 127.0.0.1:5432; the table then also gives PostgreSQL's commits per create). BENCH_JAR compares another build
# (default target/cdss.jar, built when missing), e.g. one built from an older commit. BENCH_APP_OPTS adds JVM options
# (a JFR recording). Results: target/bench/order-create/<db>/table.md, app.log, created.csv. Not run by ./cdss test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${1:-}" = "--quick" ]; then set -- 8 10 20; fi
LEVELS=${1:-1,8,32}
PHASE_SECONDS=${2:-20}
WARM_UP=${3:-60}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
BENCH_DB=${BENCH_DB:-h2}
JAR=${BENCH_JAR:-target/cdss.jar}
OUT=target/bench/order-create/$BENCH_DB
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
DB="cdss_bench_create_$$"
PORT=$((20000 + RANDOM % 20000))
PASSWORD="bench-demo-pass-2026"

mkdir -p "$OUT"
if [ ! -f "$JAR" ]; then
  JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -DskipTests -DskipFrontendTests=true -DskipDbMatrix=true package
fi
# JDBC drivers for the check at the end, from the jar under test
rm -rf "$OUT/lib" && mkdir -p "$OUT/lib"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar' -d "$OUT/lib"

HOME_DIR="$PWD/$OUT/home" # H2 wants an absolute path
rm -rf "$HOME_DIR"
if [ "$BENCH_DB" = h2 ]; then
  DB_ENV=()
  VERIFY_URL="jdbc:h2:file:$HOME_DIR/db/cdss;MODE=LEGACY"
  VERIFY_USER=sa
  STATS_URL=""
else
  DB_ENV=(CDSS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" CDSS_DB_USER=postgres)
  VERIFY_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
  VERIFY_USER=postgres
  STATS_URL=$VERIFY_URL
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
fi
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; fi
  [ "$BENCH_DB" = h2 ] || "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null || true
}
trap cleanup EXIT

env "${DB_ENV[@]}" CDSS_MODE=demo CDSS_DEMO_PASSWORD="$PASSWORD" CDSS_RRN_KEY="$(head -c 32 /dev/urandom | base64)" \
  CDSS_RRN_HASH_KEY="$(head -c 32 /dev/urandom | base64)" CDSS_HOME="$HOME_DIR" SERVER_PORT="$PORT" \
  CDSS_LOGIN_PER_IP=1000000 CDSS_LOGIN_PER_ACCOUNT=1000000 \
  "$JAVA" -Xmx1g --enable-native-access=ALL-UNNAMED -XX:-UseDynamicNumberOfCompilerThreads ${BENCH_APP_OPTS:-} \
  -jar "$JAR" >"$OUT/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { tail -50 "$OUT/app.log"; exit 1; }

echo "order create: $JAR on $BENCH_DB, levels $LEVELS, ${PHASE_SECONDS}s baseline + ${PHASE_SECONDS}s creates, $(nproc) cores"
load_rc=0
# the application's CPU time per request (without the JIT compiler's threads), read by the client from /proc at the
# phase boundaries
BENCH_APP_PID=$app_pid BENCH_CLK_TCK=$(getconf CLK_TCK) \
  "$JAVA" -cp "$OUT/lib/*" bench/OrderCreateLoad.java load "http://127.0.0.1:$PORT" "$PASSWORD" "$LEVELS" \
  "$PHASE_SECONDS" "$WARM_UP" "$OUT" $STATS_URL || load_rc=$?
kill "$app_pid" && wait "$app_pid" 2>/dev/null || true # a clean stop, then the database is read as left
app_pid=""
"$JAVA" -cp "$OUT/lib/*" bench/OrderCreateLoad.java verify "$VERIFY_URL" "$VERIFY_USER" "$OUT"
echo "table in $OUT/table.md"
exit "$load_rc"
