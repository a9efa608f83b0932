# Sourced by the bench scripts that run a class from the test sources: `bench_java [java options…] MainClass [args…]`.
# Builds the test classes and the test class path when the sources, resources or pom changed since the last build
# (a stale build would benchmark old code), then runs java from a manifest-only "pathing" jar: java.class.path stays
# short, which ONNX Runtime 1.29 needs (its native start-up crashes the JVM when the class path is longer than
# about 4 KB, measured here 2026-12-05) and which keeps `ps` readable. No Maven offline flag: runs from a fresh clone.
# shellcheck shell=bash
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME

bench_classpath() {
  local cp_file=target/bench-classpath.txt pathing=target/bench-classpath.jar
  if [ ! -f "$cp_file" ] || [ ! -f target/test-classes/META-INF/BenchmarkList ] \
      || [ -n "$(find pom.xml src/main src/test -newer "$cp_file" -type f -print -quit)" ]; then
    ./mvnw -B -q -Dskip.frontend=true -DskipTests test-compile \
      dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
    touch "$cp_file"
  fi
  if [ ! -f "$pathing" ] || [ "$cp_file" -nt "$pathing" ]; then
    python3 - "$cp_file" "$pathing" <<'PY'
import os, sys, zipfile
from urllib.parse import quote
entries = [os.path.abspath("target/test-classes") + "/", os.path.abspath("target/classes") + "/"]
entries += open(sys.argv[1]).read().strip().split(":")
line = "Class-Path: " + " ".join("file://" + quote(e) for e in entries)
chunks = [line[:70]] + [" " + line[i:i + 69] for i in range(70, len(line), 69)]
manifest = "Manifest-Version: 1.0\r\n" + "\r\n".join(chunks) + "\r\n\r\n"
with zipfile.ZipFile(sys.argv[2], "w") as z:
    z.writestr("META-INF/MANIFEST.MF", manifest)
PY
  fi
  BENCH_CLASSPATH=$pathing
}

bench_java() {
  bench_classpath
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CLASSPATH" "$@"
}

# JMH defaults, each unless the caller gave it (JMH refuses an option twice): sets JMH_ARGS.
jmh_defaults() {
  JMH_ARGS=()
  local default
  for default in "-f 1" "-wi 3" "-i 5" "-t 1"; do
    [[ " $* " == *" ${default%% *} "* ]] || JMH_ARGS+=($default)
  done
}
