package org.tomcatpush.harness.client.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The labels written into summary.csv column names and reports, exactly, for every constant. */
class EnumLabelsTest {

    @Test
    void everyConstantIsLabelledByItsNameInLowerCaseWithDashes() {
        assertEquals(List.of("keepalive-limit", "idle-timeout", "server-other", "client", "error", "stale-connection"),
                Arrays.stream(CloseCause.values()).map(CloseCause::label).toList());
        assertEquals(List.of("refused", "timeout", "other"),
                Arrays.stream(ConnectFailureKind.values()).map(ConnectFailureKind::label).toList());
        assertEquals(List.of("stream-ended", "connection-lost", "error", "sequence-reset"),
                Arrays.stream(ReconnectCause.values()).map(ReconnectCause::label).toList());
        assertEquals("keepalive-limit", CloseCause.KEEPALIVE_LIMIT.toString(), "toString is the label");
    }
}
