package org.tomcatpush.harness.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class OpenFileBudgetTest {

    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max open files            1024                 524288               files
            Max locked memory         8388608              8388608              bytes
            """;

    @Test
    void softLimitIsTheFirstNumberOfTheMaxOpenFilesLine() {
        assertEquals(OptionalLong.of(1024), OpenFileLimit.parseSoftLimit(LIMITS));
    }

    @Test
    void unlimitedOrMissingLimitMeansNoCheck() {
        assertEquals(OptionalLong.empty(), OpenFileLimit.parseSoftLimit(
                "Max open files            unlimited            unlimited            files\n"));
        assertEquals(OptionalLong.empty(), OpenFileLimit.parseSoftLimit("Max cpu time unlimited unlimited seconds\n"));
        assertEquals(OptionalLong.empty(), OpenFileLimit.read(Path.of("no", "such", "limits")));
    }

    @Test
    void twelveThousandSessionsAgainstALimitOfTenThousandFailWithTheFix() {
        OpenFileBudget budget = OpenFileBudget.estimate(12_000, false, 1, true, 20_000);
        assertEquals(12_100, budget.clientFiles());
        assertEquals(12_100, budget.serverFiles());
        assertEquals(Optional.of("12000 sessions need about 12100 open files but the limit is 10000:"
                + " raise it with `ulimit -n 25000` or run fewer sessions"), budget.check(10_000));
    }

    @Test
    void aRunWithinTheLimitPasses() {
        OpenFileBudget budget = OpenFileBudget.estimate(100, false, 1, true, 8192);
        assertEquals(200, budget.neededFiles());
        assertTrue(budget.check(200).isEmpty());
        assertTrue(budget.check(199).isPresent());
    }

    @Test
    void browsersHoldAtMostSixConnectionsEach() {
        // 120 sessions, 20 per browser: 6 browsers of 6 connections
        OpenFileBudget budget = OpenFileBudget.estimate(120, true, 20, false, -1);
        assertEquals(36 + OpenFileBudget.JVM_ALLOWANCE, budget.clientFiles());
        assertEquals(0, budget.serverFiles(), "a running target's descriptors are not on this machine's limit");
    }

    @Test
    void theServersShareIsCappedByItsMaxConnections() {
        OpenFileBudget budget = OpenFileBudget.estimate(5_000, false, 1, true, 50);
        assertEquals(150, budget.serverFiles());
        assertEquals(5_100, budget.neededFiles());
    }
}
