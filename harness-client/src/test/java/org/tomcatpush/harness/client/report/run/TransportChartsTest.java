package org.tomcatpush.harness.client.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransportChartsTest {

    @Test
    void closesByCauseStacksTheCausesButNotTheUnexplainedPartOfServerOther() {
        SummaryRow row = new SummaryRow(Map.of("transport", "sse", "closes_keepalive_limit", "0",
                "closes_server_other", "5", "closes_client", "300", "closes_server_unexplained", "2"));
        RunData run = new RunData(Path.of("runs", "test"), RunInfo.empty(), List.of(row), TimeSeries.empty(),
                List.of(), TimeSeries.empty());

        List<String> labels = TransportCharts.closesByCause(run).series().stream().map(Series::label).sorted().toList();

        assertEquals(List.of("client", "keepalive limit", "server other"), labels);
    }
}
