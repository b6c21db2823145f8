package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AccountingAgreementRuleTest {

    private final AccountingAgreementRule rule = new AccountingAgreementRule();

    @Test
    void differencesBetweenClientAndServerAreWarnings() {
        List<Finding> findings = rule.evaluate(run(row("transport", "short-poll", "client_minus_server_requests", "3",
                "client_minus_server_connections", "-1")));

        assertEquals(List.of(Finding.warning("short-poll: client and server counts differ: the client counted "
                + "3 requests more than the server, the client counted 1 connection fewer than the server")), findings);
    }

    @Test
    void requestsStillQueuedForAThreadAtTheStopExplainTheDifference() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "client_minus_server_requests", "50",
                "client_minus_server_connections", "50", "queue_length_max", "50")));

        assertEquals(List.of(Finding.note("sse: client and server counts differ: the client counted 50 requests more"
                + " than the server, the client counted 50 connections more than the server: requests still waiting"
                + " in the executor queue when the run stopped (it peaked at 50) never reached the server's counts")),
                findings);
    }

    @Test
    void requestsLostToTheKeepAliveRaceExplainTheDifference() {
        List<Finding> findings = rule.evaluate(run(row("transport", "short-poll", "client_minus_server_requests", "25",
                "client_minus_server_connections", "0", "errors_stale_connection", "25", "queue_length_max", "3")));

        assertEquals(List.of(Finding.note("short-poll: client and server counts differ: the client counted 25 requests"
                + " more than the server: 25 requests were written onto a connection the server was closing (stale"
                + " connection) and never started")), findings);
    }

    @Test
    void aDifferenceLargerThanTheQueueStaysAWarning() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "client_minus_server_requests", "51",
                "client_minus_server_connections", "50", "queue_length_max", "50")));

        assertEquals(List.of(Finding.warning("sse: client and server counts differ: the client counted 51 requests"
                + " more than the server, the client counted 50 connections more than the server")), findings);
    }

    @Test
    void agreementIsStatedOncePerRun() {
        List<Finding> findings = rule.evaluate(run(
                row("transport", "sse", "client_minus_server_requests", "0", "client_minus_server_connections", "0"),
                row("transport", "all", "client_minus_server_requests", "0", "client_minus_server_connections", "0")));

        assertEquals(List.of(Finding.info("all: client and server agree on requests and connections")), findings);
    }

    @Test
    void unrecordedDifferencesSayNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse"))));
    }
}
