#!/usr/bin/env bash
# The 1 M-patient search and dashboard benchmark on PostgreSQL (issue 3, items 6 and 8): creates the database
# cdss_bench on the local server (127.0.0.1:5432, trust auth, user postgres), seeds N synthetic patients with D days
# of appointments (./cdss seed's generators), times the unified search (a mix of name, prefix, 초성, MRN, phone and
# birth-date queries) and the dashboard counts against the baselines SELECT 1 and a primary-key lookup, then drops
# the database. Usage: bench/patient-search.sh [patients=1000000] [days=30] [iterations=3000]
# Source: src/test/java/org/cdss/bench/PatientSearchBenchmark.java.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
patients=${1:-1000000}
days=${2:-30}
iterations=${3:-3000}
db=${CDSS_BENCH_DB:-cdss_bench}
psql_() { psql -X -q -h 127.0.0.1 -U postgres "$@"; }
bench_classpath
psql_ -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
trap 'psql_ -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null || true' EXIT
echo "bench: $patients patients, $days days, $iterations searches; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
bench_java -Xmx2g org.cdss.bench.PatientSearchBenchmark "jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true" postgres \
  "$patients" "$days" "$iterations"
psql_ -d "$db" -c "SELECT pg_size_pretty(pg_database_size('$db')) AS database_size"
