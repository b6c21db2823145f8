package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.RunInfo.Property;
import org.tomcatpush.harness.client.report.model.RunInfo.Section;

class ServerSamplesRuleTest {

    private final ServerSamplesRule rule = new ServerSamplesRule();

    @Test
    void samplesCoveringTheWindowSayNothing() {
        assertEquals(List.of(), rule.evaluate(run(sampledEvery("100"), List.of(),
                row("measured_duration_s", "10", "server_samples", "99"))));
    }

    @Test
    void samplesCoveringOnlyTheEndOfTheWindowAreAWarning() {
        assertEquals(List.of(Finding.warning("the server's samples cover about 3600 s of the 5400 s window (36000 of "
                + "about 54000 at 100 ms): busy threads, queue and server connections describe only that part (the "
                + "server keeps its newest 36,000 samples; use a longer --sample-interval for longer runs)")),
                rule.evaluate(run(sampledEvery("100"), List.of(),
                        row("measured_duration_s", "5400", "server_samples", "36000"))));
    }

    @Test
    void noSamplesInTheWindowMeanTheServerFiguresAreUnknown() {
        assertEquals(List.of(Finding.warning("no server samples in the measured window: busy threads, queue and "
                + "server connections are unknown (the server's series could not be read at the end)")),
                rule.evaluate(run(sampledEvery("100"), List.of(),
                        row("measured_duration_s", "10", "server_samples", "0"))));
    }

    @Test
    void aSamplerThatWasOffOrAFolderWithoutTheColumnSayNothing() {
        assertEquals(List.of(), rule.evaluate(run(sampledEvery("0"), List.of(),
                row("measured_duration_s", "10", "server_samples", "0"))));
        assertEquals(List.of(), rule.evaluate(run(sampledEvery("100"), List.of(), row("measured_duration_s", "10"))));
    }

    private static RunInfo sampledEvery(String intervalMs) {
        return new RunInfo(List.of(new Section("server", List.of(new Property("config.sampleIntervalMs", intervalMs)))));
    }
}
