#!/usr/bin/env bash
# Horizontal scaling of render workers on waiting-bound work (issue 16): starts the local stack with one worker,
# measures 1, 2 and 4 workers (separate processes) on generative steps against the OpenAI Images fake answering
# in a fixed 500 ms, then a worker joining and another leaving mid-load (lost / repeated steps), and one
# partition's ceiling on built-in steps. Writes the "Horizontal scaling" section of docs/benchmarks.md.
# Takes several minutes; not part of the build (system-tests ScaleBenchmark runs only with -Datelier.bench=scale).
# Knobs: ROUNDS (steps per session per run, 3), PER_PARTITION (sessions per partition, 2), BUILT_IN_STEPS (30).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== packaging the services and the system tests"
./mvnw -B -q -o package -pl system-tests -am -DskipTests
echo "== running the benchmark"
./mvnw -B -o -pl system-tests -am test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Datelier.bench=scale -Datelier.stack.workers=1 \
  -Datelier.bench.rounds="${ROUNDS:-3}" -Datelier.bench.sessions-per-partition="${PER_PARTITION:-2}" \
  -Datelier.bench.built-in-steps="${BUILT_IN_STEPS:-30}" | grep -E '\[ScaleBenchmark\]|Tests run|FAIL|ERROR'
sed -n '/<!-- scale-benchmark/,/<!-- \/scale-benchmark -->/p' docs/benchmarks.md
