#!/usr/bin/env bash
# Runs the JMH benchmark suite (module benchmarks) and turns its results into CSV and HTML.
#
#   scripts/jmh.sh                          the whole suite with the defaults in the classes:
#                                           1 fork, 2 warm-up x 2 s, 3 x 2 s measurement (about 8 min)
#   scripts/jmh.sh PollRoundTrip -p protocol=nio
#                                           any JMH arguments, passed through unchanged
#   JAVA_HOME=/path/to/jdk-21 scripts/jmh.sh PollThreadModel
#                                           the virtual-thread variant needs Java 21+
#
# Builds benchmarks/target/benchmarks.jar when it is missing or older than the sources, prints
# the estimated time, runs JMH with "-rf json -rff results/jmh/<timestamp>.json", then writes
# <timestamp>.csv and <timestamp>.html beside the JSON (harness jmh). Listing and help options
# (-l, -lp, -h, ...) go straight to JMH.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=benchmarks/target/benchmarks.jar
out_dir=results/jmh

if ! command -v "$java" >/dev/null 2>&1; then
    echo "jmh.sh: no java found: install a JDK 17+ or set JAVA_HOME" >&2
    exit 2
fi

if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml harness-server harness-client benchmarks \
        \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    echo "jmh.sh: building $jar ..." >&2
    mvn -B -q -pl benchmarks -am package -DskipTests >&2
fi

for arg in "$@"; do
    case "$arg" in
        -h|-help|--help|-l|-lp|-lrf|-lprof)
            exec "$java" -jar "$jar" "$@" ;;
        -rf|-rff)
            echo "jmh.sh: $arg is set by this script (JSON into $out_dir/); run java -jar $jar directly to choose your own" >&2
            exit 2 ;;
    esac
done

args=("$@")
java_feature="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
java_feature="${java_feature%%.*}"
if (( java_feature < 21 )) && ! printf '%s\n' "$@" | grep -q '^executor='; then
    args+=(-p executor=platform)
    echo "jmh.sh: PollThreadModel executor=virtual skipped: virtual threads need Java 21 or later and this is Java $java_feature;" \
         "set JAVA_HOME to a Java 21+ JDK to include it" >&2
fi

"$java" -cp "$jar" org.tomcatpush.harness.benchmarks.support.SuiteEstimate "${args[@]}"
echo "jmh.sh: machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown);" \
     "java: $("$java" -version 2>&1 | head -1)" >&2

mkdir -p "$out_dir"
stamp="$(date +%Y%m%d-%H%M%S)"
json="$out_dir/$stamp.json"
status=0
"$java" -jar "$jar" "${args[@]}" -rf json -rff "$json" || status=$?
echo "jmh.sh: load average at the end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" \
     "(a busy machine widens the errors; note it beside the figures)" >&2

if [[ -s "$json" ]]; then
    "$java" -cp "$jar" org.tomcatpush.harness.client.cli.HarnessCli jmh "$json"
else
    echo "jmh.sh: JMH wrote no results ($json is missing or empty)" >&2
    [[ $status -ne 0 ]] || status=1
fi
exit "$status"
