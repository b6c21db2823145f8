package org.tomcatpush.harness.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a capacity planner first sees it, in headless Chromium with a 1400 x 900 window:
 * the verdict and the capacity table lie within the first 900 px, no visible element shows debug
 * text, and every chart is drawn (ink on its canvas) or is its one line of text. A probe script
 * added to a copy of the page measures the laid-out page and writes what it found into an
 * attribute, which the dumped DOM carries back. Skipped where {@code /usr/bin/chromium} is not
 * installed (CI installs it).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReportLayoutTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WIDTH_PX = 1400;
    private static final int HEIGHT_PX = 900;

    /** Measures the page once it has loaded; JSON in {@code <html data-layout>}. */
    private static final String PROBE = """
            <script>
            window.addEventListener('load', function () { setTimeout(function () {
              function bottom(id) {
                var e = document.getElementById(id);
                return e ? e.getBoundingClientRect().bottom + window.scrollY : -1;
              }
              function inked(canvas) {
                var d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { return true; } }
                return false;
              }
              var charts = [];
              document.querySelectorAll('figure.chart').forEach(function (f) {
                var canvas = f.querySelector('canvas');
                var empty = f.querySelector('p.empty');
                var lineHeight = empty ? parseFloat(getComputedStyle(empty).lineHeight) : 0;
                charts.push({ id: f.id, drawn: !!canvas && inked(canvas),
                              oneLine: !!empty && !canvas && empty.getBoundingClientRect().height <= lineHeight * 1.5 });
              });
              var status = document.getElementById('render-status');
              document.documentElement.setAttribute('data-layout', JSON.stringify({
                width: window.innerWidth, height: window.innerHeight,
                verdictBottom: bottom('verdict'), capacityBottom: bottom('capacity'),
                text: document.body.innerText, status: status.getAttribute('data-status'),
                statusVisible: status.getClientRects().length > 0, charts: charts }));
            }, 0); });
            </script>
            """;

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "layout check skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
    }

    @Test
    void mixedRunShowsVerdictAndCapacityTableInTheFirstScreen() throws Exception {
        JsonNode layout = layout(FixtureRuns.MIXED);

        assertFirstScreen(layout);
        assertNoDebugText(layout);
        assertEveryChartDrawnOrOneLine(layout, 9);
    }

    @Test
    void pollRunShowsVerdictAndCapacityTableInTheFirstScreen() throws Exception {
        JsonNode layout = layout(FixtureRuns.POLL);

        assertFirstScreen(layout);
        assertNoDebugText(layout);
        assertEveryChartDrawnOrOneLine(layout, 9);
    }

    private static void assertFirstScreen(JsonNode layout) {
        assertEquals(WIDTH_PX, layout.get("width").asInt(), "the window is 1400 px wide");
        double verdict = layout.get("verdictBottom").asDouble();
        double capacity = layout.get("capacityBottom").asDouble();
        assertTrue(verdict > 0 && verdict <= HEIGHT_PX, "verdict ends at " + verdict + " px");
        assertTrue(capacity > 0 && capacity <= HEIGHT_PX, "capacity table ends at " + capacity + " px");
    }

    private static void assertNoDebugText(JsonNode layout) {
        String text = layout.get("text").asText();
        assertEquals("ok", layout.get("status").asText(), "the page checked itself");
        assertTrue(!layout.get("statusVisible").asBoolean(), "the render status is invisible");
        for (String debug : List.of("charts=", "render-status", "pending", "data-status")) {
            assertTrue(!text.contains(debug), "visible text shows '" + debug + "'");
        }
    }

    private static void assertEveryChartDrawnOrOneLine(JsonNode layout, int drawn) {
        int drawnCharts = 0;
        for (JsonNode chart : layout.get("charts")) {
            boolean isDrawn = chart.get("drawn").asBoolean();
            assertTrue(isDrawn || chart.get("oneLine").asBoolean(), chart.get("id").asText()
                    + " is neither drawn nor one line of text");
            drawnCharts += isDrawn ? 1 : 0;
        }
        assertEquals(drawn, drawnCharts, "charts drawn");
    }

    /** Renders fixture {@code name}, opens it with the probe in headless Chromium, returns the probe's findings. */
    private JsonNode layout(String name) throws Exception {
        Path run = FixtureRuns.create(name, tmp.resolve(name));
        Path html = RunReport.write(run);
        Path probed = tmp.resolve(name + "-probed.html");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        Files.writeString(probed, page.substring(0, end) + PROBE + page.substring(end), StandardCharsets.UTF_8);

        String dom = dumpDom(probed);
        Matcher m = Pattern.compile("<html[^>]*data-layout=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "the probe ran; the page dumped: " + dom.substring(0, Math.min(300, dom.length())));
        String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    private String dumpDom(Path page) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        Path out = tmp.resolve("dom.html");
        Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--no-default-browser-check", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + WIDTH_PX + "," + HEIGHT_PX,
                "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(tmp.resolve("browser.log").toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish in 120 s");
            }
            assertEquals(0, process.exitValue(), Files.readString(tmp.resolve("browser.log")));
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
