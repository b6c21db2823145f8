package org.tomcatpush.harness.benchmarks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/** The estimate jmh.sh prints counts runs and time from the annotations, with command-line overrides winning. */
class SuiteEstimateTest {

    private static final BenchmarkList SUITE = BenchmarkList.defaultList();

    @Test
    void roundTripDefaultsAreSixRunsOfTenSecondsPlusStartUp() throws CommandLineOptionException {
        SuiteEstimate.Estimate e = SuiteEstimate.estimate(new String[] {"PollRoundTripBenchmark"}, SUITE);
        assertEquals(1, e.benchmarks());
        assertEquals(6, e.runs(), "3 maxKeepAliveRequests x 2 protocols, 1 fork each");
        assertEquals(6 * (2 * 2 + 3 * 2 + SuiteEstimate.FORK_OVERHEAD_S), e.seconds());
    }

    @Test
    void commandLineParamsForksAndIterationsOverrideTheAnnotations() throws CommandLineOptionException {
        SuiteEstimate.Estimate e = SuiteEstimate.estimate(new String[] {
                "PollRoundTripBenchmark", "-p", "maxKeepAliveRequests=1", "-f", "2", "-wi", "0", "-i", "1", "-r", "500ms"}, SUITE);
        assertEquals(4, e.runs(), "1 x 2 protocols x 2 forks");
        assertEquals(4 * (0.5 + SuiteEstimate.FORK_OVERHEAD_S), e.seconds(), 1.0);
    }

    @Test
    void encodingBenchmarkCountsEachMethodSeparately() throws CommandLineOptionException {
        SuiteEstimate.Estimate e = SuiteEstimate.estimate(new String[] {"SseEncodingBenchmark"}, SUITE);
        assertEquals(3, e.benchmarks());
        assertEquals(9, e.runs(), "3 methods x 3 payload sizes");
    }

    @Test
    void badOptionIsRefusedWithJmhsMessage() {
        assertThrows(CommandLineOptionException.class, () -> SuiteEstimate.estimate(new String[] {"-f", "many"}, SUITE));
    }

    @Test
    void describeSaysRunsAndMinutes() {
        assertEquals("2 benchmark methods, 7 runs (one per @Param combination and fork); estimated 3 min 05 s",
                SuiteEstimate.describe(new SuiteEstimate.Estimate(2, 7, 185)));
    }
}
