package org.tomcatpush.harness.benchmarks.support;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Optional;

/**
 * Estimates how long a JMH command line will run before it starts, the way {@code scripts/jmh.sh}
 * prints it: for every selected benchmark and {@code @Param} combination, forks x (warm-up +
 * measurement time) plus {@value #FORK_OVERHEAD_S} s per fork for the JVM and the server to start.
 * Command-line settings win over the class annotations, which win over JMH's defaults, as in JMH.
 * An estimate, not a promise: iterations end on time, but setup of a thousand subscribers or a
 * busy machine adds to it.
 *
 * <pre>
 * java -cp benchmarks.jar org.tomcatpush.harness.benchmarks.support.SuiteEstimate PollRoundTrip -f 1
 * </pre>
 */
public final class SuiteEstimate {

    /** Seconds each fork spends starting its JVM and running trial setup and teardown. */
    static final int FORK_OVERHEAD_S = 4;

    /** What the selection adds up to. */
    record Estimate(int benchmarks, int runs, long seconds) {
    }

    private SuiteEstimate() {
    }

    /** Prints one line; exits 2 with JMH's message when the arguments are not valid JMH options. */
    public static void main(String... args) {
        try {
            Estimate e = estimate(args, BenchmarkList.defaultList());
            System.out.println(describe(e));
        } catch (CommandLineOptionException e) {
            System.err.println("jmh: " + e.getMessage() + "; see java -jar benchmarks/target/benchmarks.jar -h");
            System.exit(2);
        }
    }

    static String describe(Estimate e) {
        return String.format("%d benchmark methods, %d runs (one per @Param combination and fork); estimated %d min %02d s",
                e.benchmarks(), e.runs(), e.seconds() / 60, e.seconds() % 60);
    }

    static Estimate estimate(String[] args, BenchmarkList list) throws CommandLineOptionException {
        CommandLineOptions options = new CommandLineOptions(args);
        List<String> includes = new ArrayList<>(options.getIncludes());
        if (includes.isEmpty()) {
            includes.add(".*");
        }
        SortedSet<BenchmarkListEntry> entries = list.find(
                OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT),
                includes, options.getExcludes());
        int runs = 0;
        long seconds = 0;
        for (BenchmarkListEntry entry : entries) {
            int combinations = combinations(entry, options);
            int forks = Math.max(1, options.getForkCount().orElse(entry.getForks().orElse(Defaults.MEASUREMENT_FORKS)));
            int warmups = options.getWarmupIterations().orElse(entry.getWarmupIterations().orElse(Defaults.WARMUP_ITERATIONS));
            TimeValue warmupTime = options.getWarmupTime().orElse(entry.getWarmupTime().orElse(Defaults.WARMUP_TIME));
            int measurements = options.getMeasurementIterations()
                    .orElse(entry.getMeasurementIterations().orElse(Defaults.MEASUREMENT_ITERATIONS));
            TimeValue measurementTime = options.getMeasurementTime()
                    .orElse(entry.getMeasurementTime().orElse(Defaults.MEASUREMENT_TIME));
            double perForkS = warmups * seconds(warmupTime) + measurements * seconds(measurementTime) + FORK_OVERHEAD_S;
            runs += combinations * forks;
            seconds += Math.round(combinations * forks * perForkS);
        }
        return new Estimate(entries.size(), runs, seconds);
    }

    private static int combinations(BenchmarkListEntry entry, CommandLineOptions options) {
        int product = 1;
        Map<String, String[]> params = entry.getParams().orElse(Map.of());
        for (Map.Entry<String, String[]> param : params.entrySet()) {
            Optional<Collection<String>> override = options.getParameter(param.getKey());
            int values = override.hasValue() ? override.get().size() : param.getValue().length;
            product *= Math.max(1, values);
        }
        return product;
    }

    private static double seconds(TimeValue time) {
        return time.convertTo(TimeUnit.MILLISECONDS) / 1000.0;
    }
}
