package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.RunInfo.Property;
import org.tomcatpush.harness.client.report.model.RunInfo.Section;
import org.tomcatpush.harness.client.report.model.SummaryRow;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientSaturationRuleTest {

    private static final String ADVICE = "; run fewer sessions per client, or the client on a machine of its own";

    private final ClientSaturationRule rule = new ClientSaturationRule();

    @Test
    void eventLoopsLateByMoreThanFiftyMillisecondsAtP99AreAWarning() {
        List<Finding> findings = rule.evaluate(run(row("transport", "ws", "client_event_loop_delay_p99_ms", "73.2",
                "client_event_loop_delay_max_ms", "412.5")));

        assertEquals(List.of(Finding.warning("figures are bounded by the load generator: its event loops ran up to"
                + " 413 ms late (p99 73.2 ms)" + ADVICE)), findings);
    }

    @Test
    void fiftyMillisecondsAtP99IsStillAClientThatKeptUp() {
        assertEquals(List.of(), rule.evaluate(run(row("client_event_loop_delay_p99_ms", "50",
                "client_event_loop_delay_max_ms", "900"))), "a late max alone is one pause, not saturation");
        assertEquals(1, rule.evaluate(run(row("client_event_loop_delay_p99_ms", "50.1",
                "client_event_loop_delay_max_ms", "60"))).size());
    }

    @Test
    void cpuAboveNinetyPercentOfTheClientsCoresIsAWarning() {
        SummaryRow busy = row("client_cpu_s", "18.2", "measured_duration_s", "10", "client_event_loop_delay_p99_ms", "2");

        assertEquals(List.of("figures are bounded by the load generator: it used 18.2 s of CPU in the 10 s window,"
                + " 91% of its 2 cores" + ADVICE), Runs.texts(rule.evaluate(withCores("2", busy))));
        assertEquals(List.of(), rule.evaluate(withCores("2", row("client_cpu_s", "18", "measured_duration_s", "10"))),
                "exactly 90%");
        assertEquals(List.of(), rule.evaluate(withCores("4", busy)), "46% of four cores");
        assertEquals(List.of(), rule.evaluate(run(busy)), "without the core count the share is unknown");
    }

    @Test
    void bothSignsMakeOneFinding() {
        List<String> texts = Runs.texts(rule.evaluate(withCores("1", row("client_cpu_s", "9.5", "measured_duration_s",
                "10", "client_event_loop_delay_p99_ms", "120", "client_event_loop_delay_max_ms", "300"))));

        assertEquals(List.of("figures are bounded by the load generator: its event loops ran up to 300 ms late"
                + " (p99 120 ms) and it used 9.5 s of CPU in the 10 s window, 95% of its 1 core" + ADVICE), texts);
    }

    @Test
    void aMixedRunGetsOneFindingForItsOneClient() {
        assertEquals(1, rule.evaluate(run(row("transport", "sse", "client_event_loop_delay_p99_ms", "80"),
                row("transport", "ws", "client_event_loop_delay_p99_ms", "80"),
                row("transport", "all", "client_event_loop_delay_p99_ms", "80"))).size());
    }

    @Test
    void noClientFiguresNoFinding() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "ws", "client_event_loop_delay_p99_ms", ""))));
        assertEquals(List.of(), rule.evaluate(withCores("2", row("transport", "ws", "measured_duration_s", "10"))));
    }

    private static org.tomcatpush.harness.client.report.model.RunData withCores(String cores, SummaryRow row) {
        return run(new RunInfo(List.of(new Section("environment", List.of(new Property("cores", cores))))), List.of(),
                row);
    }
}
