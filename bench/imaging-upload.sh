#!/usr/bin/env bash
# The imaging upload benchmark (issue 11): the I-SPY2 series (134 slices, ../shared/data or CDSS_TEST_DATA) uploaded
# through CDSS and, in the same run, straight to the same local Orthanc's REST API (one at a time, and from two
# threads), alternating over R rounds after one warm-up round (the study deleted between them); the throughputs and
# their ratios (goal >= 0.8; CDSS stores CDSS_IMAGING_PARALLEL_STORES files at once, default 2), then the time to list a patient's
# studies and to render a preview (through CDSS and straight from Orthanc). Starts CDSS in demo mode (its H2 file in
# a temporary folder) with its own Orthanc; stops both. Usage: bench/imaging-upload.sh [rounds=5] [requests=50]
# Source: src/test/java/org/cdss/imaging/ImagingUploadBenchmark.java.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_java -Xmx512m org.cdss.imaging.ImagingUploadBenchmark "${1:-5}" "${2:-50}"
