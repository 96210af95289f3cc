#!/usr/bin/env bash
# LanguageTool for Pressroom: fetch it from Maven Central at a pinned version, run its HTTP server.
#
#   scripts/languagetool.sh fetch            download languagetool-server + language-ru + language-en
#                                            (and their dependencies) into $LT_HOME/lib (idempotent)
#   scripts/languagetool.sh start [PORT]     fetch if needed, start HTTPServer on 127.0.0.1:PORT
#                                            (default 8081) in the background, wait until it answers
#   scripts/languagetool.sh stop             stop the server started by `start`
#   scripts/languagetool.sh status           say whether it runs (exit 0) or not (exit 3)
#   scripts/languagetool.sh run [PORT]       run the server in the foreground (for a supervisor)
#
# Environment: LT_VERSION (pinned 6.7: runs on Java 17), LT_HOME (default .cache/languagetool),
#              LT_RUN (folder for server.pid/.port/.log, default LT_HOME),
#              LT_HEAP (default 512m), LT_WAIT (seconds to wait for start, default 120),
#              LT_JAVA_OPTS (JVM flags, default -XX:+UseSerialGC -XX:+TieredCompilation),
#              LT_CONFIG (server properties file; default: one written to LT_RUN with
#              pipelineCaching on, LT_PIPELINES pipelines kept, LT_THREADS check threads).
# Needs java (17+) and mvn. Only `fetch` uses the network (Maven Central); the server runs offline.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LT_VERSION="${LT_VERSION:-6.7}"
LT_HOME="${LT_HOME:-$ROOT/.cache/languagetool}"
LT_HEAP="${LT_HEAP:-512m}"
LT_WAIT="${LT_WAIT:-120}"
LT_RUN="${LT_RUN:-$LT_HOME}"     # where the pid, port and log files of a started server go
LIB="$LT_HOME/lib-$LT_VERSION"
PIDFILE="$LT_RUN/server.pid"
PORTFILE="$LT_RUN/server.port"
LOG="$LT_RUN/server.log"

die() { echo "languagetool: $*" >&2; exit 2; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found (install: bash scripts/install-system-deps.sh)"; }

fetch() {
  if [ -f "$LIB/.complete" ]; then return 0; fi
  need java; need mvn
  mkdir -p "$LT_HOME"
  local work; work="$(mktemp -d "$LT_HOME/fetch.XXXXXX")"
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>pressroom</groupId><artifactId>languagetool-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.languagetool</groupId><artifactId>languagetool-server</artifactId><version>$LT_VERSION</version></dependency>
    <dependency><groupId>org.languagetool</groupId><artifactId>language-ru</artifactId><version>$LT_VERSION</version></dependency>
    <dependency><groupId>org.languagetool</groupId><artifactId>language-en</artifactId><version>$LT_VERSION</version></dependency>
  </dependencies>
</project>
POM
  echo "languagetool: fetching LanguageTool $LT_VERSION from Maven Central into $LIB" >&2
  if ! mvn -q -B -f "$work/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$work/lib" >"$work/mvn.log" 2>&1; then
    tail -20 "$work/mvn.log" >&2
    rm -rf "$work"
    die "Maven could not fetch LanguageTool $LT_VERSION"
  fi
  rm -rf "$LIB"
  mv "$work/lib" "$LIB"   # atomic: a half-fetched folder is never used
  touch "$LIB/.complete"
  rm -rf "$work"
}

running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

answers() {  # answers PORT: the server's /v2/languages responds
  python3 - "$1" <<'PY' 2>/dev/null
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/v2/languages", timeout=2).read()
PY
}

server_cmd() {  # sets the array CMD
  # LT_JAVA_OPTS (issue 13): JIT/GC flags. The default keeps the full JIT: -XX:TieredStopAtLevel=1
  # (C1 only) starts ~1 s sooner but leaves Russian's regular-expression rules ~10x slower warm.
  local opts; read -r -a opts <<<"${LT_JAVA_OPTS:--XX:+UseSerialGC -XX:+TieredCompilation}"
  # The server's own settings (issue 13): with pipelineCaching off (LanguageTool's default) every
  # request builds a new Russian pipeline: a warm one-line Russian sentence took ~400-700 ms, with
  # the pipelines kept ~30 ms (English ~60 -> ~25 ms). LT_CONFIG names another properties file.
  local config="${LT_CONFIG:-}"
  if [ -z "$config" ]; then
    mkdir -p "$LT_RUN"
    config="$LT_RUN/server.properties"
    printf '%s\n' "# written by scripts/languagetool.sh" "pipelineCaching=true" \
      "maxPipelinePoolSize=${LT_PIPELINES:-20}" "pipelineExpireTimeInSeconds=3600" \
      "maxCheckThreads=${LT_THREADS:-4}" > "$config.tmp"
    mv "$config.tmp" "$config"
  fi
  CMD=(java "-Xmx$LT_HEAP" "${opts[@]}" -cp "$LIB/*"
       org.languagetool.server.HTTPServer --port "$1" --allow-origin "*" --config "$config")
}

cmd="${1:-status}"
case "$cmd" in
  fetch) fetch ;;
  run)
    fetch
    port="${2:-8081}"
    server_cmd "$port"; exec "${CMD[@]}"
    ;;
  start)
    port="${2:-8081}"
    if pid="$(running_pid)"; then
      echo "languagetool: already running (pid $pid, port $(cat "$PORTFILE" 2>/dev/null))" >&2; exit 0
    fi
    fetch
    mkdir -p "$LT_RUN"
    # HTTPServer binds to localhost only unless --public is given.
    server_cmd "$port"
    nohup "${CMD[@]}" >"$LOG" 2>&1 &
    pid=$!
    echo "$pid" >"$PIDFILE"; echo "$port" >"$PORTFILE"
    for _ in $(seq 1 $((LT_WAIT * 5))); do
      if answers "$port"; then echo "languagetool: running at http://127.0.0.1:$port (pid $pid)" >&2; exit 0; fi
      kill -0 "$pid" 2>/dev/null || { tail -20 "$LOG" >&2; rm -f "$PIDFILE"; die "server exited during start"; }
      sleep 0.2
    done
    kill "$pid" 2>/dev/null || true; rm -f "$PIDFILE"
    die "server did not answer within ${LT_WAIT}s (log: $LOG)"
    ;;
  stop)
    if pid="$(running_pid)"; then
      kill "$pid"; for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$PIDFILE" "$PORTFILE"; echo "languagetool: stopped (pid $pid)" >&2
    else
      rm -f "$PIDFILE"; echo "languagetool: not running" >&2
    fi
    ;;
  status)
    if pid="$(running_pid)"; then
      port="$(cat "$PORTFILE" 2>/dev/null || echo 8081)"
      if answers "$port"; then echo "languagetool: running at http://127.0.0.1:$port (pid $pid)"; exit 0; fi
      echo "languagetool: starting (pid $pid, port $port)"; exit 3
    fi
    echo "languagetool: not running"; exit 3
    ;;
  *) die "usage: $0 fetch|start [PORT]|stop|status|run [PORT]" ;;
esac
