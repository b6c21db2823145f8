#!/usr/bin/env bash
# What does the probe sampler cost? Drives GET /poll on loopback with wrk against harness-server
# with the sampler on (--sample-interval 100) and off (0), in alternating rounds, each on a fresh
# server JVM with a short warm-up, and prints requests/s per round, the medians and their ratio.
#
#   scripts/sampler-overhead.sh                 # 3 rounds x 10 s per variant
#   ROUNDS=5 SECONDS_PER_RUN=20 scripts/sampler-overhead.sh
#
# Needs wrk (Debian: apt-get install -y wrk). Loopback only; every server it starts is stopped.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
SAMPLE_INTERVAL_MS=${SAMPLE_INTERVAL_MS:-100}

cd "$(dirname "$0")/.."
JAR=harness-server/target/harness-server.jar
if [[ ! -f "$JAR" ]]; then
  echo "building $JAR ..." >&2
  mvn -B -q package -DskipTests -pl harness-server -am
fi
if ! command -v wrk >/dev/null; then
  echo "sampler-overhead: wrk is not installed: apt-get install -y wrk" >&2
  exit 2
fi

work=$(mktemp -d)
SERVER_JAR="$JAR"
# shellcheck source=lib/server.sh
source scripts/lib/server.sh
trap 'server_stop; rm -rf "$work"' EXIT

# measure INTERVAL_MS: prints the requests/s of one measured wrk run; with the sampler on, also
# appends "samples cpu_micros" (the sampler's own CPU time during the run) to $work/cpu
measure() {
  server_start sampler-overhead --publish-rate 10 --max-keep-alive-requests -1 --sample-interval "$1"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$server_url/poll" > /dev/null
  curl -s -X POST "$control_url/harness/reset" > /dev/null
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "$server_url/poll" > "$work/wrk"
  if [[ "$1" != 0 ]]; then
    { curl -s "$control_url/harness/stats" | tr -d ' \n' \
        | sed -n 's/.*"samples":\([0-9]*\),"seriesDropped":[0-9]*,"samplerCpuMicros":\([0-9]*\).*/\1 \2/p'
      echo; } >> "$work/cpu"
  fi
  server_stop
  awk '/^Requests\/sec:/ {print $2}' "$work/wrk"
}

median() {
  sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.2f\n", (v[NR/2]+v[NR/2+1])/2}'
}

echo "sampler overhead: GET /poll, wrk -t$WRK_THREADS -c$CONNECTIONS, ${SECONDS_PER_RUN}s per run after ${WARMUP_SECONDS}s warm-up, $ROUNDS rounds"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
: > "$work/cpu"
on=(); off=()
for round in $(seq 1 "$ROUNDS"); do
  r_on=$(measure "$SAMPLE_INTERVAL_MS")
  r_off=$(measure 0)
  on+=("$r_on"); off+=("$r_off")
  printf 'round %d: sampler %s ms %10s req/s   sampler off %10s req/s\n' "$round" "$SAMPLE_INTERVAL_MS" "$r_on" "$r_off"
done
median_on=$(printf '%s\n' "${on[@]}" | median)
median_off=$(printf '%s\n' "${off[@]}" | median)
ratio=$(awk -v a="$median_on" -v b="$median_off" 'BEGIN {printf "%.3f", a / b}')
echo "median: sampler ${SAMPLE_INTERVAL_MS} ms ${median_on} req/s, sampler off ${median_off} req/s, ratio on/off ${ratio}"
awk -v interval="$SAMPLE_INTERVAL_MS" 'NF == 2 {samples += $1; cpu += $2}
  END {if (samples > 0) printf "sampler thread CPU: %d samples, %.1f us per sample = %.4f%% of one core at %d ms\n",
       samples, cpu / samples, cpu / samples / (interval * 1000) * 100, interval}' "$work/cpu"
