package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerCloseRuleTest {

    private final ServerCloseRule rule = new ServerCloseRule();

    @Test
    void saysWhyTheServerClosedConnectionsWithTheNumbers() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "closes_server_other", "22",
                "server_closed_keepalive_limit", "0", "server_closes_closing_response", "0",
                "server_closes_stream_end", "0", "server_closes_slow_consumer", "22", "server_closes_write_failure",
                "5", "server_closes_error", "0", "closes_server_unexplained", "0")));

        assertEquals(List.of(Finding.note("sse: 22 connections closed by the server: 22 slow consumers cut")),
                findings);
    }

    @Test
    void keepAliveAndClosingResponsesAreInformation() {
        List<Finding> findings = rule.evaluate(run(row("transport", "short-poll", "closes_server_other", "2",
                "server_closed_keepalive_limit", "10", "server_closes_closing_response", "2",
                "server_closes_stream_end", "0", "server_closes_slow_consumer", "0", "server_closes_write_failure",
                "0", "server_closes_error", "0", "closes_server_unexplained", "0")));

        assertEquals(List.of(Finding.info("short-poll: 12 connections closed by the server: 10 at the keep-alive "
                + "limit, 2 closing responses (Connection: close before the limit)")), findings);
    }

    @Test
    void unexplainedServerOtherClosesAreAWarning() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "closes_server_other", "25",
                "server_closed_keepalive_limit", "0", "server_closes_closing_response", "0",
                "server_closes_stream_end", "0", "server_closes_slow_consumer", "22", "server_closes_write_failure",
                "0", "server_closes_error", "0", "closes_server_unexplained", "3")));

        assertEquals(List.of(Finding.note("sse: 22 connections closed by the server: 22 slow consumers cut"),
                Finding.warning("sse: server-other closes unexplained: 3 of 25 had no cause the server counted (a "
                        + "close it cannot see, such as a reset on the way, or a counting fault)")), findings);
    }

    @Test
    void noServerClosesAndRowsWithoutTheServersFiguresSayNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "closes_server_other", "0",
                "server_closes_closing_response", "0", "server_closes_write_failure", "300",
                "closes_server_unexplained", "0"))));
        assertEquals(List.of(), rule.evaluate(run(row("transport", "ws", "closes_server_other", "4"))));
    }
}
