#!/usr/bin/env bash
# Start-up time to readiness UP and heap used after start, on the embedded default (H2 file, demo mode), -Xmx512m.
# Baseline: the plain fat jar. Compared in the same run: the extracted jar with the AOT cache that ./cdss run uses.
# Each run: first start on a fresh CDSS_HOME (creates the demo data), then a restart on the same data.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
JCMD=$JAVA_HOME/bin/jcmd
[ -f target/cdss.jar ] || ./mvnw -B -q -DskipTests package
if [ ! -f target/app/cdss.aot ]; then   # same preparation as ./cdss run
  rm -rf target/app && "$JAVA" -Djarmode=tools -jar target/cdss.jar extract --destination target/app >/dev/null
  t=$(mktemp -d)
  CDSS_HOME=$t CDSS_MODE=production CDSS_RRN_KEY=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= CDSS_RRN_HASH_KEY=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= SERVER_PORT=0 \
    "$JAVA" --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=target/app/cdss.aot \
    -Dspring.context.exit=onRefresh -jar target/app/cdss.jar >/dev/null 2>&1
  rm -rf "$t"
fi
port=18090
printf "%-4s %-10s %-8s %14s %13s\n" run variant start ready_ms heap_used_MB
for i in $(seq 1 "$runs"); do
  for variant in jar aot; do
    if [ $variant = jar ]; then launch=(-jar target/cdss.jar); else launch=(-XX:AOTCache=target/app/cdss.aot -jar target/app/cdss.jar); fi
    home=$(mktemp -d)
    for kind in first restart; do
      start=$(date +%s%N)
      CDSS_HOME=$home CDSS_MODE=demo CDSS_DEMO_PASSWORD=bench-password-2026 SERVER_PORT=$port \
        "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED "${launch[@]}" >"$home/log-$kind" 2>&1 &
      pid=$!
      until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
        kill -0 $pid 2>/dev/null || { echo "CDSS died; see $home/log-$kind"; exit 1; }
        sleep 0.1
      done
      ready=$(( ($(date +%s%N) - start) / 1000000 ))
      sleep 2
      heap=$("$JCMD" $pid GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {for(i=1;i<=NF;i++) if($i=="used") {v=$(i+1); sub("K,","",v); printf "%.0f", v/1024}}')
      printf "%-4s %-10s %-8s %14s %13s\n" "$i" "$variant" "$kind" "$ready" "${heap:-?}"
      kill $pid; wait $pid 2>/dev/null || true
    done
    rm -rf "$home"
  done
done
