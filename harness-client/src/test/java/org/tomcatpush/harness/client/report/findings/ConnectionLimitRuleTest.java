package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.perSecond;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.report.model.TimeSeries;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionLimitRuleTest {

    private final ConnectionLimitRule rule = new ConnectionLimitRule();

    @Test
    void connectionsAtMaxConnectionsWaitInTheBacklog() {
        TimeSeries series = perSecond(Map.of(TimeSeries.SERVER_CONNECTIONS, new double[] {5, 10, 10, 10, 7}));

        List<Finding> findings = rule.evaluate(run(series, row("max_connections", "10", "accept_count", "5",
                "server_connections_max", "10")));

        assertEquals(List.of(Finding.warning("server connections reached maxConnections (10) for 3 s: further "
                + "connections waited in the accept backlog (acceptCount 5)")), findings);
    }

    @Test
    void peakBelowTheLimitIsAHeadlineFigure() {
        List<Finding> findings = rule.evaluate(run(row("max_connections", "8192", "server_connections_max", "20")));

        assertEquals(List.of(Finding.info("server connections peaked at 20 of maxConnections 8192")), findings);
    }

    @Test
    void unlimitedConnectionsAreNeverReportedAsReached() {
        List<Finding> findings = rule.evaluate(run(row("max_connections", "-1", "server_connections_max", "20")));

        assertEquals(List.of(Finding.info("server connections peaked at 20")), findings);
    }
}
