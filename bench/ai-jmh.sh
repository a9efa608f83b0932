#!/usr/bin/env bash
# JMH: the lung-risk model through the platform (single prediction with contributions, batch of 100) vs. a raw
# ONNX Runtime call, and the MNIST CNN through OnnxRuntimeBackend vs. a direct OrtSession call, in the same run.
# Benchmark source: src/test/java/org/cdss/bench/AiInferenceBenchmark.java (JMH is a test-scoped dependency).
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
# ONNX Runtime 1.29's native start-up crashes (SIGSEGV) when java.class.path is longer than about 4 KB (measured
# here, 2026-12-05): run from a manifest-only "pathing" jar, as surefire does, so that java.class.path stays short.
pathing=target/bench-ai-classpath.jar
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
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$pathing" org.openjdk.jmh.Main \
  AiInferenceBenchmark "${args[@]}" "$@"
