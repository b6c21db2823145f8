#!/usr/bin/env bash
# Opens report pages in headless Chromium and checks that every chart rendered and the page
# raised no error.
#
# Usage: scripts/check-reports.sh PATH...
#   PATH is a run folder or a sweep folder (its report.html is checked, and the report.html of
#   every run folder directly inside it), or a report .html file.
#
# How: each page checks itself when it opens. It collects every error (window.onerror, unhandled
# rejections, console.error), draws its charts, tests that each canvas holds ink, and writes
# "ok charts=N/N" or "error charts=K/N: <problems>" into the data-detail attribute of the
# invisible <div id="render-status"> (the page shows no such text). This script loads the page
# with --dump-dom and reads that element's attributes.
#
# Environment:
#   CHROMIUM           browser binary (default: /usr/bin/chromium, else chromium on PATH)
#   CHECK_TIMEOUT_S    seconds allowed per page (default 60)
#
# Exit status: 0 every page rendered cleanly, 1 a page failed, 2 bad usage or no browser.
# Install the browser on Debian with: apt-get install -y chromium
set -uo pipefail

usage() {
  echo "usage: $0 RUN_DIR|SWEEP_DIR|REPORT.html..." >&2
  exit 2
}

[ "$#" -ge 1 ] || usage
case "$1" in -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
  if [ -x /usr/bin/chromium ]; then
    browser=/usr/bin/chromium
  else
    browser="$(command -v chromium || command -v chromium-browser || true)"
  fi
fi
if [ -z "$browser" ] || [ ! -x "$browser" ]; then
  echo "check-reports: no Chromium found; install it (Debian: apt-get install -y chromium) or set CHROMIUM" >&2
  exit 2
fi
timeout_s="${CHECK_TIMEOUT_S:-60}"

# Collect the pages to check.
pages=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    if [ ! -f "$arg/report.html" ]; then
      echo "check-reports: $arg has no report.html; generate it with: harness report $arg" >&2
      exit 2
    fi
    pages+=("$arg/report.html")
    for sub in "$arg"/*/report.html; do
      [ -f "$sub" ] && pages+=("$sub")
    done
  elif [ -f "$arg" ]; then
    pages+=("$arg")
  else
    echo "check-reports: $arg does not exist; give a run folder, a sweep folder or a report.html" >&2
    exit 2
  fi
done

profile="$(mktemp -d "${TMPDIR:-/tmp}/check-reports.XXXXXX")"
trap 'rm -rf "$profile"' EXIT

failed=0
for page in "${pages[@]}"; do
  abs="$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
  # A fresh profile per page: no state carries over from one report to the next.
  rm -rf "$profile/user-data" && mkdir -p "$profile/user-data"
  # --host-resolver-rules keeps the browser off every network: reports must open offline.
  timeout --kill-after=5 "$timeout_s" "$browser" \
    --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-quic \
    --disable-extensions --no-default-browser-check --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$profile/user-data" --window-size=1280,2000 \
    --virtual-time-budget=5000 --dump-dom "file://$abs" \
    >"$profile/dom.html" 2>"$profile/browser.log"
  rc=$?
  tag="$(grep -o '<div id="render-status"[^>]*>' "$profile/dom.html" | head -n 1)"
  status="$(printf '%s' "$tag" | grep -o 'data-detail="[^"]*"' | sed 's/^data-detail="//; s/"$//; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g')"
  state="$(printf '%s' "$tag" | grep -o 'data-status="[a-z]*"' | sed 's/.*data-status="//; s/"//')"
  if [ "$rc" -ne 0 ]; then
    echo "FAIL $page: the browser exited with status $rc (timeout after ${timeout_s}s is 124)"
    tail -n 5 "$profile/browser.log" | sed 's/^/  browser: /'
    failed=1
  elif [ "$state" = "ok" ]; then
    echo "ok   $page: $status"
  elif [ -z "$state" ]; then
    echo "FAIL $page: no render-status element; is this a harness report?"
    failed=1
  else
    echo "FAIL $page: $status"
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "check-reports: some reports did not render cleanly (see FAIL lines above)" >&2
  exit 1
fi
echo "check-reports: ${#pages[@]} report(s) rendered cleanly"
