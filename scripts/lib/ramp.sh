# ramp.sh: sizes the server's accept queue, the client's connect timeout and its source
# addresses for a ramp-up, so that every connect of the ramp is accepted at the ramp's pace.
# Sourced by scale.sh and client-ceiling.sh; the rules are explained in docs/CLIENT.md ("Sizing
# acceptCount for a ramp").
#
#   source scripts/lib/ramp.sh
#   ramp_flags 19000 20      # -> --accept-count 3800 --connect-timeout 15s --source-addresses 2
#
# The rule: connects arrive at SESSIONS / RAMP_S per second. While Tomcat's acceptor is not
# accepting (a GC pause, a starved core, maxConnections reached) they wait in the kernel's accept
# queue, whose length is acceptCount, capped by net.core.somaxconn. The queue must hold the
# connects of the longest such pause, RAMP_PAUSE_S seconds (default 4). A connect whose SYN finds
# the queue full is not refused: the kernel drops it and the client sends it again after 1, 2, 4
# and 8 s. The connect timeout (15 s) outlasts three resends, so an overflow that lasts less than
# about 7 s delays a connect instead of failing it.
#
# Source addresses: Linux gives connect() the even ports of the ephemeral range first; once they
# are taken, every connect searches the range for a free odd one, and the ramp slows from 950 to
# about 100 connects a second (measured: one source address, 32768-60999, past 14,000
# connections). So each source address (127.0.0.1, 127.0.0.2, ...) carries at most 80% of half
# the range.

RAMP_PAUSE_S="${RAMP_PAUSE_S:-4}"
RAMP_CONNECT_TIMEOUT="${RAMP_CONNECT_TIMEOUT:-15s}"

# ramp_accept_count SESSIONS RAMP_S [SOMAXCONN]: the acceptCount for the ramp, at least Tomcat's
# default 100 and at most SOMAXCONN (default: the kernel's net.core.somaxconn, else 4096).
ramp_accept_count() {
    local sessions="$1" ramp_s="$2" max="${3:-}"
    if [[ -z "$max" ]]; then
        max="$(cat /proc/sys/net/core/somaxconn 2>/dev/null || echo 4096)"
    fi
    local rate=$sessions
    if [[ "$ramp_s" -gt 0 ]]; then
        rate=$(((sessions + ramp_s - 1) / ramp_s))
    fi
    local count=$((rate * RAMP_PAUSE_S))
    ((count < 100)) && count=100
    if ((count > max)); then
        echo "ramp: $rate connects/s would want an accept queue of $count for a ${RAMP_PAUSE_S} s pause;" \
             "the kernel caps it at net.core.somaxconn = $max (raise it with sysctl, or ramp more slowly)" >&2
        count=$max
    fi
    echo "$count"
}

# ramp_source_addresses SESSIONS [PORTS]: how many loopback source addresses SESSIONS
# connections need; PORTS is the size of the ephemeral range (default: the kernel's
# net.ipv4.ip_local_port_range, else 28232).
ramp_source_addresses() {
    local sessions="$1" ports="${2:-}"
    if [[ -z "$ports" ]]; then
        ports="$(awk '{ print $2 - $1 + 1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 28232)"
    fi
    local per_address=$((ports / 2 * 8 / 10))
    echo $(((sessions + per_address - 1) / per_address))
}

# ramp_flags SESSIONS RAMP_S [SOMAXCONN [PORTS]]: the harness run flags for the ramp.
ramp_flags() {
    echo "--accept-count $(ramp_accept_count "$1" "$2" "${3:-}") --connect-timeout $RAMP_CONNECT_TIMEOUT" \
         "--source-addresses $(ramp_source_addresses "$1" "${4:-}")"
}

# ramp_seconds DURATION: whole seconds of a duration written 20s, 1500ms, 2m or 0.
ramp_seconds() {
    local d="$1"
    case "$d" in
        *ms) echo $(((${d%ms} + 999) / 1000)) ;;
        *s) echo "${d%s}" ;;
        *m) echo $((${d%m} * 60)) ;;
        *) echo "$d" ;;
    esac
}
