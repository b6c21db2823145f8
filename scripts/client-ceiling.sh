#!/usr/bin/env bash
# client-ceiling.sh: what can the load generator itself do on this machine? Measures the client,
# not Tomcat, side by side in one run with alternating rounds, and prints every figure with the
# machine and its load average beside it. Loopback only; every process it starts is stopped.
#
# Parts (the arguments; default: all three, in this order, once per round):
#   poll    short poll as fast as possible (--poll-interval 1ms), 64 sessions, against one server
#           that wrk -t1 -c64 hammers too, the two alternating: requests/s and the ratio harness /
#           wrk, the harness's past its own JVM's warm-up (its JIT compiles for several seconds at
#           this rate) and, beside it, over its whole run; the client's CPU per request past the
#           warm-up. Skipped with one line when wrk is not installed.
#   fanout  SSE broadcast at 1 msg/s to 5,000 and to 10,000 sessions: steady-state delivery
#           latency p50/p99 (latency.hlog from FANOUT_SETTLE_S past the ramp-up on: by then both
#           JVMs' compilers have done most of their work) and CPU per delivered message of the
#           client and of the server beside it (timeseries.csv's client_cpu_ms and server_cpu_ms
#           over the same seconds, divided by the messages received in them).
#   hold    SSE sessions held, 19,000 planned over a 20 s ramp (950 connects/s), client heap
#           capped at 256 MB: sessions held, connect failures, client heap peak. acceptCount and
#           the connect timeout come from scripts/lib/ramp.sh.
#
#   scripts/client-ceiling.sh                  # 3 rounds of poll, fanout and hold (about 20 min)
#   ROUNDS=1 scripts/client-ceiling.sh fanout
#
# Environment: ROUNDS (3), POLL_SESSIONS (64), POLL_SECONDS (15: wrk's run, and the harness's past
# its warm-up), POLL_WARMUP_S (10: the harness's warm-up, the seconds before its figure),
# FANOUT_SESSIONS ("5000 10000"), FANOUT_RAMP (10s), FANOUT_DURATION (90s: at least FANOUT_RAMP +
# FANOUT_SETTLE_S + 10 s, or the script refuses to start), FANOUT_SETTLE_S (30),
# HOLD_SESSIONS (19000), HOLD_RAMP (20s), HOLD_DURATION (40s), CLIENT_HEAP (256m),
# OUT (results/runs/client-ceiling), CLIENT_JAR and SERVER_JAR (the jars to measure: this
# checkout's by default; the client's jar also runs the server that 'harness run' starts).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=lib/ramp.sh
source "$ROOT/scripts/lib/ramp.sh"

ROUNDS="${ROUNDS:-3}"
POLL_SESSIONS="${POLL_SESSIONS:-64}"
POLL_SECONDS="${POLL_SECONDS:-15}"
POLL_WARMUP_S="${POLL_WARMUP_S:-10}"
read -r -a FANOUT_SESSIONS <<<"${FANOUT_SESSIONS:-5000 10000}"
FANOUT_RAMP="${FANOUT_RAMP:-10s}"
FANOUT_DURATION="${FANOUT_DURATION:-90s}"
FANOUT_SETTLE_S="${FANOUT_SETTLE_S:-30}"
HOLD_SESSIONS="${HOLD_SESSIONS:-19000}"
HOLD_RAMP="${HOLD_RAMP:-20s}"
HOLD_DURATION="${HOLD_DURATION:-40s}"
CLIENT_HEAP="${CLIENT_HEAP:-256m}"
OUT="${OUT:-$ROOT/results/runs/client-ceiling}"
PARTS=("$@")
[[ ${#PARTS[@]} -gt 0 ]] || PARTS=(poll fanout hold)
for part in "${PARTS[@]}"; do
    case "$part" in
        poll | fanout | hold) ;;
        *) echo "client-ceiling.sh: unknown part '$part': give poll, fanout or hold (default: all three)" >&2; exit 2 ;;
    esac
done
wants() { [[ " ${PARTS[*]} " == *" $1 "* ]]; }

# the fan-out figures count from FANOUT_SETTLE_S past the ramp-up: a run that ends before that
# would print n/a for each of them, so it is refused before anything runs
FANOUT_MIN_WINDOW_S=10
if wants fanout; then
    for name in FANOUT_RAMP FANOUT_DURATION; do
        if [[ ! "${!name}" =~ ^(0|[0-9]+(ms|s|m))$ ]]; then
            echo "client-ceiling.sh: $name=${!name} is not a duration: write it as 10s, 1500ms or 2m" >&2
            exit 2
        fi
    done
    if [[ ! "$FANOUT_SETTLE_S" =~ ^[0-9]+$ ]]; then
        echo "client-ceiling.sh: FANOUT_SETTLE_S=$FANOUT_SETTLE_S is not a whole number of seconds: write it as 30" >&2
        exit 2
    fi
    # the second from which every fan-out figure counts
    FANOUT_STEADY_FROM_S=$(($(ramp_seconds "$FANOUT_RAMP") + FANOUT_SETTLE_S))
    if (($(ramp_seconds "$FANOUT_DURATION") < FANOUT_STEADY_FROM_S + FANOUT_MIN_WINDOW_S)); then
        echo "client-ceiling.sh: FANOUT_DURATION=$FANOUT_DURATION leaves no steady window: the figures count from" \
             "FANOUT_RAMP + FANOUT_SETTLE_S ($FANOUT_STEADY_FROM_S s) on, so give at least" \
             "$((FANOUT_STEADY_FROM_S + FANOUT_MIN_WINDOW_S))s (or a smaller FANOUT_SETTLE_S)" >&2
        exit 2
    fi
fi

most=$((HOLD_SESSIONS > 10000 ? HOLD_SESSIONS : 10000))
limit="$(ulimit -n)"
if [[ "$limit" != "unlimited" && "$limit" -lt $((most + 200)) ]]; then
    echo "client-ceiling.sh: $most sessions need about $((most + 200)) open files per process but the limit is" \
         "$limit: raise it with 'ulimit -n $(((most + 200) * 2))' or set HOLD_SESSIONS lower" >&2
    exit 2
fi
HAVE_WRK=1
if wants poll && ! command -v wrk >/dev/null; then
    echo "client-ceiling.sh: wrk is not installed (Debian: apt-get install -y wrk): the poll part is skipped" >&2
    HAVE_WRK=0
fi

CLIENT_JAR="${CLIENT_JAR:-$ROOT/harness-client/target/harness-client.jar}"
SERVER_JAR="${SERVER_JAR:-$ROOT/harness-server/target/harness-server.jar}"
if [[ ! -f "$CLIENT_JAR" || ! -f "$SERVER_JAR" ]]; then
    echo "client-ceiling.sh: building the jars (mvn -B -q package -DskipTests) ..." >&2
    (cd "$ROOT" && mvn -B -q package -DskipTests) >&2
fi
mkdir -p "$OUT"
work="$(mktemp -d)"
# shellcheck source=lib/server.sh
source "$ROOT/scripts/lib/server.sh"
trap 'server_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

load_average() { cut -d' ' -f1 /proc/loadavg; }

# column FILE NAME: the values of column NAME, one per data row
column() {
    awk -F, -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next } c { print $c }' "$1"
}

# harness ARGS...: one 'harness run'; prints its results folder (empty when it failed)
harness() {
    local log="$work/run.log" status=0
    java "-Xmx$CLIENT_HEAP" -jar "$CLIENT_JAR" run --out "$OUT" "$@" >"$log" 2>&1 || status=$?
    if [[ $status -ne 0 ]]; then
        echo "client-ceiling.sh: harness run $* exited $status:" >&2
        tail -n 5 "$log" >&2
    fi
    sed -n 's/^results: //p' "$log" | tail -n 1
}

# percentile HLOG TAG START_S P: the P-th percentile (0..100) of TAG in HLOG from START_S on, ms
percentile() {
    (cd "$work" && java -cp "$CLIENT_JAR" org.HdrHistogram.HistogramLogProcessor -i "$1" -tag "$2" -start "$3" \
        -outputValueUnitRatio 1000 -csv -o steady >/dev/null 2>&1)
    awk -F, -v p="$4" 'NR > 1 && $2 + 0 >= p / 100 { printf "%.1f", $1; exit }' "$work/steady.hgrm"
}

# median VALUES...: the median of the numbers given (n/a for none)
median() {
    printf '%s\n' "$@" | { grep -E '^[0-9.]+$' || true; } | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2];
              else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B: A / B to two decimals, n/a unless both are numbers
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a + 0 == a) printf "%.2f", a / b; else print "n/a" }'
}

# ---- poll: harness and wrk against one server ------------------------------------------------
poll_harness=()
poll_harness_run=()
poll_harness_cpu=()
poll_wrk=()
# harness / wrk of each round, past the warm-up and over the whole run (the medians printed are of these)
poll_ratio=()
poll_ratio_run=()
# start_poll_server: a fresh server for one round of the poll part, warmed up by wrk; stopped at
# the end of the round, so that it takes nothing from the other parts
start_poll_server() {
    server_start client-ceiling.sh --publish-rate 1 --max-keep-alive-requests -1
    wrk -t1 -c"$POLL_SESSIONS" -d3s "$server_url/poll" >/dev/null # the server's JIT warms up
}

# poll_rates FOLDER: "past-warm-up-rate whole-run-rate client-us-per-request" from its timeseries.csv
poll_rates() {
    paste -d, <(column "$1/timeseries.csv" elapsed_s) <(column "$1/timeseries.csv" requests_per_s) \
        <(column "$1/timeseries.csv" client_cpu_ms) |
        awk -F, -v w="$POLL_WARMUP_S" '{ all += $2; n++ } $1 > w { s += $2; m++; cpu += $3 }
            END { if (m) printf "%.0f %.0f %.1f", s / m, all / n, cpu * 1000 / s }'
}

poll_round() {
    local round="$1" order=(harness wrk) rps steady whole
    start_poll_server
    ((round % 2 == 0)) && order=(wrk harness)
    for who in "${order[@]}"; do
        if [[ "$who" == wrk ]]; then
            rps="$(wrk -t1 -c"$POLL_SESSIONS" -d"${POLL_SECONDS}s" "$server_url/poll" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')"
            poll_wrk+=("$rps")
            echo "round $round  poll   wrk -t1 -c$POLL_SESSIONS      ${rps} requests/s   (load average $(load_average))"
        else
            local folder rates cpu
            folder="$(harness --target "$server_url" --transport short-poll --sessions "$POLL_SESSIONS" --ramp-up 0 \
                --poll-interval 1ms --duration "$((POLL_WARMUP_S + POLL_SECONDS))s" --name ceiling-poll)"
            rates="$( [[ -n "$folder" ]] && poll_rates "$folder")"
            read -r steady whole cpu <<<"${rates:-n/a n/a n/a}"
            poll_harness+=("$steady")
            poll_harness_run+=("$whole")
            poll_harness_cpu+=("$cpu")
            echo "round $round  poll   harness $POLL_SESSIONS sessions  $steady requests/s past ${POLL_WARMUP_S} s" \
                 "($whole over the whole run), client $cpu µs CPU/request   (load average $(load_average))"
        fi
    done
    poll_ratio+=("$(ratio "$steady" "$rps")")
    poll_ratio_run+=("$(ratio "$whole" "$rps")")
    server_stop
}

# ---- fanout: SSE broadcast, steady state ------------------------------------------------------
declare -A fan_p50 fan_p99 fan_cpu fan_server_cpu
# steady_cpu FOLDER COLUMN SETTLE_S: COLUMN (ms per second) of timeseries.csv over the seconds past
# SETTLE_S, in µs per message received in those seconds (a second whose server reading failed is
# empty and the next carries its time); empty when no second has it
steady_cpu() {
    paste -d, <(column "$1/timeseries.csv" elapsed_s) <(column "$1/timeseries.csv" "$2") \
        <(column "$1/timeseries.csv" messages_per_s) |
        awk -F, -v from="$3" '$1 > from { if ($2 != "") known = 1; cpu += $2; messages += $3 }
            END { if (messages > 0 && known) printf "%.1f", cpu * 1000 / messages }'
}

fanout_round() {
    local round="$1" sessions ramp_s folder settle_s="$FANOUT_STEADY_FROM_S" p50 p99 cpu server_cpu
    ramp_s="$(ramp_seconds "$FANOUT_RAMP")"
    for sessions in "${FANOUT_SESSIONS[@]}"; do
        # shellcheck disable=SC2046 # the sizing flags split on purpose
        folder="$(harness --transport sse --sessions "$sessions" --ramp-up "$FANOUT_RAMP" \
            --duration "$FANOUT_DURATION" --publish-rate 1 --max-connections $((sessions + 1000)) \
            $(ramp_flags "$sessions" "$ramp_s" 2>/dev/null) --name "ceiling-sse-$sessions")"
        if [[ -z "$folder" ]]; then
            echo "round $round  fanout $sessions sse sessions: the run failed"
            continue
        fi
        p50="$(percentile "$folder/latency.hlog" sse "$settle_s" 50)"
        p99="$(percentile "$folder/latency.hlog" sse "$settle_s" 99)"
        # CPU per delivered message, client and server, over the seconds past the ramp-up and the settling time
        cpu="$(steady_cpu "$folder" client_cpu_ms "$settle_s")"
        server_cpu="$(steady_cpu "$folder" server_cpu_ms "$settle_s")"
        fan_p50[$sessions]+="${p50:-n/a} "
        fan_p99[$sessions]+="${p99:-n/a} "
        fan_cpu[$sessions]+="${cpu:-n/a} "
        fan_server_cpu[$sessions]+="${server_cpu:-n/a} "
        echo "round $round  fanout $sessions sse sessions x 1 msg/s  steady p50 ${p50:-n/a} ms  p99 ${p99:-n/a} ms" \
             " client ${cpu:-n/a} µs, server ${server_cpu:-n/a} µs CPU/message   (load average $(load_average))"
    done
}

# ---- hold: sessions held at the ramp the connector absorbs --------------------------------------
hold_held=()
hold_fail=()
hold_heap=()
hold_round() {
    local round="$1" folder held failures heap
    # shellcheck disable=SC2046 # the sizing flags split on purpose
    folder="$(harness --transport sse --sessions "$HOLD_SESSIONS" --ramp-up "$HOLD_RAMP" --duration "$HOLD_DURATION" \
        --publish-rate 1 --max-connections $((HOLD_SESSIONS + 1000)) --server-heap 2g \
        $(ramp_flags "$HOLD_SESSIONS" "$(ramp_seconds "$HOLD_RAMP")") --name "ceiling-hold")"
    if [[ -z "$folder" ]]; then
        echo "round $round  hold   $HOLD_SESSIONS sse sessions: the run failed"
        return
    fi
    held="$(column "$folder/summary.csv" sessions_open_max | head -n 1)"
    failures="$(column "$folder/summary.csv" connect_failures | head -n 1)"
    heap="$(column "$folder/summary.csv" client_heap_mb_max | head -n 1)"
    hold_held+=("$held")
    hold_fail+=("$failures")
    hold_heap+=("$heap")
    echo "round $round  hold   $held of $HOLD_SESSIONS sse sessions held, $failures connect failures," \
         "client heap peak $heap MiB of $CLIENT_HEAP   (load average $(load_average))"
}

echo "client-ceiling.sh: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 " GB" }'), $(uname -sr)," \
     "$(java -version 2>&1 | head -n 1), client -Xmx$CLIENT_HEAP, $ROUNDS rounds"
for round in $(seq 1 "$ROUNDS"); do
    if wants poll && ((HAVE_WRK)); then poll_round "$round"; fi
    if wants fanout; then fanout_round "$round"; fi
    if wants hold; then hold_round "$round"; fi
done

echo
echo "medians of $ROUNDS rounds ($(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
if wants poll && ((HAVE_WRK)); then
    h="$(median "${poll_harness[@]}")"
    hr="$(median "${poll_harness_run[@]}")"
    w="$(median "${poll_wrk[@]}")"
    echo "  short poll, $POLL_SESSIONS connections: harness $h requests/s past its ${POLL_WARMUP_S} s warm-up" \
         "($hr over the whole run), wrk $w requests/s, harness / wrk $(median "${poll_ratio[@]}")" \
         "($(median "${poll_ratio_run[@]}") over the whole run; medians of the rounds' ratios);" \
         "client $(median "${poll_harness_cpu[@]}") µs CPU/request"
fi
if wants fanout; then
    for sessions in "${FANOUT_SESSIONS[@]}"; do
        # shellcheck disable=SC2086 # the values split on purpose
        echo "  sse fan-out, $sessions sessions x 1 msg/s: steady delivery p50 $(median ${fan_p50[$sessions]:-}) ms," \
             "p99 $(median ${fan_p99[$sessions]:-}) ms; CPU per message: client $(median ${fan_cpu[$sessions]:-}) µs," \
             "server $(median ${fan_server_cpu[$sessions]:-}) µs"
    done
fi
if wants hold; then
    echo "  sse sessions held: $(median "${hold_held[@]}") of $HOLD_SESSIONS, connect failures" \
         "$(median "${hold_fail[@]}"), client heap peak $(median "${hold_heap[@]}") MiB"
fi
