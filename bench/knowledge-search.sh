#!/usr/bin/env bash
# Knowledge hub: index N synthetic Korean + English documents (nori + standard analyzers, as the application does),
# report indexing throughput, then search p50/p95 of the Lucene index (top 20 with highlighting) vs. a plain SQL LIKE
# over the same texts, same run. Arguments: [documents=10000] [queries=600] [baseline JDBC URL, default in-memory H2]
# e.g. bench/knowledge-search.sh 10000 600 'jdbc:postgresql://127.0.0.1/test?user=postgres'
# Source: src/test/java/org/cdss/knowledge/KnowledgeSearchBenchmark.java
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_java -Xmx1g org.cdss.knowledge.KnowledgeSearchBenchmark "$@"
