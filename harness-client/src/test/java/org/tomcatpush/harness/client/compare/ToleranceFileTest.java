package org.tomcatpush.harness.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ResultsInputException;

/** The shipped defaults and a user's tolerance file: what overrides what, and what is refused. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ToleranceFileTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("tolerances.yaml"), yaml);
    }

    private static SummaryRow run(String transport, String... overrides) {
        return new SummaryRow("test", Summaries.run(transport, overrides));
    }

    @Test
    void defaultsGiveEverySummaryColumnARoleSoNothingIsSilentlySkipped() {
        ToleranceSet defaults = ToleranceFile.defaults();
        for (String column : SummaryCsv.header()) {
            assertTrue(defaults.isMetric(column) || defaults.isConfig(column)
                    || RepeatReducer.IDENTITY.contains(column), column + " has no tolerance and is no setting");
        }
        for (String derived : DerivedMetrics.NAMES) {
            assertTrue(defaults.isMetric(derived), derived);
        }
    }

    @Test
    void defaultsCompareLossesExactlyAndLetLatencyRiseWithAFloor() {
        ToleranceSet defaults = ToleranceFile.defaults();
        SummaryRow sse = run("sse");
        assertEquals(Tolerance.Kind.EXACT, defaults.forMetric("messages_lost", sse).kind());
        assertEquals(Tolerance.Kind.EXACT, defaults.forMetric("messages_duplicated", sse).kind());
        assertEquals(Tolerance.Kind.EXACT, defaults.forMetric("closes_error", sse).kind());
        assertTrue(defaults.forMetric("errors", sse).strict());
        assertEquals(Direction.MAY_NOT_RISE, defaults.forMetric("connect_failures", sse).direction());
        Tolerance p99 = defaults.forMetric("latency_p99_ms", sse);
        assertEquals(Direction.MAY_NOT_RISE, p99.direction());
        assertTrue(p99.allowance(1) >= 50, "a 1 ms baseline still gets an absolute floor");
        assertEquals(Direction.MAY_NOT_FALL, defaults.forMetric("messages_received_per_s", sse).direction());
    }

    @Test
    void defaultRuleMakesRequestsPerConnectionExactForWebSocketOnly() {
        ToleranceSet defaults = ToleranceFile.defaults();
        assertEquals(Tolerance.Kind.EXACT, defaults.forMetric("requests_per_connection_mean", run("ws")).kind());
        assertEquals(Tolerance.Kind.BANDED, defaults.forMetric("requests_per_connection_mean",
                run("long-poll")).kind());
        assertEquals(Tolerance.Kind.EXACT, defaults.forMetric("requests_per_connection_mean",
                run("long-poll", "max_keep_alive_requests", "1.0")).kind(), "1.0 and 1 are one setting");
    }

    @Test
    void userFileOverridesOneMetricAndKeepsTheOthers() throws Exception {
        ToleranceSet set = ToleranceFile.withOverrides(file("metrics:\n  latency_p99_ms: +10%\n"));
        SummaryRow sse = run("sse");
        assertEquals("+10%", set.forMetric("latency_p99_ms", sse).text());
        assertEquals(ToleranceFile.defaults().forMetric("latency_p50_ms", sse), set.forMetric("latency_p50_ms", sse));
        assertTrue(set.source().contains("tolerances.yaml"), set.source());
    }

    @Test
    void unsignedOverrideTakesTheDirectionOfTheDefault() throws Exception {
        ToleranceSet set = ToleranceFile.withOverrides(file("metrics:\n  messages_received: 5%\n"
                + "  latency_p50_ms: 30\n"));
        assertEquals(Direction.MAY_NOT_FALL, set.forMetric("messages_received", run("sse")).direction());
        assertEquals(Direction.MAY_NOT_RISE, set.forMetric("latency_p50_ms", run("sse")).direction());
        assertEquals(30.0, set.forMetric("latency_p50_ms", run("sse")).allowance(1), 1e-9);
    }

    @Test
    void signedNumberKeepsItsSignThoughYamlReadsItAsANumber() throws Exception {
        ToleranceSet set = ToleranceFile.withOverrides(file("metrics:\n  messages_received: +5\n"));
        assertEquals(Direction.MAY_NOT_RISE, set.forMetric("messages_received", run("sse")).direction());
    }

    @Test
    void ruleAppliesOnlyToRunsOfItsConfigurationAndTheLastMatchingRuleWins() throws Exception {
        ToleranceSet set = ToleranceFile.withOverrides(file("""
                rules:
                  - when: {transport: short-poll, max_keep_alive_requests: 10}
                    metrics: {requests_per_connection_max: exact, closes_keepalive_limit_share: exact}
                  - when: {transport: short-poll, max_keep_alive_requests: 10, handler: blocking}
                    metrics: {requests_per_connection_max: ±1}
                """));
        SummaryRow limited = run("short-poll", "max_keep_alive_requests", "10");
        assertEquals(Tolerance.Kind.EXACT, set.forMetric("requests_per_connection_max", limited).kind());
        assertEquals(Tolerance.Kind.EXACT, set.forMetric("closes_keepalive_limit_share", limited).kind());
        assertEquals("±1", set.forMetric("requests_per_connection_max",
                run("short-poll", "max_keep_alive_requests", "10", "handler", "blocking")).text());
        assertEquals(Tolerance.Kind.BANDED, set.forMetric("requests_per_connection_max", run("short-poll")).kind());
        assertEquals(Tolerance.Kind.BANDED, set.forMetric("requests_per_connection_max",
                run("long-poll", "max_keep_alive_requests", "10")).kind());
    }

    @Test
    void configListReplacesTheDefaultList() throws Exception {
        ToleranceSet set = ToleranceFile.withOverrides(file("config: [transport, handler]\n"));
        assertEquals(List.of("transport", "handler"), set.configColumns());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "unknown metric|metrics:\\n  latency_p95_ms: +10%\\n|line 2: unknown metric 'latency_p95_ms'",
        "misspelt metric|metrics:\\n  mesages_lost: exact\\n|did you mean messages_lost?",
        "bad value|metrics:\\n  latency_p99_ms: lots\\n|line 2: the tolerance of latency_p99_ms 'lots' is not understood",
        "time on a count|metrics:\\n  messages_received: -5ms\\n|messages_received is not a time",
        "value is a map|metrics:\\n  latency_p99_ms: {a: 1}\\n|must be text such as +25% or exact",
        "unknown top-level key|metric:\\n  latency_p99_ms: +10%\\n|line 2: unknown key 'metric': use config:, metrics: or rules:",
        "not YAML|metrics: [unclosed\\n|: not valid YAML at line 2",
        "duplicate key|metrics:\\n  errors: +0\\n  errors: +1\\n|: 'errors' is written twice at line 3: keep one",
        "empty file|\"\"|: the file is empty: give at least one of config:",
        "config not a list|config: transport\\n|config: must be a list",
        "rule without metrics|rules:\\n  - when: {transport: ws}\\n|each rule needs when:",
        "rule on unknown column|rules:\\n  - when: {transprt: ws}\\n    metrics: {errors: +0}\\n|'transprt', which is not a config: column (did you mean transport?)",
        "rule with unknown key|rules:\\n  - when: {transport: ws}\\n    metrics: {errors: +0}\\n    why: x\\n|unknown rule key 'why'",
        "top level list|- a\\n- b\\n|must be a map"})
    void badTolerancFileIsRefusedNamingFileLineAndFix(String name, String yaml, String expected) throws Exception {
        Path path = file(yaml.replace("\\n", "\n"));
        ResultsInputException e = assertThrows(ResultsInputException.class, () -> ToleranceFile.withOverrides(path));
        assertTrue(e.getMessage().startsWith("tolerance file " + path), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void missingOrFolderToleranceFileIsRefused() {
        Path missing = dir.resolve("nope.yaml");
        ResultsInputException e = assertThrows(ResultsInputException.class, () -> ToleranceFile.withOverrides(missing));
        assertEquals("tolerance file " + missing + " does not exist: check the path given to --tolerances",
                e.getMessage());
        ResultsInputException folder = assertThrows(ResultsInputException.class, () -> ToleranceFile.withOverrides(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
    }

    @Test
    void everyShippedToleranceParsesToAKnownKind() {
        Map<String, Tolerance> metrics = ToleranceFile.defaults().metrics();
        assertTrue(metrics.size() > 50, "defaults cover the summary columns: " + metrics.size());
        metrics.forEach((metric, t) -> assertTrue(t.kind() == Tolerance.Kind.IGNORE || t.kind() == Tolerance.Kind.EXACT
                || t.allowance(100) >= 0, metric));
    }

    @Test
    void ciSuiteToleranceFileIsValidAndMakesItsDesignedCountsExact() {
        Path ci = Path.of("..", "scripts", "scenarios", "ci", "tolerances.yaml");
        assertTrue(Files.isRegularFile(ci), "run from the harness-client module: " + ci.toAbsolutePath());
        ToleranceSet set = ToleranceFile.withOverrides(ci);
        SummaryRow e1 = run("short-poll", "max_keep_alive_requests", "10");
        assertEquals(Tolerance.Kind.EXACT, set.forMetric("connections_opened", e1).kind());
        assertEquals(Tolerance.Kind.EXACT, set.forMetric("closes_keepalive_limit_share", e1).kind());
        SummaryRow e4 = run("sse", "handler", "blocking", "max_threads", "8");
        assertEquals(Tolerance.Kind.EXACT, set.forMetric("sessions_open_max", e4).kind());
        assertEquals(Tolerance.Kind.EXACT, set.forMetric("busy_threads_max", e4).kind(), "every worker held, seen by the"
                + " control connector's samples");
        assertEquals(Tolerance.Kind.BANDED, set.forMetric("client_minus_server_requests", e4).kind(),
                "the 12 queued requests may or may not start at the stop");
        assertEquals(Tolerance.Kind.EXACT, set.forMetric("messages_lost", e4).kind(), "the defaults still apply");
    }
}
