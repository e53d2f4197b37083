#!/usr/bin/env bash
# Measures the built-in planner: latency per clause (JMH, PlannerBenchmark) and the memory the model
# adds to a process (PlannerMemory: VmRSS and used heap before/after loading), and writes both to
# engine-benchmarks/target/planner-report.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/find-jdk.sh
atelier_find_jdk
JAVA="$JAVA_HOME/bin/java"
OUT=engine-benchmarks/target/planner-report.md
./mvnw -B -q -o package -pl engine-benchmarks -am -DskipTests
# the classpath in a file, not on the command line (deploy/find-jdk.sh: ONNX Runtime and long command lines); JMH's
# forks get theirs in a manifest-only JAR (jmh.separateClasspathJAR) for the same reason
atelier_classpath_file engine-benchmarks/target/bench.args "engine-benchmarks/target/classes:$(cat engine-benchmarks/target/classpath.txt)"
{
  echo "# Planner measurements ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "## Memory (one JVM, -Xmx1g, serial GC)"
  echo '```'
  "$JAVA" -Xmx1g -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED @engine-benchmarks/target/bench.args io.atelier.engine.bench.PlannerMemory 2>/dev/null
  echo '```'
  echo
  echo "## Latency (JMH, average time per call)"
  echo '```'
  "$JAVA" -Djmh.separateClasspathJAR=true @engine-benchmarks/target/bench.args org.openjdk.jmh.Main PlannerBenchmark -rf text -rff /dev/stdout 2>/dev/null | tail -6
  echo '```'
} > "$OUT"
cat "$OUT"
