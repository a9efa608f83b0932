#!/usr/bin/env bash
# JMH: the lung-risk model through the platform (single prediction with contributions, batch of 100) vs. a raw
# ONNX Runtime call, and the MNIST CNN through OnnxRuntimeBackend vs. a direct OrtSession call, in the same run.
# Benchmark source: src/test/java/org/cdss/bench/AiInferenceBenchmark.java (JMH is a test-scoped dependency).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
jmh_defaults "$@"
bench_java org.openjdk.jmh.Main AiInferenceBenchmark "${JMH_ARGS[@]}" "$@"
