# Sourced by ./atelier and .ci/run: sets JAVA_HOME to a JDK of version 21 or newer, or fails saying so.
atelier_java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}
atelier_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  local best="" best_major=0 c major
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(atelier_java_major "$c")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$c"; best_major="$major"; fi
  done
  if [ -z "$best" ]; then
    echo "atelier: needs a JDK 21 or newer (javac included); none found in JAVA_HOME, PATH or /usr/lib/jvm." >&2
    echo "         Install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
