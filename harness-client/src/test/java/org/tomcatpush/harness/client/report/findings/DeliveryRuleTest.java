package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeliveryRuleTest {

    private final DeliveryRule rule = new DeliveryRule();

    @Test
    void lostAndDuplicatedMessagesAreWarnings() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "messages_received", "100",
                "messages_lost", "3", "messages_duplicated", "1")));

        assertEquals(List.of(Finding.warning("sse: 3 messages lost"), Finding.warning("sse: 1 message delivered twice")),
                findings);
    }

    @Test
    void cleanDeliveryAcrossReconnectsIsStated() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "messages_received", "2400",
                "messages_lost", "0", "messages_duplicated", "0", "reconnects", "24")));

        assertEquals(List.of(Finding.info("sse: all 2400 messages delivered once, none lost or duplicated across "
                + "24 reconnects")), findings);
    }

    @Test
    void theAllRowOfAMixIsNotCountedTwice() {
        List<Finding> findings = rule.evaluate(run(
                row("transport", "sse", "messages_lost", "3", "messages_duplicated", "0"),
                row("transport", "all", "messages_lost", "3", "messages_duplicated", "0")));

        assertEquals(List.of("sse: 3 messages lost"), Runs.texts(findings));
    }

    @Test
    void noAllClearWhenTheCountsWereNotRecorded() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "ws", "messages_received", "10"))));
    }

    @Test
    void nothingDeliveredWhileTheServerPublishedIsAWarningNotAnAllClear() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "messages_received", "0",
                "messages_lost", "0", "messages_duplicated", "0", "messages_published", "120")));

        assertEquals(List.of(Finding.warning("sse: no message delivered, although the server published 120")),
                findings);
    }

    @Test
    void nothingDeliveredWhenNothingWasPublishedSaysNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "messages_received", "0",
                "messages_lost", "0", "messages_duplicated", "0", "messages_published", "0"))));
    }
}
