#!/usr/bin/env bash
# Measures the emulator's POST /2.0/repositories/{ws}/{repo}/src with curl against a demo-world emulator
# running with a 128 MiB heap:
#   1. one commit of 1,000 files x 4 KiB (multipart, one request), repeated RUNS times;
#   2. one commit of a single 500 MiB file.
# Usage: bench/emulator-src.sh            (env: RUNS=5 BIG_MIB=500 HEAP=128m)
# Needs: java 17, curl, ~1.5 GiB free in $TMPDIR. Results go to stdout; copy them to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BIG_MIB=${BIG_MIB:-500}
HEAP=${HEAP:-128m}

work=$(mktemp -d "${TMPDIR:-/tmp}/bbpush-bench-src.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building emulator and test classes"
./mvnw -B -q test-compile -pl emulator
./mvnw -B -q dependency:build-classpath -pl emulator -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="emulator/target/classes:emulator/target/test-classes:$(cat "$work/cp.txt")"

echo "== starting emulator (-Xmx$HEAP)"
java -Xmx"$HEAP" -XX:+UseSerialGC -Xlog:gc:file="$work/gc.log" -cp "$cp" dev.bbpush.emulator.SrcBenchServer "$work/info" \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do [[ -f "$work/info" ]] && break; sleep 0.1; done
read -r port secret datadir <"$work/info"
api="http://127.0.0.1:$port/2.0/repositories/acme/infra/src"
auth="rahul@acme.example:$secret"

post() {
  curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -u "$auth" "$@" "$api"
}

# Fresh random content for every run, so no run profits from blobs an earlier run already stored.
make_files() {
  rm -rf "$work/files" && mkdir -p "$work/files"
  head -c $((1000 * 4096)) /dev/urandom | split -b 4096 -a 4 -d - "$work/files/f"
  args=()
  local i=0
  for f in "$work"/files/f*; do
    args+=(-F "/bench/d$((i % 20))/$(basename "$f").bin=@$f")
    i=$((i + 1))
  done
}

echo "== 1,000 x 4 KiB: first request after JVM start (status, seconds)"
make_files
post -F "message=warm-up" "${args[@]}"
echo "== 1,000 x 4 KiB, $RUNS runs (status, seconds)"
for r in $(seq 1 "$RUNS"); do
  make_files
  post -F "message=bench run $r" "${args[@]}"
done

echo "== one ${BIG_MIB} MiB file"
head -c "$((BIG_MIB * 1024 * 1024))" /dev/urandom >"$work/big.bin"
echo "transfer + multipart spool only (refused after parsing: 400 expected):"
post -F "author=not-an-author" -F "/bench/big.bin=@$work/big.bin"
echo "full commit:"
post -F "message=big file" -F "/bench/big.bin=@$work/big.bin"
rm -f "$work/big.bin"
curl -sS -o /dev/null -w 'read back: %{http_code} %{size_download} bytes in %{time_total} s\n' -u "$auth" \
  "http://127.0.0.1:$port/2.0/repositories/acme/infra/src/main/bench/big.bin"

echo "== server heap (from -Xlog:gc, largest heap after a GC)"
grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/gc.log" | awk -F'->' '{split($2,a,"M"); if (a[1]+0>m) m=a[1]+0} END {print "max heap after GC: " m " MiB"}'
grep -o '([0-9]*M)' "$work/gc.log" | tr -d '()M' | sort -n | tail -1 | awk '{print "max committed heap: " $1 " MiB"}'
echo "== spool directory after the run (should be empty)"
ls -A "$datadir/spool" | wc -l
