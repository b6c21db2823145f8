package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FindingsTest {

    @Test
    void warningsComeFirstThenNotesThenInfoInRuleOrder() {
        FindingRule info = r -> List.of(Finding.info("i1"));
        FindingRule mixed = r -> List.of(Finding.note("n1"), Finding.warning("w1"), Finding.info("i2"));
        FindingRule warning = r -> List.of(Finding.warning("w2"));

        List<Finding> findings = Findings.evaluate(run(row("transport", "sse")), List.of(info, mixed, warning));

        assertEquals(List.of("w1", "w2", "n1", "i1", "i2"), Runs.texts(findings));
    }

    @Test
    void defaultRulesSayNothingAboutARowWithNoFigures() {
        assertEquals(List.of(), Findings.evaluate(run(row("transport", "sse"))));
    }
}
