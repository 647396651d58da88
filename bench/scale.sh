#!/usr/bin/env bash
# Costs that grow with the change, not the repository (docs/benchmarks.md "Large repository, slow network").
# A branch with FILES (default 50,000) files and HISTORY (default 1,000) commits of 20 files each is built with
# `git fast-import` and pushed once to a demo-world emulator. Then every request to the emulator is delayed by
# LATENCY_MS (default 100, the emulator's latency fault on every path) and CHANGED (default 20) existing files are
# changed and committed three ways, interleaved, RUNS (default 5) times each, fresh content every run:
#   bbpush   bin/bbpush push DIR --branch big (the plan reads the branch over Git: trees only, no blobs)
#   curl     one POST /src per file (curl), the "no client" way; each file is its own commit
#   git      git clone --depth 1 --single-branch + change + commit + git push
# Reports wall time, requests (the emulator's journal) and bytes received (a counting TCP proxy in front of the
# emulator: bench/byteproxy.py), medians.
# Usage: bench/scale.sh   (env: FILES=50000 HISTORY=1000 CHANGED=20 LATENCY_MS=100 RUNS=5 SKIP_BUILD=)
# Needs: java 17, git, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${FILES:-50000}
HISTORY=${HISTORY:-1000}
CHANGED=${CHANGED:-20}
LATENCY_MS=${LATENCY_MS:-100}
RUNS=${RUNS:-5}
EMAIL=rahul@acme.example

work=$(mktemp -d "${TMPDIR:-/tmp}/bbpush-bench-scale.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building the jar"
  ./mvnw -B -q -DskipTests package -pl cli -am
fi
jar=cli/target/bbpush.jar

echo "== starting the emulator (separate JVM, -Xmx1g) and the byte-counting proxy"
java -Xmx1g -XX:+UseSerialGC -jar "$jar" emulator --port 0 >"$work/emulator.log" 2>&1 &
pids+=($!)
direct=""
for _ in $(seq 1 300); do
  direct=$(grep -o 'listening on http://[0-9.:]*' "$work/emulator.log" | cut -d' ' -f3 || true)
  [[ -n "$direct" ]] && break
  sleep 0.1
done
[[ -n "$direct" ]] || { echo "emulator did not start"; cat "$work/emulator.log"; exit 1; }
python3 bench/byteproxy.py "$work/proxy.port" 127.0.0.1 "${direct##*:}" &
pids+=($!)
for _ in $(seq 1 100); do [[ -s "$work/proxy.port.stats" && -s "$work/proxy.port" ]] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/proxy.port")"
stats_port=$(cat "$work/proxy.port.stats")
received() { # bytes server->client since the last call (and resets the counter)
  exec 3<>"/dev/tcp/127.0.0.1/$stats_port"
  read -r down _ <&3
  exec 3<&-
  echo "$down"
}
api="$base/2.0"
secret=$(curl -sS "$direct/_emulator/credentials" | tr -d '\n ' | grep -o '"name":"rahul-api-token"[^}]*' \
  | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
export BBPUSH_API_URL="$api" BBPUSH_EMAIL="$EMAIL" BBPUSH_API_TOKEN="$secret"
git_url="http://rahul-dev:$secret@127.0.0.1:$(cat "$work/proxy.port")/acme/infra.git"
export GIT_TERMINAL_PROMPT=0 GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git_id=(-c user.name=Bench -c user.email=bench@acme.example)

echo "== building branch big: $FILES files, $HISTORY commits of 20 files (git fast-import), pushed once"
start=$(date +%s%N)
git init -q --bare "$work/big.git"
python3 bench/bigrepo.py big "$FILES" "$HISTORY" 20 | git -C "$work/big.git" fast-import --done --quiet
git -C "$work/big.git" push -q "http://rahul-dev:$secret@${direct#http://}/acme/infra.git" big:refs/heads/big
echo "setup: $(((($(date +%s%N) - start)) / 1000000)) ms; pack: $(git -C "$work/big.git" count-objects -vH \
  | grep size-pack)"

echo "== latency fault: ${LATENCY_MS} ms on every request"
curl -sS -o /dev/null -X POST "$direct/_emulator/faults" -H 'Content-Type: application/json' \
  -d "{\"path\": \".*\", \"action\": \"latency\", \"latencyMs\": $LATENCY_MS}"

# CHANGED distinct existing paths for run $1 (each method gets its own so every run really changes them).
paths_for() {
  python3 - "$FILES" "$CHANGED" "$1" <<'EOF'
import random, sys
files, n, seed = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
for i in random.Random(seed).sample(range(files), n):
    print(f"modules/m{i // 100:04d}/r{i % 100:02d}.tf")
EOF
}

journal_count() { curl -sS "$direct/_emulator/requests" | grep -c '"method"' || true; }
reset_counters() { curl -sS -o /dev/null -X DELETE "$direct/_emulator/requests"; received >/dev/null; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# Warm-up, not reported: trains the launcher's archive (first use) and warms the emulator.
mkdir -p "$work/warm/modules/m0000"
echo "# warm $(date +%s%N)" >"$work/warm/modules/m0000/r00.tf"
bin/bbpush push "$work/warm" --repo acme/infra --branch big -q

results="$work/results"
: >"$results"
for r in $(seq 1 "$RUNS"); do
  # bbpush: CHANGED files in a directory mirroring their repository paths.
  d="$work/bbpush$r"
  while read -r p; do mkdir -p "$d/$(dirname "$p")"; echo "# bbpush run $r $(date +%s%N)" >"$d/$p"; done \
    < <(paths_for "bbpush$r")
  reset_counters
  start=$(date +%s%N)
  bin/bbpush push "$d" --repo acme/infra --branch big -q
  t=$(ms_since "$start")
  echo "bbpush $t $(journal_count) $(received)" | tee -a "$results"

  # curl: one POST /src per file.
  reset_counters
  start=$(date +%s%N)
  while read -r p; do
    curl -sS -o /dev/null -f -u "$EMAIL:$secret" -F "branch=big" -F "message=curl run $r" \
      -F "/$p=# curl run $r $(date +%s%N)" "$api/repositories/acme/infra/src"
  done < <(paths_for "curl$r")
  t=$(ms_since "$start")
  echo "curl $t $(journal_count) $(received)" | tee -a "$results"

  # git: shallow clone, change, commit, push.
  g="$work/git$r"
  reset_counters
  start=$(date +%s%N)
  git clone -q --depth 1 --single-branch --branch big "$git_url" "$g"
  while read -r p; do echo "# git run $r $(date +%s%N)" >"$g/$p"; done < <(paths_for "git$r")
  git -C "$g" "${git_id[@]}" commit -q -am "git run $r"
  git -C "$g" push -q origin big
  t=$(ms_since "$start")
  echo "git $t $(journal_count) $(received)" | tee -a "$results"
  rm -rf "$g"
done

echo "== medians over $RUNS runs: wall ms, requests, bytes received"
for m in bbpush curl git; do
  for col in 2 3 4; do
    grep "^$m " "$results" | awk -v c=$col '{print $c}' | sort -n \
      | awk '{a[NR]=$1} END {printf "%s ", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
  done | awk -v m=$m '{printf "%-7s wall %6d ms  requests %4d  received %10d bytes\n", m, $1, $2, $3}'
done | tee "$work/medians"
awk '{w[$1]=$3} END {printf "ratios: git / bbpush = %.1fx; curl per file / bbpush = %.1fx\n", w["git"]/w["bbpush"], \
  w["curl"]/w["bbpush"]}' "$work/medians"
echo "-- journal of the last bbpush run (method path status)"
reset_counters
d="$work/bbpush-last"
while read -r p; do mkdir -p "$d/$(dirname "$p")"; echo "# last $(date +%s%N)" >"$d/$p"; done < <(paths_for last)
bin/bbpush push "$d" --repo acme/infra --branch big -q
curl -sS "$direct/_emulator/requests" | tr -d '\n' | grep -o '"method" : "[A-Z]*",\s*"path" : "[^"]*"' \
  | sed 's/"method" : //; s/,\s*"path" : / /; s/"//g'
