package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** The two checks every evaluator test makes of a verdict. Stateless. */
final class VerdictAssertions {

    private VerdictAssertions() {
    }

    /** The one criterion {@code v} does not meet; fails the test unless exactly one is not met. */
    static Criterion failing(Verdict v) {
        List<Criterion> failed = v.criteria().stream().filter(c -> c.result() == Criterion.Result.NOT_MET).toList();
        assertEquals(1, failed.size(), "exactly one criterion fails: " + v.criteria());
        return failed.get(0);
    }

    /** Fails the test unless {@code v} is supported with every criterion met. */
    static void assertSupported(Verdict v) {
        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
        assertTrue(v.criteria().stream().allMatch(Criterion::met));
    }
}
