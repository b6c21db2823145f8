package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReconnectRuleTest {

    private final ReconnectRule rule = new ReconnectRule();

    @Test
    void reconnectsAreBrokenDownByCause() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "reconnects", "24",
                "reconnects_stream_ended", "18", "reconnects_connection_lost", "6", "reconnects_error", "0")));

        assertEquals(List.of(Finding.note("sse: 24 reconnects (18 stream ended, 6 connection lost)")), findings);
    }

    @Test
    void totalAloneWhenCausesWereNotRecorded() {
        assertEquals(List.of(Finding.note("ws: 1 reconnect")), rule.evaluate(run(row("transport", "ws", "reconnects", "1"))));
    }

    @Test
    void noReconnectSaysNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "reconnects", "0"))));
    }
}
