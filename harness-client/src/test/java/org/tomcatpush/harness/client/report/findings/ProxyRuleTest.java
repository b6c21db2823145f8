package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * A run through nginx says so, with what its connection figures describe, and its client and
 * server connection counts (two different hops) are not compared; its request counts still are.
 */
class ProxyRuleTest {

    private static final SummaryRow TWELVE_MORE_CLIENT_CONNECTIONS = row("transport", "short-poll",
            "client_minus_server_requests", "0", "client_minus_server_connections", "12");

    @Test
    void aProxiedRunSaysItsConnectionFiguresAreTheClientProxyHops() {
        assertEquals(List.of(Finding.note("the sessions went through nginx 1.22.1 (proxy_read_timeout 2000 ms, 32 idle"
                + " upstream connections kept): through the proxy, the client's connection accounting (connections,"
                + " closes by cause, requests per connection) describes the client-proxy hop; the server's connection"
                + " and request counts describe the proxy's own connections to Tomcat, so client and server connection"
                + " counts need not agree")), new ProxyRule().evaluate(proxied("nginx", TWELVE_MORE_CLIENT_CONNECTIONS)));
    }

    @Test
    void aDirectRunSaysNothing() {
        assertEquals(List.of(), new ProxyRule().evaluate(proxied("none", TWELVE_MORE_CLIENT_CONNECTIONS)));
        assertEquals(List.of(), new ProxyRule().evaluate(run(TWELVE_MORE_CLIENT_CONNECTIONS)));
    }

    @Test
    void throughAProxyConnectionCountsAreNotComparedButRequestCountsAre() {
        AccountingAgreementRule rule = new AccountingAgreementRule();
        assertEquals(List.of(), rule.evaluate(proxied("nginx", TWELVE_MORE_CLIENT_CONNECTIONS)));
        assertEquals(List.of(Finding.warning("short-poll: client and server counts differ: the client counted 3"
                + " requests more than the server")), rule.evaluate(proxied("nginx", row("transport", "short-poll",
                        "client_minus_server_requests", "3", "client_minus_server_connections", "12"))));
        assertEquals(List.of(Finding.warning("short-poll: client and server counts differ: the client counted 12"
                + " connections more than the server")), rule.evaluate(proxied("none", TWELVE_MORE_CLIENT_CONNECTIONS)));
    }

    private static RunData proxied(String kind, SummaryRow row) {
        RunInfo info = new RunInfo(List.of(new RunInfo.Section("proxy", List.of(new RunInfo.Property("kind", kind),
                new RunInfo.Property("version", "1.22.1"), new RunInfo.Property("readTimeoutMs", "2000"),
                new RunInfo.Property("upstreamKeepalive", "32")))));
        return run(info, List.of(), row);
    }
}
