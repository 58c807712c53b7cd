#!/usr/bin/env bash
# The scan-stage benchmark: a generated monorepo, per-parser throughput, then whole scans from a Git object database.
# Usage: bench/scan.sh [modules (default 500)] [rounds (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/java-env
mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q test-compile
exec java -Xmx512m -cp "target/classes:target/test-classes:target/libs/*" dev.depscan.bench.ScanBenchmark "$@"
