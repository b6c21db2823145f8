#!/usr/bin/env bash
# soak.sh: hold thousands of mixed sessions for a long time while the server's own timeouts force
# reconnects, and check that nothing leaks or gets lost. Starts a harness server (loopback) with
# short SSE lifetimes, short long-poll holds and a low keep-alive request limit, drives it with
# `harness run --target` and prints:
#   - messages published by the server and, per transport, messages delivered, lost, duplicated
#     (lost must be 0 unless the ring overflowed, which the run's gap notices would show),
#   - reconnects, connect failures and errors per transport,
#   - client and server heap used and RSS, a little after the ramp-up and at the end.
#
#   scripts/soak.sh                                   # 5,000 mixed sessions for 10 minutes
#   SESSIONS=1000 DURATION=60s scripts/soak.sh        # a short check
#
# Environment: SESSIONS (default 5000), DURATION (default 10m), RAMP_UP (default 30s),
# TRANSPORT (default short-poll,long-poll,sse,ws), PUBLISH_RATE (default 2/s), SSE_TIMEOUT (ms,
# default 20000), LONG_POLL_HOLD (ms, default 10000), MAX_KEEP_ALIVE_REQUESTS (default 20),
# POLL_INTERVAL (default 2s), CLIENT_HEAP (default 1g), SERVER_HEAP (default 1g),
# OUT (default results/runs/soak). Exit status: that of `harness run`, or 3 when messages were lost.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SESSIONS="${SESSIONS:-5000}"
DURATION="${DURATION:-10m}"
RAMP_UP="${RAMP_UP:-30s}"
TRANSPORT="${TRANSPORT:-short-poll,long-poll,sse,ws}"
PUBLISH_RATE="${PUBLISH_RATE:-2}"
SSE_TIMEOUT="${SSE_TIMEOUT:-20000}"
LONG_POLL_HOLD="${LONG_POLL_HOLD:-10000}"
MAX_KEEP_ALIVE_REQUESTS="${MAX_KEEP_ALIVE_REQUESTS:-20}"
POLL_INTERVAL="${POLL_INTERVAL:-2s}"
CLIENT_HEAP="${CLIENT_HEAP:-1g}"
SERVER_HEAP="${SERVER_HEAP:-1g}"
OUT="${OUT:-$ROOT/results/runs/soak}"

need=$((SESSIONS + 200))
limit="$(ulimit -n)"
if [[ "$limit" != "unlimited" && "$limit" -lt "$need" ]]; then
    echo "soak.sh: $SESSIONS sessions need about $need open files per process but the limit is $limit:" \
         "raise it with 'ulimit -n $((need * 2))' or set SESSIONS lower" >&2
    exit 2
fi
for tool in curl jq jstat; do
    command -v "$tool" >/dev/null || { echo "soak.sh: $tool is needed: install it (jstat comes with a JDK)" >&2; exit 2; }
done

JAR="$ROOT/harness-client/target/harness-client.jar"
if [[ ! -f "$JAR" ]]; then
    echo "soak.sh: building the jars (mvn -B -q package -DskipTests) ..." >&2
    (cd "$ROOT" && mvn -B -q package -DskipTests) >&2
fi
mkdir -p "$OUT"
work="$(mktemp -d)"
server_pid=""
client_pid=""
cleanup() {
    [[ -n "$client_pid" ]] && kill "$client_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The server, in a JVM of its own, so that its heap and RSS can be read apart from the client's.
java "-Xmx$SERVER_HEAP" -jar "$JAR" server --port 0 --publish-rate "$PUBLISH_RATE" \
    --sse-timeout "$SSE_TIMEOUT" --long-poll-hold "$LONG_POLL_HOLD" \
    --max-keep-alive-requests "$MAX_KEEP_ALIVE_REQUESTS" --max-connections $((SESSIONS + 1000)) \
    >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 300); do
    grep -q '^LISTENING ' "$work/server.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "soak.sh: the server did not start: $(tail -n 1 "$work/server.err")" >&2; exit 1; }
    sleep 0.1
done
base="$(sed -n 's/^LISTENING //p' "$work/server.out" | head -n 1)"
control="$(sed -n 's/^CONTROL //p' "$work/server.out" | head -n 1)"   # where /harness/* is served
[[ -n "$base" ]] || { echo "soak.sh: the server printed no LISTENING line within 30 s" >&2; exit 1; }
case "$base" in http://127.*|http://localhost*|http://\[::1\]*) ;; *) echo "soak.sh: not a loopback server: $base" >&2; exit 1 ;; esac

heap_kib() { jstat -gc "$1" 2>/dev/null | awk 'NR == 2 { printf "%d", $3 + $4 + $6 + $8 }'; }
rss_kib() { ps -o rss= -p "$1" 2>/dev/null | tr -d ' '; }
last_seq() { curl -s --max-time 5 "$control/harness/stats" | jq -r '.lastSeq // .hub.lastSeq // empty'; }

seq_start="$(last_seq)"
echo "== soak: $SESSIONS sessions of $TRANSPORT for $DURATION against $base (sse-timeout $SSE_TIMEOUT ms," \
     "long-poll-hold $LONG_POLL_HOLD ms, max-keep-alive-requests $MAX_KEEP_ALIVE_REQUESTS)" >&2
java "-Xmx$CLIENT_HEAP" -jar "$JAR" run --target "$base" --transport "$TRANSPORT" --sessions "$SESSIONS" \
    --ramp-up "$RAMP_UP" --duration "$DURATION" --poll-interval "$POLL_INTERVAL" --name soak --out "$OUT" \
    >"$work/client.out" 2> >(tee -a "$work/client.err" >&2) &
client_pid=$!

# Start figures: a little after the ramp-up, once every session is open.
ramp_s="$(awk -v d="$RAMP_UP" 'BEGIN { n = d + 0; if (d ~ /ms$/) n /= 1000; else if (d ~ /m$/) n *= 60; print int(n) + 5 }')"
for _ in $(seq 1 "$ramp_s"); do kill -0 "$client_pid" 2>/dev/null || break; sleep 1; done
start_client_heap="$(heap_kib "$client_pid")"; start_client_rss="$(rss_kib "$client_pid")"
start_server_heap="$(heap_kib "$server_pid")"; start_server_rss="$(rss_kib "$server_pid")"
# End figures: the last sample taken while the client still ran.
end_client_heap="$start_client_heap"; end_client_rss="$start_client_rss"
end_server_heap="$start_server_heap"; end_server_rss="$start_server_rss"
while kill -0 "$client_pid" 2>/dev/null; do
    # a value of 0 or none means the process was exiting: keep the previous sample
    h="$(heap_kib "$client_pid" || true)"; r="$(rss_kib "$client_pid" || true)"
    [[ "${h:-0}" -gt 0 ]] && end_client_heap="$h"; [[ "${r:-0}" -gt 0 ]] && end_client_rss="$r"
    h="$(heap_kib "$server_pid" || true)"; r="$(rss_kib "$server_pid" || true)"
    [[ "${h:-0}" -gt 0 ]] && end_server_heap="$h"; [[ "${r:-0}" -gt 0 ]] && end_server_rss="$r"
    sleep 2
done
status=0
wait "$client_pid" || status=$?
client_pid=""
seq_end="$(last_seq)"
folder="$(sed -n 's/^results: //p' "$work/client.out" | tail -n 1)"
if [[ -z "$folder" ]]; then
    echo "soak.sh: the run wrote no results (exit $status); see the lines above" >&2
    exit "$((status == 0 ? 1 : status))"
fi

mib() { awk -v k="$1" 'BEGIN { if (k == "") print "n/a"; else printf "%.0f MiB", k / 1024 }'; }
echo
echo "soak.sh: $(nproc) cores, $(java -version 2>&1 | head -n 1), $SESSIONS sessions, $DURATION, publish rate $PUBLISH_RATE/s"
echo "messages published by the server during the run: $((seq_end - seq_start)) (sequence $seq_start -> $seq_end);" \
     "a session gets those published while it is open (at most that many each)"
awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i
              printf "%-11s %8s %12s %8s %11s %11s %10s %8s %8s\n", "transport", "sessions", "delivered", "lost",
                     "duplicated", "reconnects", "conn-fail", "errors", "status"; next }
    { printf "%-11s %8s %12s %8s %11s %11s %10s %8s %8s\n", $c["transport"], $c["sessions"],
             $c["messages_received"], $c["messages_lost"], $c["messages_duplicated"], $c["reconnects"],
             $c["connect_failures"], $c["errors"], $c["status"]
      if ($c["transport"] != "all") lost += $c["messages_lost"] }
    END { exit lost > 0 ? 3 : 0 }' "$folder/summary.csv" || lost_status=$?
printf '%-8s %16s %16s %16s %16s\n' "" "heap after ramp" "heap at end" "RSS after ramp" "RSS at end"
printf '%-8s %16s %16s %16s %16s\n' client "$(mib "$start_client_heap")" "$(mib "$end_client_heap")" \
    "$(mib "$start_client_rss")" "$(mib "$end_client_rss")"
printf '%-8s %16s %16s %16s %16s\n' server "$(mib "$start_server_heap")" "$(mib "$end_server_heap")" \
    "$(mib "$start_server_rss")" "$(mib "$end_server_rss")"
echo "results: $folder"
if [[ "${lost_status:-0}" -ne 0 ]]; then
    echo "soak.sh: messages were lost (see the lost column and the run's gap notices)" >&2
    exit 3
fi
exit "$status"
