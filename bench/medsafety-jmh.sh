#!/usr/bin/env bash
# JMH: one medication-safety check (10 new drugs x 20 active x 5 allergies, full KB) vs. the baseline of a plain
# pairwise HashMap lookup of the same pairs, in the same run. Extra arguments go to JMH (e.g. -wi 1 -i 2 -r 500ms).
# Benchmark source: src/test/java/org/cdss/bench/MedsafetyCheckBenchmark.java (JMH is a test-scoped dependency).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
jmh_defaults "$@"
bench_java org.openjdk.jmh.Main MedsafetyCheckBenchmark "${JMH_ARGS[@]}" "$@"
