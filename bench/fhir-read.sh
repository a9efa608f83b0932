#!/usr/bin/env bash
# FHIR read overhead (issue 17): the application in demo mode on the embedded H2 default with ./cdss seed's data,
# driven by bench/FhirRead.java: Patient read, Patient search by MRN and one patient's Observation search over FHIR,
# against GET /api/patients/{id} (and the JSON search by MRN) in the same run, at 1 and 8 clients (closed loop, one
# session each). Usage: bench/fhir-read.sh [patients=300] [days=30] [seconds per request and level=10]
# Results: target/bench/fhir-read/table.md (and app.log). Not run by ./cdss test. BENCH_APP_OPTS adds JVM options to
# the measured application (not the seeding run), e.g. a JFR recording:
# BENCH_APP_OPTS="-XX:StartFlightRecording=settings=profile,filename=target/bench/fhir-read/app.jfr" bench/fhir-read.sh
# BENCH_JAR=<jar> measures another build (e.g. one of an older commit) with the same client.
# A/B in one command: BENCH_JARS="a.jar b.jar" [BENCH_ROUNDS=3] seeds once (with the first jar), then alternates the
# builds round by round (first to last, then last to first), each on a fresh copy of the same seeded data, and ends
# with each build's req/s and the application's CPU ms per request as a ratio of the first build's in the same round
# (target/bench/fhir-read/ab.md) — on a shared 2-core VM single runs of two builds minutes apart differ by ±15 % (some
# evenings ±50 %) on their own. Each table also gives the application's CPU ms per request and FHIR ÷ JSON in it,
# without the JIT compiler's threads (OcsLoad.appCpuMillis): early in a run they were most of the CPU at 1 client.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PATIENTS=${1:-300}
DAYS=${2:-30}
SECONDS_PER=${3:-10}
OUT=target/bench/fhir-read
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=$((20000 + RANDOM % 20000))
PASSWORD="bench-demo-pass-2026"
HOME_DIR="$PWD/$OUT/home"
JAR=${BENCH_JAR:-target/cdss.jar}
read -r -a JARS <<<"${BENCH_JARS:-$JAR}"
ROUNDS=${BENCH_ROUNDS:-1}
JAR=${JARS[0]}

mkdir -p "$OUT"
if [ "$JAR" = target/cdss.jar ] && [ ! -f target/cdss.jar ]; then
  JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -DskipTests -Dskip.frontend=true -DskipFrontendTests=true -DskipDbMatrix=true package
fi
rm -rf "$HOME_DIR"
KEYS=(CDSS_RRN_KEY="$(head -c 32 /dev/urandom | base64)" CDSS_RRN_HASH_KEY="$(head -c 32 /dev/urandom | base64)")
start_app() {
  env "${KEYS[@]}" CDSS_MODE=demo CDSS_DEMO_PASSWORD="$PASSWORD" CDSS_HOME="$HOME_DIR" SERVER_PORT="$PORT" \
    CDSS_LOGIN_PER_IP=1000000 CDSS_LOGIN_PER_ACCOUNT=1000000 \
    "$JAVA" -Xmx1g --enable-native-access=ALL-UNNAMED -XX:-UseDynamicNumberOfCompilerThreads ${APP_OPTS:-} \
    -jar "$JAR" >>"$OUT/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; then break; fi
    sleep 1
  done
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
}
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; }
trap cleanup EXIT
: >"$OUT/app.log"
# the demo users (the bench logs in as "doctor") are created on the first start of an empty database, so before the seed
start_app
cleanup
app_pid=""
echo "seeding $PATIENTS patients over $DAYS days"
env "${KEYS[@]}" CDSS_MODE=demo CDSS_DEMO_PASSWORD="$PASSWORD" CDSS_HOME="$HOME_DIR" \
  "$JAVA" -Xmx1g --enable-native-access=ALL-UNNAMED -jar "$JAR" --server.port=0 --server.address=127.0.0.1 \
  --cdss.seed.patients="$PATIENTS" --cdss.seed.days="$DAYS" >"$OUT/seed.log" 2>&1
APP_OPTS=${BENCH_APP_OPTS:-}
if [ "${#JARS[@]}" -eq 1 ] && [ "$ROUNDS" -eq 1 ]; then
  start_app
  echo "bench: ${SECONDS_PER}s per request and level; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  BENCH_APP_PID=$app_pid BENCH_CLK_TCK=$(getconf CLK_TCK) \
    "$JAVA" bench/FhirRead.java "http://127.0.0.1:$PORT" "$PASSWORD" "$SECONDS_PER" "$OUT"
  exit 0
fi
rm -rf "$OUT/seeded" "$OUT"/round-*
cp -a "$HOME_DIR" "$OUT/seeded"
for round in $(seq 1 "$ROUNDS"); do
  # odd rounds run the builds first to last, even rounds last to first (ABBA): a drift of the machine's speed within
  # a round then favours each build in turn instead of always the later one
  order=("${!JARS[@]}")
  if [ $((round % 2)) -eq 0 ]; then
    order=()
    for ((k = ${#JARS[@]} - 1; k >= 0; k--)); do order+=("$k"); done
  fi
  for i in "${order[@]}"; do
    JAR=${JARS[$i]}
    rm -rf "$HOME_DIR"
    cp -a "$OUT/seeded" "$HOME_DIR"
    start_app
    echo "round $round, build $((i + 1)) ($JAR): load $(cut -d' ' -f1-3 /proc/loadavg)"
    BENCH_APP_PID=$app_pid BENCH_CLK_TCK=$(getconf CLK_TCK) "$JAVA" bench/FhirRead.java "http://127.0.0.1:$PORT" \
      "$PASSWORD" "$SECONDS_PER" "$OUT/round-$round/build-$((i + 1))" >/dev/null
    cleanup
    app_pid=""
  done
done
# each build's req/s (column 5 of its table) and the application's CPU ms per request (column 11) ÷ the first
# build's, same round, same request and clients
compare() {
  local column=$1 title=$2
  echo "| request | clients | round | $title per build (1, 2, …) | ÷ build 1 |"
  echo "|---|---|---|---|---|"
  for round in $(seq 1 "$ROUNDS"); do
    for i in "${!JARS[@]}"; do
      awk -F'|' -v b="$i" -v r="$round" -v c="$column" 'NR > 2 { gsub(/^ +| +$/, "", $2); gsub(/ /, "", $3); print $2 "|" $3 "|" r "|" b "|" $c }' \
        "$OUT/round-$round/build-$((i + 1))/table.md"
    done
  done | awk -F'|' '{ key = $1 "|" $2 "|" $3; if (!(key in first)) { first[key] = $5; order[++n] = key }
      rates[key] = rates[key] (rates[key] == "" ? "" : ", ") ($5 + 0)
      ratios[key] = ratios[key] (ratios[key] == "" ? "" : ", ") sprintf("%.2f", ($5 + 0) / (first[key] + 0)) }
    END { for (k = 1; k <= n; k++) { split(order[k], f, "|"); printf "| %s | %s | %s | %s | %s |\n", f[1], f[2], f[3], rates[order[k]], ratios[order[k]] } }'
}
{
  echo "builds: ${JARS[*]}"
  echo
  compare 5 "req/s"
  echo
  compare 11 "app CPU ms per request"
} >"$OUT/ab.md"
cat "$OUT/ab.md"
