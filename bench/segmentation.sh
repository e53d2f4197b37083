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
# the JVM flags of a worker that runs the model: the production overlay's (deploy/k8s/overlays/production)
SECTION=$("$JAVA_HOME/bin/java" -Xms384m -Xmx1536m -Xmn16m -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=2000 -XX:+UseSerialGC \
  -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
  @engine-benchmarks/target/bench.args io.atelier.engine.bench.SegmentationBenchmark docs/sample-photos/coffee.png 2>/dev/null)
touch "$OUT"
# replace only the segmentation section (from its heading to the next "## " heading); the sections after it stay
printf '%s\n' "$SECTION" > "$OUT.section"
python3 - "$OUT.section" "$OUT" <<'PY'
import re, sys
new = open(sys.argv[1]).read().rstrip() + "\n"
doc = open(sys.argv[2]).read()
m = re.search(r"^## Subject segmentation.*?\n(?=^## |\Z)", doc, flags=re.S | re.M)
doc = doc[:m.start()] + new + ("\n" if doc[m.end():] else "") + doc[m.end():] if m else doc.rstrip() + "\n\n" + new
open(sys.argv[2], "w").write(doc)
PY
rm -f "$OUT.section"
printf '%s\n' "$SECTION"
