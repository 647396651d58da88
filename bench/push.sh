#!/usr/bin/env bash
# Measures `bbpush push` against a demo-world emulator running in its own JVM (-Xmx512m):
#   a. 1,000 text files x 4 KiB: the library push in one warm JVM (dev.bbpush.cli.PushBench: change set, safety
#      scan, hashing, plan over Git, POST /src) vs curl posting the same multipart shape to the same /src endpoint.
#      Each run uses fresh random content and its own new branch, so every run creates a commit;
#   b. a no-op push of the same 1,000 files with the CLI (`--json` requests, plus the emulator's journal);
#   c. a BIG_MIB (default 1024) MiB file pushed by the CLI with -Xmx64m (client heap from -Xlog:gc);
#   d. CLI cold start: `bin/bbpush --version`, STARTS times, median.
#   e. the whole CLI process vs curl, PAIRS (default 7) interleaved rounds of: curl POST /src of 1,000 x 4 KiB;
#      `bin/bbpush push` of the same shape (with the launcher's archive, trained by a first-use run that is reported
#      apart); the same push with BBPUSH_CDS=off; `bin/bbpush --version`; `java -version` (the JVM floor). Wall time
#      and CPU time (user + sys, /usr/bin/time) of each process, medians and ratios. BASELINE_JAR=path adds an older jar's push and --version, run the way
#      the old launcher did, to every round; with BASELINE_CDS=1 the older jar's push runs the way today's launcher
#      runs a jar (its own class-data archive, trained by one push first, and the launcher's JVM flags).
#   f. where a cold CLI process spends its time (not in the default SECTIONS): `--version`, `auth status` and a
#      1,000-file `push`, each with -Xlog:class+load, without and with the launcher's archive: classes by source and
#      the time each step of a push starts (first class of that step loaded).
# Usage: bench/push.sh            (env: RUNS=5 BIG_MIB=1024 STARTS=10 PAIRS=7 SECTIONS=abcde SKIP_BUILD=)
# Needs: java 17, curl, base64, ~3 GiB free in $TMPDIR. Results go to stdout; copy them to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BIG_MIB=${BIG_MIB:-1024}
STARTS=${STARTS:-10}
PAIRS=${PAIRS:-7}
SECTIONS=${SECTIONS:-abcde}
EMAIL=rahul@acme.example

work=$(mktemp -d "${TMPDIR:-/tmp}/bbpush-bench-push.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building the jar and the cli test classes"
  ./mvnw -B -q -DskipTests package -pl cli -am
fi
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
api="$base/2.0"
secret=$(curl -sS "$base/_emulator/credentials" | tr -d '\n ' | grep -o '"name":"rahul-api-token"[^}]*' \
  | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
export BBPUSH_API_URL="$api" BBPUSH_EMAIL="$EMAIL" BBPUSH_API_TOKEN="$secret"

# 1,000 text files of 4 KiB (base64 of random bytes: fresh content, scanned as text like Terraform would be).
make_dir() {
  mkdir -p "$work/$1"
  # Lower case: random base64 now and then spells a token prefix (ATBB..., AKIA...) and the safety scan blocks it.
  head -c $((1000 * 3072)) /dev/urandom | base64 -w 76 | tr 'A-Z' 'a-z' >"$work/$1.b64"
  truncate -s $((1000 * 4096)) "$work/$1.b64"
  split -b 4096 -a 3 -d --additional-suffix=.txt "$work/$1.b64" "$work/$1/f"
  rm "$work/$1.b64"
}

if [[ $SECTIONS == *a* ]]; then
echo "== a. 1,000 x 4 KiB, one commit each (first line of each side is the warm-up)"
lib_dirs=()
for r in $(seq 0 "$RUNS"); do make_dir "lib$r"; make_dir "curl$r"; lib_dirs+=("$work/lib$r"); done
echo "-- curl -F to POST /src (seconds, curl time_total)"
for r in $(seq 0 "$RUNS"); do
  args=()
  for f in "$work/curl$r"/f*.txt; do args+=(-F "/bench/$(basename "$f")=@$f"); done
  curl -sS -o /dev/null -w "curl$r %{http_code} %{time_total}\n" -u "$EMAIL:$secret" \
    -F "branch=bench/curl-$r" -F "message=bench curl $r" "${args[@]}" "$api/repositories/acme/infra/src"
done
echo "-- library push in one JVM (dir ms status rest git)"
java -XX:+UseSerialGC -cp "cli/target/test-classes:$jar" dev.bbpush.cli.PushBench "$api" "$EMAIL" bench/lib \
  "${lib_dirs[@]}"
fi

if [[ $SECTIONS == *b* ]]; then
[[ -d "$work/lib1" ]] || make_dir lib1
echo "== b. no-op push of the same 1,000 files (CLI, JVM start included)"
curl -sS -X DELETE "$base/_emulator/requests"
start=$(date +%s%N)
bin/bbpush push "$work/lib1" --repo acme/infra --branch bench/lib-1 --to bench --json >"$work/noop.json"
end=$(date +%s%N)
tr -d '\n ' <"$work/noop.json" | grep -o '"status":"[a-z-]*"\|"requests":{[^}]*}'
echo "wall time: $(((end - start) / 1000000)) ms"
echo "emulator journal: $(curl -sS "$base/_emulator/requests" | grep -c '"method"') requests"
curl -sS "$base/_emulator/requests" | grep -o '"method" : "[A-Z]*",\|"path" : "[^"]*"' | paste -d' ' - -
fi

if [[ $SECTIONS == *c* ]]; then
echo "== c. one ${BIG_MIB} MiB file, client -Xmx64m"
mkdir -p "$work/big"
head -c "$((BIG_MIB * 1024 * 1024))" /dev/urandom >"$work/big/big.bin"
start=$(date +%s%N)
BBPUSH_JAVA_OPTS="-Xmx64m -Xlog:gc:file=$work/client-gc.log" bin/bbpush push "$work/big/big.bin" --repo acme/infra \
  --branch bench/big --to bench --json >"$work/big.json" || echo "push failed: exit $?"
end=$(date +%s%N)
tr -d '\n ' <"$work/big.json" | grep -o '"status":"[a-z-]*"\|"requests":{[^}]*}'
echo "wall time: $(((end - start) / 1000000)) ms"
grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/client-gc.log" \
  | awk -F'->' '{split($2,a,"M"); if (a[1]+0>m) m=a[1]+0} END {print "client: max heap after GC: " m " MiB"}'
grep -o '([0-9]*M)' "$work/client-gc.log" | tr -d '()M' | sort -n | tail -1 \
  | awk '{print "client: max committed heap: " $1 " MiB"}'
rm -f "$work/big/big.bin"
fi

if [[ $SECTIONS == *d* ]]; then
echo "== d. cold start: bin/bbpush --version, $STARTS runs (ms)"
times=()
for _ in $(seq 1 "$STARTS"); do
  start=$(date +%s%N)
  bin/bbpush --version >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
done
printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' '
echo
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) " ms"}'
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
wall() { # runs "$@" with stdout to /dev/null, prints its wall time in ms; its CPU time (user + sys, ms) goes to $work/cpu
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$work/cpu.one" "$@" >/dev/null
  end=$(date +%s%N)
  tail -1 "$work/cpu.one" | awk '{printf "%d ", ($1 + $2) * 1000}' >>"$work/cpu"
  echo $(((end - start) / 1000000))
}
curl_args() { # the curl arguments of a POST /src of directory $1 to branch $2, in the array cargs
  local f
  cargs=(-sS -f -o /dev/null -u "$EMAIL:$secret" -F "branch=$2" -F "message=bench $2")
  for f in "$1"/f*.txt; do cargs+=(-F "/bench/$(basename "$f")=@$f"); done
  cargs+=("$api/repositories/acme/infra/src")
}

if [[ $SECTIONS == *e* ]]; then
echo "== e. whole process, interleaved, $PAIRS rounds (ms): curl, push (archive), push (BBPUSH_CDS=off), --version," \
  "java -version${BASELINE_JAR:+, baseline push, baseline --version}"
rm -f cli/target/bbpush-*.jsa cli/target/bbpush-*.aot
make_dir e-train
echo "first use (no archive yet: runs the push and writes the archive): $(wall bin/bbpush push "$work/e-train" \
  --repo acme/infra --branch bench/e-train --to bench -q) ms; archive: $(ls cli/target/ | grep '^bbpush-push-')"
base_cds=()
if [[ -n "${BASELINE_JAR:-}" && "${BASELINE_CDS:-}" == 1 ]]; then
  make_dir e-base-train
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:ArchiveClassesAtExit="$work/baseline.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$BASELINE_JAR" push "$work/e-base-train" --repo acme/infra \
    --branch bench/e-base-train --to bench -q
  base_cds=(-XX:-UsePerfData -XX:SharedArchiveFile="$work/baseline.jsa" -Xlog:cds=off)
  echo "baseline jar: its own archive, trained by one push"
fi
rows="$work/e-rows"
: >"$rows"
: >"$work/cpu"
for r in $(seq 1 "$PAIRS"); do
  make_dir "e-curl$r"; make_dir "e-cds$r"; make_dir "e-off$r"
  curl_args "$work/e-curl$r" "bench/e-curl-$r"
  c=$(wall curl "${cargs[@]}")
  p=$(wall bin/bbpush push "$work/e-cds$r" --repo acme/infra --branch "bench/e-cds-$r" --to bench -q)
  o=$(BBPUSH_CDS=off wall bin/bbpush push "$work/e-off$r" --repo acme/infra --branch "bench/e-off-$r" --to bench -q)
  v=$(wall bin/bbpush --version)
  j=$(wall java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -version 2>/dev/null)
  if [[ -n "${BASELINE_JAR:-}" ]]; then # an older jar, run the way the old launcher did (or today's, BASELINE_CDS=1)
    make_dir "e-base$r"
    bp=$(wall java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${base_cds[@]+"${base_cds[@]}"} -jar "$BASELINE_JAR" push "$work/e-base$r" --repo \
      acme/infra --branch "bench/e-base-$r" --to bench -q)
    bv=$(wall java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$BASELINE_JAR" --version)
    rm -rf "$work/e-base$r"
  fi
  echo "$c $p $o $v $j ${bp:-} ${bv:-}" | tee -a "$rows"
  echo >>"$work/cpu"
  rm -rf "$work/e-curl$r" "$work/e-cds$r" "$work/e-off$r"
done
mc=$(awk '{print $1}' "$rows" | median); mp=$(awk '{print $2}' "$rows" | median)
mo=$(awk '{print $3}' "$rows" | median); mv=$(awk '{print $4}' "$rows" | median)
mj=$(awk '{print $5}' "$rows" | median)
echo "medians (ms): curl $mc | bbpush push $mp | push with BBPUSH_CDS=off $mo | bbpush --version $mv | java -version $mj"
echo "client CPU time (user + sys, ms), same columns:"
cat "$work/cpu"
echo "CPU medians (ms): $(for k in 1 2 3 4 5 6 7; do awk -v k=$k 'NF >= k {print $k}' "$work/cpu" | median; done \
  | tr '\n' ' ')"
if [[ -n "${BASELINE_JAR:-}" ]]; then
  mbp=$(awk '{print $6}' "$rows" | median); mbv=$(awk '{print $7}' "$rows" | median)
  awk -v c="$mc" -v p="$mbp" -v v="$mbv" 'BEGIN {printf "baseline jar: push %d ms, --version %d ms; push / curl = " \
    "%.2fx; (push - --version) / curl = %.2fx\n", p, v, p / c, (p - v) / c}'
fi
awk -v c="$mc" -v p="$mp" -v o="$mo" -v v="$mv" 'BEGIN {
  printf "push / curl = %.2fx; (push - --version) / curl = %.2fx\n", p / c, (p - v) / c
  printf "without the archive: push / curl = %.2fx; (push - --version) / curl = %.2fx\n", o / c, (o - v) / c }'
fi

if [[ $SECTIONS == *f* ]]; then
echo "== f. where the time goes: -Xlog:class+load of one cold process each"
classes() { # summary of a class+load log: total, by source, some libraries
  awk '{n++; if ($0 ~ /shared objects file \(top\)/) top++; else if ($0 ~ /shared objects file/) jdk++;
    else if ($0 ~ /source: jrt/) jrt++; else if ($0 ~ /source: file/) jar++; else other++;
    if ($2 ~ /^picocli/) pico++; if ($2 ~ /^com.fasterxml/) jackson++; if ($2 ~ /^org.eclipse.jgit/) jgit++;
    if ($2 ~ /^org.apache.hc/) hc++; if ($2 ~ /^(sun.security|javax.net.ssl)/) ssl++ }
    END {printf "%d classes: %d JDK archive, %d bbpush archive, %d jrt, %d jar, %d generated | picocli %d, " \
      "Jackson %d, JGit %d, HttpClient %d, TLS/security %d\n", n, jdk, top, jrt, jar, other, pico, jackson, jgit, hc,
      ssl}' "$1"
}
milestones() { # first load of a class that starts each step of a push
  for m in dev.bbpush.cli.Main dev.bbpush.client.changes.ChangeSetBuilder dev.bbpush.client.push.Pusher \
      'dev.bbpush.client.push.PushEvent$SafetyChecked' dev.bbpush.client.push.GitTreeReader dev.bbpush.client.push.Planner dev.bbpush.client.push.SrcMultipartBody \
      dev.bbpush.client.push.RequestCounts; do
    printf '%s %s; ' "$(grep -m1 " $m " "$1" | cut -d']' -f1 | tr -d '[')" "${m##*.}"
  done
  echo
}
rm -f cli/target/bbpush-*.jsa cli/target/bbpush-*.aot
make_dir f-train; make_dir f-off; make_dir f-cds
bin/bbpush push "$work/f-train" --repo acme/infra --branch bench/f-train --to bench -q # trains the push archive
bin/bbpush auth status >/dev/null # trains the auth archive
for mode in off on; do
  for cmd in version auth push; do
    log="$work/f-$cmd-$mode.log"
    case $cmd in
      version) args=(--version) ;;
      auth) args=(auth status) ;;
      push) args=(push "$work/f-$([[ $mode == on ]] && echo cds || echo off)" --repo acme/infra \
        --branch "bench/f-$mode" --to bench -q) ;;
    esac
    start=$(date +%s%N)
    BBPUSH_CDS=$mode BBPUSH_JAVA_OPTS="-Xlog:class+load:file=$log" bin/bbpush "${args[@]}" >/dev/null || true
    end=$(date +%s%N)
    echo "$cmd, archive $mode, $(((end - start) / 1000000)) ms wall (with logging): $(classes "$log")"
    if [[ $cmd == push ]]; then echo "  steps start at (s): $(milestones "$log")"; fi
  done
done
fi
