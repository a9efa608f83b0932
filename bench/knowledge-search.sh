#!/usr/bin/env bash
# Knowledge hub: index N synthetic Korean + English documents (nori + standard analyzers, as the application does),
# report indexing throughput, then search p50/p95 of the Lucene index (top 20 with highlighting) vs. a plain SQL LIKE
# over the same texts, same run. Arguments: [documents=10000] [queries=600] [baseline JDBC URL, default in-memory H2]
# e.g. bench/knowledge-search.sh 10000 600 'jdbc:postgresql://127.0.0.1/test?user=postgres'
# Source: src/test/java/org/cdss/knowledge/KnowledgeSearchBenchmark.java
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
cp_file=target/bench-classpath.txt
if [ ! -f target/test-classes/org/cdss/knowledge/KnowledgeSearchBenchmark.class ] || [ ! -f "$cp_file" ] \
  || [ pom.xml -nt "$cp_file" ]; then
  ./mvnw -B -q -Dskip.frontend=true -DskipTests test-compile \
    dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
fi
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.cdss.knowledge.KnowledgeSearchBenchmark "$@"
