#!/usr/bin/env bash
# The imaging upload benchmark (issue 11): the I-SPY2 series (134 slices, ../shared/data or CDSS_TEST_DATA) uploaded
# through CDSS and, in the same run, straight to the same local Orthanc's REST API, alternating over R rounds (the
# study deleted between them); both throughputs and their ratio (goal >= 0.8), then the time to list a patient's
# studies and to render a preview (through CDSS and straight from Orthanc). Starts CDSS in demo mode (its H2 file in
# a temporary folder) with its own Orthanc; stops both. Usage: bench/imaging-upload.sh [rounds=5] [requests=50]
# Source: src/test/java/org/cdss/imaging/ImagingUploadBenchmark.java.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
cp_file=target/bench-classpath.txt
if [ ! -f target/test-classes/org/cdss/imaging/ImagingUploadBenchmark.class ] || [ ! -f "$cp_file" ] \
    || [ pom.xml -nt "$cp_file" ] || [ -n "$(find src -newer "$cp_file" -name '*.java' -print -quit)" ]; then
  ./mvnw -B -q -Dskip.frontend=true -DskipTests test-compile \
    dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
  touch "$cp_file"
fi
"$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.cdss.imaging.ImagingUploadBenchmark "${1:-5}" "${2:-50}"
