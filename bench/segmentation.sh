#!/usr/bin/env bash
# Measures IS-Net as the render worker runs it (load, cold and warm inference on a 12 MP photo, a whole
# background-blur render, peak RSS) and writes the "Subject segmentation" section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/find-jdk.sh
atelier_find_jdk
OUT=${OUT:-docs/benchmarks.md}
./atelier models install isnet >/dev/null
./mvnw -B -q -o package -pl engine-benchmarks -am -DskipTests 2>/dev/null || ./mvnw -B -q package -pl engine-benchmarks -am -DskipTests
# the classpath in a file, not on the command line (deploy/find-jdk.sh: ONNX Runtime and long command lines)
atelier_classpath_file engine-benchmarks/target/bench.args "engine-benchmarks/target/classes:$(cat engine-benchmarks/target/classpath.txt)"
# the worker's JVM flags (deploy/local-stack LocalStack/ServiceApp)
SECTION=$("$JAVA_HOME/bin/java" -Xmx1280m -XX:+UseSerialGC -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
  @engine-benchmarks/target/bench.args io.atelier.engine.bench.SegmentationBenchmark docs/sample-photos/coffee.png 2>/dev/null)
touch "$OUT"
# keep everything before an earlier segmentation section, then append this run's
awk '/^## Subject segmentation/ {exit} {print}' "$OUT" > "$OUT.tmp"
printf '%s\n' "$SECTION" >> "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
printf '%s\n' "$SECTION"
