package org.tomcatpush.harness.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.PageSection;
import org.tomcatpush.harness.client.report.html.ReportPage;
import org.tomcatpush.harness.client.report.html.Series;

/**
 * {@code scripts/check-reports.sh} opens reports in headless Chromium: a generated report passes
 * with every chart counted, a page that raises an error or cannot draw fails. Skipped where
 * {@code /usr/bin/chromium} is not installed (CI installs it).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CheckReportsScriptTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless check skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
    }

    /** The script, found from the module folder (Maven's working directory) or the project root. */
    private static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("scripts/check-reports.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("scripts/check-reports.sh not found above " + Path.of("").toAbsolutePath());
    }

    private record Result(int exitStatus, String output) {
    }

    private Result check(Path... targets) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script().toString()));
        for (Path t : targets) {
            command.add(t.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("check.log").toFile()).start();
        try {
            if (!process.waitFor(150, TimeUnit.SECONDS)) {
                throw new AssertionError("check-reports.sh did not finish in 150 s");
            }
            return new Result(process.exitValue(), Files.readString(tmp.resolve("check.log"), StandardCharsets.UTF_8));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void generatedReportsRenderEveryChartWithoutErrors() throws Exception {
        Path mixed = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("mixed"));
        Path poll = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("poll"));
        RunReport.write(mixed);
        RunReport.write(poll);

        Result result = check(mixed, poll);

        assertEquals(0, result.exitStatus(), result.output());
        assertTrue(result.output().contains("mixed/report.html: ok charts=9/9"), result.output());
        assertTrue(result.output().contains("poll/report.html: ok charts=9/9"), result.output());
    }

    @Test
    void everyChartKindRendersSoSweepReportsCanReuseThem() throws Exception {
        ChartSpec byCategory = ChartSpec.builder("by-handler", ChartSpec.Kind.LINE).title("p99 by handler")
                .xAxis(ChartSpec.XAxis.CATEGORY, "handler").yAxis("ms").categories(List.of("async", "blocking"))
                .series(new Series("sse", List.of(), List.of(2.0, 40.0), false))
                .series(new Series("ws", List.of(), List.of(1.5, 35.0), false)).build();
        ChartSpec byNumber = ChartSpec.builder("by-threads", ChartSpec.Kind.LINE).title("busy threads by maxThreads")
                .xAxis(ChartSpec.XAxis.LINEAR, "maxThreads").yAxis("threads").logY().rightYAxis("sessions")
                .series(Series.line("busy", new double[] {50, 200}, new double[] {50, 180}, false))
                .series(Series.line("sessions", new double[] {50, 200}, new double[] {500, 500}, true)).build();
        ChartSpec bars = ChartSpec.builder("bars", ChartSpec.Kind.BAR).title("stacked").stacked()
                .categories(List.of("a", "b")).series(Series.bars("x", List.of(1.0, 2.0)))
                .series(Series.bars("y", List.of(3.0, Double.NaN))).build();
        Path html = tmp.resolve("kinds.html");
        Files.writeString(html, new ReportPage("chart kinds", "every chart kind", List.of(new PageSection("charts",
                "Charts", List.of(PageSection.chart(byCategory), PageSection.chart(byNumber), PageSection.chart(bars)))))
                .render());

        Result result = check(html);

        assertEquals(0, result.exitStatus(), result.output());
        assertTrue(result.output().contains("kinds.html: ok charts=3/3"), result.output());
    }

    @Test
    void pageThatLogsAnErrorFails() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Path html = RunReport.write(run);
        FixtureRuns.replace(html, "</body>", "<script>console.error('injected failure')</script></body>");

        Result result = check(run);

        assertEquals(1, result.exitStatus(), result.output());
        assertTrue(result.output().contains("FAIL"), result.output());
        assertTrue(result.output().contains("console.error: injected failure"), result.output());
    }

    @Test
    void pageWithoutChartJsFails() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Path html = RunReport.write(run);
        String page = Files.readString(html);
        int start = page.indexOf("/*!\n * Chart.js");
        Files.writeString(html, page.substring(0, start) + page.substring(page.indexOf("</script>", start)));

        Result result = check(html);

        assertEquals(1, result.exitStatus(), result.output());
        assertTrue(result.output().contains("error charts=0/9: Chart.js did not load"), result.output());
    }

    @Test
    void folderWithoutReportIsABadArgument() throws Exception {
        Result result = check(tmp);

        assertEquals(2, result.exitStatus(), result.output());
        assertTrue(result.output().contains("has no report.html; generate it with: harness report"), result.output());
    }
}
