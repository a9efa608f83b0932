#!/usr/bin/env bash
# JMH: one medication-safety check (10 new drugs x 20 active x 5 allergies, full KB) vs. the baseline of a plain
# pairwise HashMap lookup of the same pairs, in the same run. Extra arguments go to JMH (e.g. -wi 1 -i 2 -r 500ms).
# Benchmark source: src/test/java/org/cdss/bench/MedsafetyCheckBenchmark.java (JMH is a test-scoped dependency).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
cp_file=target/bench-classpath.txt
if [ ! -f target/test-classes/META-INF/BenchmarkList ] || [ ! -f "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  ./mvnw -B -q -Dskip.frontend=true -DskipTests test-compile \
    dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
fi
# defaults, each unless given (JMH refuses an option twice)
args=()
for default in "-f 1" "-wi 3" "-i 5" "-t 1"; do
  [[ " $* " == *" ${default%% *} "* ]] || args+=($default)
done
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main \
  MedsafetyCheckBenchmark "${args[@]}" "$@"
