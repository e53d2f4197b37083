#!/usr/bin/env bash
# Whole-process renders of big photos by Atelier's engine against libvips doing the same operation on the same file,
# JPEG or PNG in and PNG out, each timed from outside with its peak RSS (/usr/bin/time -v); writes the "## Render" section of
# docs/benchmarks.md (and only that section).
#
# Atelier runs io.atelier.engine.bench.RenderMain in a JVM with the render worker's flags: decode, the operation's plan,
# PNG + thumbnail encode and drift, as the worker does for a step, then writes the PNG. Photos are made by
# TestPhotoWriter from docs/sample-photos/coffee.png (enlarged, seeded camera-like noise; JPEG quality 90, or PNG as the engine writes steps), so every
# run reads the same bytes; they are kept under $WORK, not committed.
#
# Env: RUNS (runs of each pair, interleaved Atelier, vips, Atelier, vips …; the median is reported; default 1),
# SIZES (default "12:4240x2832 24:6000x4000 50:8640x5760"), OPS (default "warm blur resize"),
# LABEL (names this run in the section), BEFORE (a table file an earlier run left in $WORK, shown above this one),
# ATELIER_CP (run another build's classes; default: build this checkout), HEAP (default 832m, the worker's -Xmx: LocalStack.WORKER_MEMORY, deploy/k8s),
# MEMORY (all the JVM's memory flags, default the worker's: -Xms384m -Xmx$HEAP -Xmn16m -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=2000; an older build ran with -Xmx1280m alone),
# NOTES (a markdown file appended to the section), WARM (renders timed in one running process after a first, default 3),
# FORMATS (the input files, default "jpg png": a JPEG as uploaded, and a PNG as the engine writes every step, which is the
# parent of every step after the upload).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source deploy/find-jdk.sh
atelier_find_jdk
JAVA="$JAVA_HOME/bin/java"
RUNS=${RUNS:-1}
WARM=${WARM:-3}
SIZES=${SIZES:-"12:4240x2832 24:6000x4000 50:8640x5760"}
OPS=${OPS:-"warm blur resize"}
HEAP=${HEAP:-832m}
read -r -a MEMORY_FLAGS <<< "${MEMORY:-"-Xms384m -Xmx$HEAP -Xmn16m -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=2000"}"
FORMATS=${FORMATS:-"jpg png"}
WORK=${WORK:-$ROOT/engine-benchmarks/target/render}
OUT=${OUT:-$ROOT/docs/benchmarks.md}
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- engine imaging engine-benchmarks || echo "+changes")
LABEL=${LABEL:-"commit $COMMIT"}
mkdir -p "$WORK"

if ! command -v vips >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvips-tools >/dev/null
  else
    echo "needs vips: apt-get install libvips-tools" >&2
    exit 1
  fi
fi
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

if [ -z "${ATELIER_CP:-}" ]; then
  echo "== building the benchmark module"
  ./mvnw -B -q -o package -pl engine-benchmarks -am -DskipTests 2>/dev/null || ./mvnw -B -q package -pl engine-benchmarks -am -DskipTests
  ATELIER_CP="$ROOT/engine-benchmarks/target/classes:$(cat engine-benchmarks/target/classpath.txt)"
fi
# the render worker's JVM (deploy/local-stack ServiceApp, LocalStack)
# the classpath in a file, not on the command line (deploy/find-jdk.sh: ONNX Runtime and long command lines)
atelier_classpath_file "$WORK/render.args" "$ATELIER_CP"
ATELIER=("$JAVA" "${MEMORY_FLAGS[@]}" -XX:+UseSerialGC -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED "@$WORK/render.args"
  io.atelier.engine.bench.RenderMain)

# WhiteBalance(temperature 30): luminance-neutral gains r 1.12, g 1, b 0.88, normalised; vips applies them to sRGB
# values (one recomb), Atelier in linear light (decode to linear, gains, encode): the same colour matrix, vips's cheaper.
printf '3 3 1 0\n1.10144 0 0\n0 0.98343 0\n0 0 0.86542\n' > "$WORK/warm.mat"

# median of a file of numbers
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# runs a command under /usr/bin/time -v; appends wall seconds to $2.wall and peak RSS (KiB) to $2.rss; "fail" on error
timed() {
  local name=$1; shift
  if /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>&1; then
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$WORK/time.txt" >> "$WORK/$name.wall"
    awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt" >> "$WORK/$name.rss"
  else
    echo "   $name failed: $(tail -3 "$WORK/out.txt" | tr '\n' ' ')"
    echo fail >> "$WORK/$name.fail"
  fi
}

TABLE="$WORK/render-table-$(echo "$LABEL" | tr -c 'A-Za-z0-9\n' '-').md"
{
  echo "| photo | operation | Atelier process (s) | Atelier render in a running worker (s) | libvips (s) | process ÷ libvips | render ÷ libvips | Atelier peak RSS (MiB) | libvips peak RSS (MiB) | load average before |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
} > "$TABLE"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

for size in $SIZES; do
 for format in $FORMATS; do
  mp=${size%%:*}; dims=${size#*:}; w=${dims%x*}; h=${dims#*x}
  photo="$WORK/photo-${mp}mp.$format"
  if [ ! -s "$photo" ]; then
    echo "== making $photo ($w×$h)"
    "$JAVA" -Xmx3g "@$WORK/render.args" io.atelier.engine.bench.TestPhotoWriter docs/sample-photos/coffee.png "$w" "$h" "$photo"
  fi
  long=$(( w > h ? w : h ))
  for op in $OPS; do
    case $op in
      warm) vips_cmd=(vips recomb "$photo" "$WORK/vips-$op.png" "$WORK/warm.mat") ;;
      # RenderMain's blur is σ = 0.2% of the longer side; vips's kernel cut at 1.1%, the same ±3σ reach
      blur) vips_cmd=(vips gaussblur "$photo" "$WORK/vips-$op.png" "$(awk -v l="$long" 'BEGIN {printf "%.3f", l * 0.002}')" --min-ampl 0.011) ;;
      resize) vips_cmd=(vips resize "$photo" "$WORK/vips-$op.png" "$(awk -v l="$long" 'BEGIN {printf "%.6f", 2048 / l}')") ;;
      *) echo "unknown op $op" >&2; exit 2 ;;
    esac
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "== ${mp} MP $format $op (load $load)"
    rm -f "$WORK"/a.* "$WORK"/v.* "$WORK"/w.*
    for _ in $(seq "$RUNS"); do
      timed a "${ATELIER[@]}" "$op" "$photo" "$WORK/atelier-$op.png"
      timed v "${vips_cmd[@]}"
    done
    # A worker starts once (JVM, OpenCV's native libraries) and renders many steps: WARM renders after a first one, in one
    # process, each reading the file and writing the PNG; their median is the render's cost, their process's peak RSS the worker's.
    timed w "${ATELIER[@]}" "$op" "$photo" "$WORK/atelier-$op.png" --warm "$WARM"
    grep -o 'warm renders (ms):.*' "$WORK/out.txt" | cut -d: -f2 | tr ' ' '\n' | grep . | awk '{print $1 / 1000}' > "$WORK/w.render" || true
    a_s=$( [ -s "$WORK/a.wall" ] && median "$WORK/a.wall" || echo "failed")
    v_s=$( [ -s "$WORK/v.wall" ] && median "$WORK/v.wall" || echo "failed")
    w_s=$( [ -s "$WORK/w.render" ] && median "$WORK/w.render" || echo "failed")
    # peak RSS: the larger of the one-render processes and the process that rendered WARM + 1 times
    a_m=$( [ -s "$WORK/a.rss" ] && cat "$WORK/a.rss" "$WORK/w.rss" 2>/dev/null | sort -n | tail -1 | awk '{print int($1 / 1024)}' || echo "–")
    v_m=$( [ -s "$WORK/v.rss" ] && awk '{print int($1 / 1024)}' <<< "$(median "$WORK/v.rss")" || echo "–")
    ratio=$(awk -v a="$a_s" -v v="$v_s" 'BEGIN {if (a + 0 > 0 && v + 0 > 0) printf "%.2f", a / v; else print "–"}')
    warm_ratio=$(awk -v a="$w_s" -v v="$v_s" 'BEGIN {if (a + 0 > 0 && v + 0 > 0) printf "%.2f", a / v; else print "–"}')
    echo "   Atelier $a_s s (render in a running worker $w_s s) ($a_m MiB), vips $v_s s ($v_m MiB), ratio $ratio (running worker $warm_ratio)"
    echo "| ${mp} MP (${w}×${h}) $(tr a-z A-Z <<< "${format/jpg/jpeg}") | $op | $a_s | $w_s | $v_s | $ratio | $warm_ratio | $a_m | $v_m | $load |" >> "$TABLE"
  done
 done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

SECTION="$WORK/render-section.md"
{
  echo "## Render"
  echo
  echo "Written by \`bench/render.sh\` on $(date -u +%Y-%m-%dT%H:%MZ) at commit $COMMIT — $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1), $(vips --version | head -1);"
  echo "load average $LOAD_START at the start and $LOAD_END at the end (the machine is shared: compare ratios, which come from back-to-back runs)."
  echo
  echo "JPEG or PNG in (the photo's format in the first column) and PNG out."
  echo "Process: the whole process, median of $RUNS run(s) of each, Atelier and libvips interleaved. Render in a"
  echo "running worker: the median of $WARM renders in one Atelier process after a first (a worker starts once and renders many steps;"
  echo "its start, the JVM and OpenCV's native libraries, is in the process column only). Atelier: \`RenderMain\` in a JVM"
  echo "with the render worker's flags (${MEMORY_FLAGS[*]} -XX:+UseSerialGC): decode, the operation, PNG and thumbnail encode and the drift"
  echo "measure, as the worker renders a step (without Kafka and S3). libvips: \`vips recomb\` (the same white-balance gains, on sRGB values"
  echo "where Atelier works in linear light), \`vips gaussblur\` σ = 0.2% of the longer side, \`vips resize\` to 2048 px (lanczos3; Atelier"
  echo "area-averages). Photos: \`TestPhotoWriter\` (coffee.png enlarged, seeded noise; JPEG q90, or PNG as the engine writes a step)."
  echo "Peak RSS from /usr/bin/time -v."
  echo
  if [ -n "${BEFORE:-}" ] && [ -s "$BEFORE" ]; then
    echo "### ${BEFORE_LABEL:-Before}"
    echo
    cat "$BEFORE"
    echo
  fi
  echo "### $LABEL"
  echo
  cat "$TABLE"
  echo
  if [ -n "${NOTES:-}" ] && [ -s "$NOTES" ]; then
    cat "$NOTES"
    echo
  fi
} > "$SECTION"

# replace only the "## Render" section (up to the next "## " heading), or append it
touch "$OUT"
awk -v section="$SECTION" '
  function dump() { while ((getline line < section) > 0) print line; close(section) }
  /^## / { if (skipping) skipping = 0; if ($0 == "## Render") { dump(); skipping = 1; done = 1; next } }
  !skipping { print }
  END { if (!done) { print ""; dump() } }
' "$OUT" > "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
echo "== wrote the Render section of $OUT (table also in $TABLE)"
