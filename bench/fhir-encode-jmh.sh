#!/usr/bin/env bash
# JMH: one FHIR answer (a searchset Bundle of 80 vital-sign Observations, 74.6 kB) from the resource to the bytes the
# servlet sends: HAPI's own JSON parser (baseline), our writer's text path (before ADR 0055) and its UTF-8 path into
# the response's byte buffer, in the same run. Extra arguments go to JMH (e.g. -wi 1 -i 2 -r 500ms).
# Benchmark source: src/test/java/org/cdss/fhir/FhirEncodingBenchmark.java (JMH is a test-scoped dependency).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
jmh_defaults "$@"
bench_java org.openjdk.jmh.Main FhirEncodingBenchmark "${JMH_ARGS[@]}" "$@"
