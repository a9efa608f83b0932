#!/usr/bin/env bash
# Start-up time to readiness UP and heap used after start, on the embedded default (H2 file, demo mode), -Xmx512m.
# Each run uses a fresh CDSS_HOME (first start, with demo data creation) and then restarts on it (warm data).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -f target/cdss.jar ] || ./mvnw -B -q -DskipTests package
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JCMD=$(dirname "$JAVA")/jcmd
port=18090
printf "%-8s %-10s %12s %14s\n" run start time_to_ready heap_used_MB
for i in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  for kind in first restart; do
    start=$(date +%s%N)
    CDSS_HOME=$home CDSS_MODE=demo CDSS_DEMO_PASSWORD=bench-password-2026 SERVER_PORT=$port \
      "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -jar target/cdss.jar >"$home/log" 2>&1 &
    pid=$!
    until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
      kill -0 $pid 2>/dev/null || { echo "CDSS died; see $home/log"; exit 1; }
      sleep 0.1
    done
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    sleep 2
    heap=$("$JCMD" $pid GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {for(i=1;i<=NF;i++) if($i=="used") {v=$(i+1); sub("K,","",v); printf "%.0f", v/1024}}')
    printf "%-8s %-10s %10s ms %14s\n" "$i" "$kind" "$ready" "${heap:-?}"
    kill $pid; wait $pid 2>/dev/null || true
  done
  rm -rf "$home"
done
