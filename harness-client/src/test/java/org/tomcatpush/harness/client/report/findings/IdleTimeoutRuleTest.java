package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IdleTimeoutRuleTest {

    private final IdleTimeoutRule rule = new IdleTimeoutRule();

    @Test
    void pollingSlowerThanKeepAliveTimeoutOpensAConnectionPerRequest() {
        List<Finding> findings = rule.evaluate(run(row("transport", "short-poll", "keep_alive_timeout_ms", "500",
                "closes_idle_timeout", "50", "requests_per_connection_mean", "1")));

        assertEquals(List.of(Finding.note("short-poll: 50 connections closed idle after keepAliveTimeout (500 ms), "
                + "1 request per connection: almost every request opened a new connection")), findings);
    }

    @Test
    void reusedConnectionsAreOnlyCounted() {
        List<Finding> findings = rule.evaluate(run(row("transport", "long-poll", "closes_idle_timeout", "1",
                "requests_per_connection_mean", "12")));

        assertEquals(List.of(Finding.note("long-poll: 1 connection closed idle after keepAliveTimeout, "
                + "12 requests per connection")), findings);
    }

    @Test
    void noIdleCloseSaysNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "closes_idle_timeout", "0"))));
    }
}
