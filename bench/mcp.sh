#!/usr/bin/env bash
# Measures `bbpush mcp` against a demo-world emulator running in its own JVM (-Xmx512m), with dev.bbpush.mcp.McpBench
# (mcp test sources):
#   a. cold start (each after a `bbpush --version` run, the baseline): a fresh `java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar bbpush.jar mcp` (as bin/bbpush runs
#      it), from process start to the tools/list answer, STARTS times;
#   b. push_files of 100 inline files (~2 KiB each, fresh content, a new branch each time, so each push commits 100
#      files) through one running server vs the same push through the library (Pusher) in the bench's warm JVM,
#      interleaved, WARMUP discarded runs then RUNS measured runs; ratio of the medians.
# Usage: bench/mcp.sh            (env: STARTS=10 WARMUP=3 RUNS=9)
# Needs: java 17, curl. Results go to stdout; copy them to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
STARTS=${STARTS:-10}
WARMUP=${WARMUP:-3}
RUNS=${RUNS:-9}
EMAIL=rahul@acme.example

work=$(mktemp -d "${TMPDIR:-/tmp}/bbpush-bench-mcp.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building the jar and the mcp test classes"
./mvnw -B -q -DskipTests package -pl cli -am
./mvnw -B -q -DskipTests test-compile -pl mcp -am
jar=cli/target/bbpush.jar

echo "== starting the emulator (separate JVM, -Xmx512m)"
java -Xmx512m -XX:+UseSerialGC -jar "$jar" emulator --port 0 >"$work/emulator.log" 2>&1 &
server_pid=$!
base=""
for _ in $(seq 1 200); do
  base=$(grep -o 'listening on http://[0-9.:]*' "$work/emulator.log" | cut -d' ' -f3 || true)
  [[ -n "$base" ]] && break
  sleep 0.1
done
[[ -n "$base" ]] || { echo "emulator did not start"; cat "$work/emulator.log"; exit 1; }
secret=$(curl -sS "$base/_emulator/credentials" | tr -d '\n ' | grep -o '"name":"rahul-api-token"[^}]*' \
  | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
export BBPUSH_API_TOKEN="$secret"

java -XX:+UseSerialGC -cp "mcp/target/test-classes:$jar" dev.bbpush.mcp.McpBench "$base/2.0" "$EMAIL" "$jar" \
  "$STARTS" "$WARMUP" "$RUNS"
