# Sourced by ./alliance, ./alliance-test and .ci/run. Sets JAVA_HOME to a JDK >= 21:
# JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm, else fails with what to install.
alliance_java_major() { # prints the major version of the java binary in $1, or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

alliance_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(alliance_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(alliance_java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "alliance: no JDK 21 or newer found (JAVA_HOME is '${JAVA_HOME:-unset}', nothing suitable under /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME to it" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

alliance_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "alliance: Maven (mvn) is not installed; install it, e.g. 'apt-get install maven'" >&2
    return 1
  fi
}
