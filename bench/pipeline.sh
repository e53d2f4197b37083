#!/usr/bin/env bash
# Pipeline latency: POST a trivial step ("mirror it", 600×400 photo) and time it until it arrives rendered on the
# gallery's event stream, one step at a time, over STEPS steps (default 200, after WARMUP=150 steps not counted: a
# service that has been up a while has compiled its hot paths, and fewer warm-up steps measured the JIT as much as the
# pipeline) on a local stack of its own (free ports, a temporary data directory). Minus the worker's own render time,
# that is what the pipeline adds. Kafka's EndToEndLatency tool runs on the same broker in the same run, and the same
# round trip inside a Kafka transaction (the floor under each of a step's three exactly-once hops). Prints the result
# and rewrites the "Pipeline latency" section of docs/benchmarks.md (only the section with the same heading). Usage:
# bench/pipeline.sh [steps] [label]. PARENT=chain posts each step on the step before it (as a person refines a picture:
# its drift is measured against its parent and against the original) instead of on the session's original (root, default).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/find-jdk.sh
atelier_find_jdk
STEPS="${1:-200}"
LABEL="${2:-}"
WARMUP="${WARMUP:-150}"
PARENT="${PARENT:-root}"
case "$PARENT" in root|chain) ;; *) echo "PARENT is root or chain, not $PARENT" >&2; exit 2 ;; esac
./mvnw -B -q -o package -DskipTests -pl session-service,render-worker,gallery-service,deploy/local-stack,deploy/kafka-runtime -am
OUT=target/pipeline-bench.md
mkdir -p target
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
# the classpath in a file, not on the command line (deploy/find-jdk.sh: ONNX Runtime and long command lines)
atelier_classpath_file target/pipeline.args "deploy/local-stack/target/classes:$(cat deploy/local-stack/target/classpath.txt)"
"$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -Datelier.root="$PWD" @target/pipeline.args \
  io.atelier.stack.PipelineBench "$STEPS" "$WARMUP" docs/sample-photos/coffee.png target/pipeline-result.md "$PARENT" > target/pipeline-bench.log 2>&1 \
  || { tail -40 target/pipeline-bench.log; exit 1; }
RESULT="$(cat target/pipeline-result.md)"
{
  echo "## Pipeline latency${LABEL:+ ($LABEL)}"
  echo
  echo "Written by \`bench/pipeline.sh\` on $(date -u +%Y-%m-%dT%H:%MZ) at commit $(git rev-parse --short HEAD) — $(nproc) cores,"
  echo "$(free -g | awk '/^Mem:/{print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), Kafka 4.1.2 (one KRaft node), PostgreSQL 17,"
  echo "S3Proxy, one render worker; load average $LOAD_BEFORE at the start."
  echo
  if [ "$PARENT" = chain ]; then
    echo "One step at a time, each on the step before it: POST \`mirror it\` on \`docs/sample-photos/coffee.png\` (600×400) to session-service, until the"
  else
    echo "One step at a time: POST \`mirror it\` on \`docs/sample-photos/coffee.png\` (600×400) to session-service, until the"
  fi
  echo "gallery's server-sent event stream carries the step rendered; the worker's own \`durationMillis\` subtracted is the"
  echo "pipeline's overhead. A new session every 25 steps (the stream sends the whole tree); $WARMUP steps before these not counted."
  echo
  echo "$RESULT"
} > "$OUT"
cat "$OUT"
# replace only our own section: from its heading to the next "## " heading
python3 - "$OUT" docs/benchmarks.md <<'PY'
import re, sys
new = open(sys.argv[1]).read().rstrip() + "\n"
doc = open(sys.argv[2]).read()
heading = new.splitlines()[0]
m = re.search("^" + re.escape(heading) + r"\n.*?(?=^## |\Z)", doc, flags=re.S | re.M)
doc = doc[:m.start()] + new + ("\n" if doc[m.end():] else "") + doc[m.end():] if m else doc.rstrip() + "\n\n" + new
open(sys.argv[2], "w").write(doc)
PY
