#!/usr/bin/env bash
# scale.sh: can one client process hold 19,000 concurrent SSE sessions, and separately 10,000
# WebSocket sessions, with a heap of at most 256 MB? Runs each transport once against a server the
# client starts (loopback only) and prints, per transport: sessions held, client heap used and RSS
# (peaks, which the harness samples itself every second: summary.csv's client_heap_mb_max and
# client_rss_mb_max), the client's event-loop delay p99, the server's heap per held session,
# messages/s delivered and delivery p50/p99.
#
# The ramp opens sessions evenly (19,000 over 20 s is 950 connects/s); the server's acceptCount
# and the client's connect timeout are sized for it by scripts/lib/ramp.sh (see docs/CLIENT.md,
# "Sizing acceptCount for a ramp"), so that every connect is accepted.
#
#   scripts/scale.sh                       # 19,000 sse sessions, then 10,000 ws sessions, 60 s each
#   SESSIONS=2000 DURATION=20s scripts/scale.sh sse
#
# Environment: SESSIONS (default 19000 for sse, 10000 for ws), DURATION (default 60s), RAMP_UP
# (default 20s), PUBLISH_RATE (default 1 message/s, so a delivery per session per second),
# CLIENT_HEAP (default 256m), SERVER_HEAP (default 2g), OUT (default results/runs/scale).
# Arguments: the transports to try (default: sse ws).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SESSIONS="${SESSIONS:-}"
DURATION="${DURATION:-60s}"
RAMP_UP="${RAMP_UP:-20s}"
PUBLISH_RATE="${PUBLISH_RATE:-1}"
CLIENT_HEAP="${CLIENT_HEAP:-256m}"
SERVER_HEAP="${SERVER_HEAP:-2g}"
OUT="${OUT:-$ROOT/results/runs/scale}"
TRANSPORTS=("$@")
[[ ${#TRANSPORTS[@]} -gt 0 ]] || TRANSPORTS=(sse ws)
# shellcheck source=lib/ramp.sh
source "$ROOT/scripts/lib/ramp.sh"

# sessions_for TRANSPORT: the sessions to plan for it
sessions_for() {
    if [[ -n "$SESSIONS" ]]; then echo "$SESSIONS"; elif [[ "$1" == sse ]]; then echo 19000; else echo 10000; fi
}

# Each session holds one socket in the client and one in the server (separate processes), plus
# a margin for the JVM's own files.
for transport in "${TRANSPORTS[@]}"; do
    need=$(($(sessions_for "$transport") + 200))
    limit="$(ulimit -n)"
    if [[ "$limit" != "unlimited" && "$limit" -lt "$need" ]]; then
        echo "scale.sh: $(sessions_for "$transport") $transport sessions need about $need open files per process" \
             "but the limit is $limit: raise it with 'ulimit -n $((need * 2))' or set SESSIONS lower" >&2
        exit 2
    fi
done

JAR="$ROOT/harness-client/target/harness-client.jar"
if [[ ! -f "$JAR" ]]; then
    echo "scale.sh: building the jars (mvn -B -q package -DskipTests) ..." >&2
    (cd "$ROOT" && mvn -B -q package -DskipTests) >&2
fi
mkdir -p "$OUT"

summary_field() { # file column-name -> value of the first data row
    awk -F, -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i } NR == 2 { print $c }' "$1"
}

report=()
for transport in "${TRANSPORTS[@]}"; do
    sessions="$(sessions_for "$transport")"
    # shellcheck disable=SC2207 # two flags and their values, no spaces inside
    sizing=($(ramp_flags "$sessions" "$(ramp_seconds "$RAMP_UP")"))
    echo "== $transport: $sessions sessions, ramp-up $RAMP_UP, duration $DURATION, client -Xmx$CLIENT_HEAP," \
         "${sizing[*]}" >&2
    log="$(mktemp)"
    status=0
    java "-Xmx$CLIENT_HEAP" -jar "$JAR" run \
        --transport "$transport" --sessions "$sessions" --ramp-up "$RAMP_UP" --duration "$DURATION" \
        --publish-rate "$PUBLISH_RATE" --max-connections $((sessions + 1000)) --server-heap "$SERVER_HEAP" \
        "${sizing[@]}" \
        --name "scale-$transport" --out "$OUT" >"$log" 2> >(tee -a "$log" >&2) || status=$?
    folder="$(sed -n 's/^results: //p' "$log" | tail -n 1)"
    rm -f "$log"
    if [[ $status -ne 0 || -z "$folder" ]]; then
        echo "scale.sh: the $transport run failed (exit $status); see the lines above" >&2
        report+=("$(printf '%-9s %s' "$transport" "FAILED (exit $status)")")
        continue
    fi
    csv="$folder/summary.csv"
    received="$(summary_field "$csv" messages_received)"
    seconds="$(summary_field "$csv" measured_duration_s)"
    report+=("$(printf '%-9s %14s %9s %8s %14s %14s %12s %14s %12s %10s %10s %8s  %s' "$transport" \
        "$(summary_field "$csv" sessions_open_max)/$sessions" "$(summary_field "$csv" connect_failures)" \
        "$(summary_field "$csv" messages_lost)" \
        "$(summary_field "$csv" client_heap_mb_max) MiB" "$(summary_field "$csv" client_rss_mb_max) MiB" \
        "$(summary_field "$csv" client_event_loop_delay_p99_ms)" "$(summary_field "$csv" server_heap_bytes_per_session)" \
        "$(awk -v r="$received" -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "n/a" }')" \
        "$(summary_field "$csv" latency_p50_ms)" "$(summary_field "$csv" latency_p99_ms)" \
        "$(summary_field "$csv" busy_threads_max)" "$folder")")
done

echo
echo "scale.sh: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1)," \
     "client -Xmx$CLIENT_HEAP, publish rate $PUBLISH_RATE/s, $DURATION"
printf '%-9s %14s %9s %8s %14s %14s %12s %14s %12s %10s %10s %8s  %s\n' transport "sessions held" "conn fail" lost \
    "client heap" \
    "client RSS" "loop p99 ms" "server B/sess" "messages/s" "p50 ms" "p99 ms" "busy" results
printf '%s\n' "${report[@]}"
