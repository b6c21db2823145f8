#!/usr/bin/env bash
# run.sh: builds the harness if needed, then runs the default scenario against a server it starts:
# a mix of the four transports (25 % each), 200 sessions, 30 s, 5 messages/s, and prints where
# the results are.
#
#   scripts/run.sh                         # the default scenario
#   SESSIONS=1000 DURATION=60s scripts/run.sh
#   scripts/run.sh --handler blocking      # any other run option is passed on
#
# Environment: SESSIONS (default 200), DURATION (default 30s), PUBLISH_RATE (default 5),
# TRANSPORT (default short-poll=25,long-poll=25,sse=25,ws=25), OUT (default results/runs in the
# repository).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="${OUT:-$ROOT/results/runs}"

status=0
"$ROOT/scripts/harness" run \
    --transport "${TRANSPORT:-short-poll=25,long-poll=25,sse=25,ws=25}" \
    --sessions "${SESSIONS:-200}" \
    --duration "${DURATION:-30s}" \
    --publish-rate "${PUBLISH_RATE:-5}" \
    --name default-mix \
    --out "$OUT" \
    "$@" || status=$?

latest="$(ls -1dt "$OUT"/*/ 2>/dev/null | head -n 1 || true)"
if [[ $status -eq 0 && -n "$latest" ]]; then
    echo "run.sh: results are in ${latest%/}"
    echo "run.sh: open report.html there; summary.csv, timeseries.csv, server_samples.csv, latency.hlog, run.json (README.md explains every column)"
fi
exit $status
