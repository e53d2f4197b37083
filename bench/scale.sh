#!/usr/bin/env bash
# Horizontal scaling of render workers on waiting-bound work (issue 16): starts the local stack with one worker,
# measures 1, 2 and 4 workers (separate processes) on generative steps against the OpenAI Images fake answering
# in a fixed 500 ms, then a worker joining and another leaving mid-load (lost / repeated steps), and one
# partition's ceiling on built-in steps. Writes the measured part of the "Scaling" section of docs/benchmarks.md.
# Takes several minutes; not part of the build (system-tests ScaleBenchmark runs only with -Datelier.bench=scale).
# Knobs: ROUNDS (steps per session per worker per run, 4), PER_PARTITION (sessions per partition, 2), BUILT_IN_STEPS (30),
# CHURN_ROUNDS (steps per session during the join and the leave, 10), PERMITS (generative calls each worker waits on at once, 4: the ideal is workers × PERMITS / the provider's time),
# PROVIDER_MS (the fake provider's fixed answer time, 500; raise it where the CPU, not the provider, would bound the run).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== packaging the services and the system tests"
./mvnw -B -q -o package -pl system-tests -am -DskipTests
echo "== running the benchmark"
# without the opt-in IS-Net model (2.3-3.5 GiB per worker, five workers at the peak): subjects are estimated classically,
# once per source image, and the measured cost stays the provider's wait
export ATELIER_MODELS_DIR="${ATELIER_MODELS_DIR_BENCH:-$PWD/system-tests/target/no-models}"
./mvnw -B -o -pl system-tests -am test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Datelier.bench=scale -Datelier.stack.workers=1 \
  -Datelier.worker.permits.openai="${PERMITS:-4}" -Datelier.bench.provider-ms="${PROVIDER_MS:-500}" -Datelier.openai.timeout="${PROVIDER_TIMEOUT:-60s}" \
  -Datelier.bench.rounds="${ROUNDS:-4}" -Datelier.bench.sessions-per-partition="${PER_PARTITION:-2}" \
  -Datelier.bench.built-in-steps="${BUILT_IN_STEPS:-30}" -Datelier.bench.churn-rounds="${CHURN_ROUNDS:-10}" | grep -E '\[ScaleBenchmark\]|Tests run|FAIL|ERROR'
sed -n '/<!-- scale-benchmark/,/<!-- \/scale-benchmark -->/p' docs/benchmarks.md
