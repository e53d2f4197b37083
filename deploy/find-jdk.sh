# Sourced (POSIX sh) by ./mvnw, ./atelier, .ci/run and bench/: makes JAVA_HOME a JDK 21 or newer, or fails saying
# which JDK to install and how to point at it. The JDK already chosen (JAVA_HOME, else `java` on PATH) is kept
# when it is new enough; otherwise the newest JDK 21+ in the usual install folders is used, and that is said.
atelier_java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

# Prints the major version of the JDK at $1 if it has java and javac; prints nothing otherwise.
atelier_jdk_major() {
  if [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]; then atelier_java_major "$1"; fi
}

atelier_find_jdk() {
  _atelier_current=""
  if [ -n "${JAVA_HOME:-}" ]; then
    _atelier_current="$JAVA_HOME"
  elif command -v java >/dev/null 2>&1; then
    _atelier_current="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
  _atelier_major=""
  [ -z "$_atelier_current" ] || _atelier_major="$(atelier_jdk_major "$_atelier_current")"
  if [ -n "$_atelier_major" ] && [ "$_atelier_major" -ge 21 ]; then
    JAVA_HOME="$_atelier_current"
  else
    if [ -n "$_atelier_major" ]; then _atelier_what="${_atelier_current} is JDK $_atelier_major"
    elif [ -n "$_atelier_current" ]; then _atelier_what="${_atelier_current} is not a JDK"
    else _atelier_what="no java on PATH and no JAVA_HOME"; fi
    _atelier_best="" _atelier_best_major=0
    # globbing may be off (mvnw runs under set -f): switch it on for the search only
    case $- in *f*) _atelier_noglob=1; set +f ;; *) _atelier_noglob=0 ;; esac
    for _atelier_d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -d "$_atelier_d" ] || continue
      _atelier_m="$(atelier_jdk_major "$_atelier_d")"
      [ -n "$_atelier_m" ] || continue
      if [ "$_atelier_m" -ge 21 ] && [ "$_atelier_m" -gt "$_atelier_best_major" ]; then
        _atelier_best="$_atelier_d" _atelier_best_major="$_atelier_m"
      fi
    done
    [ "$_atelier_noglob" = 0 ] || set -f
    if [ -z "$_atelier_best" ]; then
      echo "atelier: needs a JDK 21 or newer (javac included): $_atelier_what," >&2
      echo "         and none was found in /usr/lib/jvm, /opt or ~/.sdkman." >&2
      echo "         Install one (e.g. Temurin 21 or newer), then: export JAVA_HOME=/path/to/that/jdk" >&2
      return 1
    fi
    echo "atelier: $_atelier_what; using $_atelier_best (JDK $_atelier_best_major)" >&2
    JAVA_HOME="$_atelier_best"
  fi
  export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
}

# Writes "-cp CLASSPATH" to the argument file $1 for `java @$1`, so the classpath is not on the process's command
# line: ONNX Runtime (1.29) walks the command line recursively when it starts, and a few thousand characters of
# classpath overflow the calling thread's stack (SIGSEGV, exit 139, no hs_err file). The JVM reads @files itself.
atelier_classpath_file() {
  mkdir -p "$(dirname "$1")"
  printf -- '-cp\n"%s"\n' "$2" > "$1"
}
