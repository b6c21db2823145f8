# server.sh: a harness-server for a benchmark script, on loopback, stopped on every way out.
# Sourced by sampler-overhead.sh and client-ceiling.sh after they set SERVER_JAR (the server's
# jar) and work (their temporary folder):
#
#   server_start my-script.sh --publish-rate 1 --sample-interval 100   # sets server_url, control_url
#   ...                                                                 # load against $server_url
#   server_stop
#
# server_stop is also what the scripts' EXIT trap calls, so no server outlives its script.

server_pid=""

# server_start NAME FLAGS...: starts the server on a free port with FLAGS and waits (at most 15 s)
# for its LISTENING line; sets server_pid, server_url (the workload) and control_url (its control
# connector, where /harness/* is served). NAME names the script in the message of a failed start.
server_start() {
    local name="$1"
    shift
    java -jar "$SERVER_JAR" --port 0 "$@" >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    for _ in $(seq 1 150); do
        if grep -q '^LISTENING ' "$work/server.out"; then
            server_url="$(sed -n 's/^LISTENING //p' "$work/server.out")"
            control_url="$(sed -n 's/^CONTROL //p' "$work/server.out")"
            return 0
        fi
        sleep 0.1
    done
    echo "$name: the server did not start: $(cat "$work/server.err")" >&2
    exit 1
}

# server_stop: stops the server started last, if it still runs.
server_stop() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
