#!/usr/bin/env bash
# Builds the project, then the JMH benchmarks, and runs them. Extra arguments go to JMH,
# e.g. loadtest/jmh/run.sh IndicatorBench -f 1 -wi 3 -i 5
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests install
./mvnw -B -q -f loadtest/jmh/pom.xml package
exec java -jar loadtest/jmh/target/benchmarks.jar "$@"
