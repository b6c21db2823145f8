package org.tomcatpush.harness.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.report.model.SummaryRow;

/** The figures compare adds to every run: throughput per second and the share of keep-alive-limit closes. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DerivedMetricsTest {

    @Test
    void throughputIsPerSecondOfMeasuredDuration() {
        SummaryRow row = DerivedMetrics.addTo(Summaries.table("t", Summaries.run("sse", "messages_received", "1000",
                "requests", "250", "measured_duration_s", "8"))).rows().get(0);
        assertEquals("125", row.cell(DerivedMetrics.MESSAGES_PER_S));
        assertEquals("31.25", row.cell(DerivedMetrics.REQUESTS_PER_S));
    }

    @Test
    void configuredDurationStandsInWhenTheMeasuredOneIsUnknown() {
        SummaryRow row = DerivedMetrics.addTo(Summaries.table("t", Summaries.run("sse", "messages_received", "300",
                "measured_duration_s", "", "duration_s", "3"))).rows().get(0);
        assertEquals("100", row.cell(DerivedMetrics.MESSAGES_PER_S));
    }

    @Test
    void keepAliveShareIsLimitClosesOverAllCloses() {
        SummaryRow row = DerivedMetrics.addTo(Summaries.table("t", Summaries.run("short-poll",
                "closes_keepalive_limit", "20", "closes_client", "20", "closes_idle_timeout", "0",
                "closes_server_other", "0", "closes_error", "0"))).rows().get(0);
        assertEquals("0.5", row.cell(DerivedMetrics.KEEPALIVE_SHARE));
        SummaryRow none = DerivedMetrics.addTo(Summaries.table("t", Summaries.run("ws", "closes_client", "0")))
                .rows().get(0);
        assertEquals("", none.cell(DerivedMetrics.KEEPALIVE_SHARE), "no close at all: unknown, not 0");
    }

    @Test
    void valueAlreadyInTheFileIsKept() {
        SummaryRow row = DerivedMetrics.addTo(Summaries.table("t", Summaries.run("sse",
                DerivedMetrics.MESSAGES_PER_S, "42"))).rows().get(0);
        assertEquals("42", row.cell(DerivedMetrics.MESSAGES_PER_S));
    }
}
