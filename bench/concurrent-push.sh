#!/usr/bin/env bash
# Many `bbpush push` processes started together on branch main of one repository (issue 8), each writing its own
# directory (--to concN/aK), against one `bbpush emulator` (demo world, its own JVM). For each N in $COUNTS:
#   - concurrent: N processes at once; wall time, how many exited 0/4/6/other, the 409 answers to POST /src (from the
#     emulator's journal, GET /_emulator/requests), the new commits on main and `git fsck --strict`;
#   - sequential: the same N pushes one after another (the floor: same work, no contention).
# With BASELINE_JAR=path/to/old/bbpush.jar the concurrent case is also run with that jar, in the same emulator,
# interleaved with the new one (baseline, new, baseline, new... for ROUNDS rounds).
# Usage: bench/concurrent-push.sh     (env: COUNTS="8 16 32" ROUNDS=1 BASELINE_JAR= CONFLICT_TIMEOUT=2m)
# Needs: java 17, curl, git. Results go to stdout; copy them to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${COUNTS:-"8 16 32"}
ROUNDS=${ROUNDS:-1}
BASELINE_JAR=${BASELINE_JAR:-}
CONFLICT_TIMEOUT=${CONFLICT_TIMEOUT:-2m}
EMAIL=rahul@acme.example
# The launcher's JVM options (bin/bbpush), so both jars start alike.
JAVA_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

work=$(mktemp -d "${TMPDIR:-/tmp}/bbpush-bench-conc.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building the jar"
./mvnw -B -q -o -DskipTests package -pl cli -am
jar=cli/target/bbpush.jar

echo "== starting the emulator (separate JVM, -Xmx512m)"
java -Xmx512m -XX:+UseSerialGC -jar "$jar" emulator --port 0 >"$work/emulator.log" 2>&1 &
server_pid=$!
base=""
for _ in $(seq 1 300); do
  base=$(grep -o 'listening on http://[0-9.:]*' "$work/emulator.log" | cut -d' ' -f3 || true)
  [[ -n "$base" ]] && break
  sleep 0.1
done
[[ -n "$base" ]] || { echo "emulator did not start"; cat "$work/emulator.log"; exit 1; }
data=$(grep -o 'Data: [^ ]*' "$work/emulator.log" | cut -d' ' -f2)
bare="$data/repositories/acme/infra.git"
api="$base/2.0"
secret=$(curl -sS "$base/_emulator/credentials" | tr -d '\n ' | grep -o '"name":"rahul-api-token"[^}]*' \
  | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
export BBPUSH_API_URL="$api" BBPUSH_EMAIL="$EMAIL" BBPUSH_API_TOKEN="$secret" HOME="$work/home"
mkdir -p "$HOME"

for n in $COUNTS; do
  for k in $(seq 1 "$n"); do mkdir -p "$work/in$n/$k" && echo "# pusher $k of $n" >"$work/in$n/$k/main.tf"; done
done

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# run_concurrent LABEL JAR N: prints one result line.
run_concurrent() {
  local label=$1 which=$2 n=$3
  curl -sS -X POST "$base/_emulator/reset" >/dev/null
  local before
  before=$(git --git-dir="$bare" rev-parse main)
  local pids=() start end
  start=$(now_ms)
  for k in $(seq 1 "$n"); do
    java "${JAVA_OPTS[@]}" -jar "$which" push "$work/in$n/$k" --repo acme/infra --to "conc$n/a$k" --json \
      $([[ "$label" == new ]] && echo "--conflict-timeout $CONFLICT_TIMEOUT") \
      >"$work/out$k.json" 2>"$work/err$k.txt" &
    pids+=($!)
  done
  local ok=0 conflict=0 busy=0 other=0 code
  for p in "${pids[@]}"; do
    code=0
    wait "$p" || code=$?
    case $code in 0) ok=$((ok + 1)) ;; 4) conflict=$((conflict + 1)) ;; 6) busy=$((busy + 1)) ;; *) other=$((other + 1)) ;; esac
  done
  end=$(now_ms)
  local journal entries c409 commits fsck
  journal=$(curl -sS "$base/_emulator/requests")
  entries=$(grep -c '"method"' <<<"$journal" || true)
  c409=$(tr -d '\n ' <<<"$journal" | grep -o '"method":"POST","path":"[^"]*/src","query":[^,]*,"status":409' | wc -l)
  commits=$(git --git-dir="$bare" rev-list --count "$before..main")
  fsck=$(git --git-dir="$bare" fsck --strict --no-dangling --no-progress >/dev/null 2>&1 && echo clean || echo FAILED)
  printf '%-9s N=%-3s wall %6d ms  exit0 %3d  exit4 %3d  exit6 %3d  other %d  409s %4d%s  new commits %3d  fsck %s\n' \
    "$label" "$n" $((end - start)) "$ok" "$conflict" "$busy" "$other" "$c409" \
    "$([[ $entries -ge 1000 ]] && echo '+ (journal full)')" "$commits" "$fsck"
}

run_sequential() {
  local n=$1 start end
  curl -sS -X POST "$base/_emulator/reset" >/dev/null
  start=$(now_ms)
  for k in $(seq 1 "$n"); do
    java "${JAVA_OPTS[@]}" -jar "$jar" push "$work/in$n/$k" --repo acme/infra --to "conc$n/a$k" --json \
      >/dev/null 2>&1 || echo "sequential push $k failed"
  done
  end=$(now_ms)
  printf '%-9s N=%-3s wall %6d ms\n' "one-by-one" "$n" $((end - start))
}

echo "== concurrent pushes to main, disjoint paths (conflict budget $CONFLICT_TIMEOUT)"
for n in $COUNTS; do
  for _ in $(seq 1 "$ROUNDS"); do
    if [[ -n "$BASELINE_JAR" ]]; then run_concurrent baseline "$BASELINE_JAR" "$n"; fi
    run_concurrent new "$jar" "$n"
  done
  run_sequential "$n"
done
