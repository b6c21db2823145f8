package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.report.model.RunInfo;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunStatusRuleTest {

    private final RunStatusRule rule = new RunStatusRule();

    @Test
    void failedRunIsAWarningQuotingTheFailure() {
        RunInfo info = new RunInfo(List.of(new RunInfo.Section(RunInfo.Section.RUN, List.of(
                new RunInfo.Property("status", "failed"), new RunInfo.Property("failure", "server exited with status 1")))));

        List<Finding> findings = rule.evaluate(run(info, List.of(), row("transport", "sse")));

        assertEquals(List.of(Finding.warning("run failed: server exited with status 1; the figures below cover only "
                + "the part that ran")), findings);
    }

    @Test
    void interruptedStatusFromTheSummaryIsAWarning() {
        assertEquals(List.of("run interrupted; the figures below cover only the part that ran"),
                Runs.texts(rule.evaluate(run(row("transport", "sse", "status", "interrupted")))));
    }

    @Test
    void nullFailureIsLeftOut() {
        RunInfo info = new RunInfo(List.of(new RunInfo.Section(RunInfo.Section.RUN, List.of(
                new RunInfo.Property("status", "failed"), new RunInfo.Property("failure", RunInfo.NULL)))));

        assertEquals(List.of("run failed; the figures below cover only the part that ran"),
                Runs.texts(rule.evaluate(run(info, List.of(), row("transport", "sse")))));
    }

    @Test
    void completedRunSaysNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "status", "completed"))));
    }
}
