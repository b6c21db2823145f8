package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KeepAliveLimitRuleTest {

    private final KeepAliveLimitRule rule = new KeepAliveLimitRule();

    @Test
    void everyServerCloseAtTheLimitMatchesTheConfiguredRequestsPerConnection() {
        List<Finding> findings = rule.evaluate(run(row("transport", "short-poll", "max_keep_alive_requests", "100",
                "requests_per_connection_mean", "100", "closes_keepalive_limit", "40", "closes_idle_timeout", "0",
                "closes_server_other", "0", "closes_client", "20", "closes_error", "0")));

        assertEquals(List.of(Finding.note("short-poll: every server close (40) at the keep-alive limit: "
                + "100 requests per connection as configured")), findings);
    }

    @Test
    void meanBelowTheLimitIsStatedWithTheLimit() {
        List<Finding> findings = rule.evaluate(run(row("transport", "long-poll", "max_keep_alive_requests", "100",
                "requests_per_connection_mean", "87.5", "closes_keepalive_limit", "7", "closes_idle_timeout", "0",
                "closes_server_other", "0", "closes_error", "0")));

        assertEquals(List.of(Finding.note("long-poll: every server close (7) at the keep-alive limit: "
                + "87.5 requests per connection on average (maxKeepAliveRequests 100)")), findings);
    }

    @Test
    void someClosesAtTheLimitAreCountedAgainstAllServerCloses() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "max_keep_alive_requests", "3",
                "closes_keepalive_limit", "9", "closes_idle_timeout", "2", "closes_server_other", "1", "closes_error", "0")));

        assertEquals(List.of(Finding.note("sse: 9 of 12 server closes at the keep-alive limit (maxKeepAliveRequests 3)")),
                findings);
    }

    @Test
    void closesAtTheLimitWithoutTheOtherCloseCountsSayNothing() {
        // "every server close" cannot be told when the other causes were not recorded
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "closes_keepalive_limit", "9",
                "closes_idle_timeout", "2"))));
    }

    @Test
    void noCloseAtTheLimitSaysNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "ws", "closes_keepalive_limit", "0"))));
    }
}
