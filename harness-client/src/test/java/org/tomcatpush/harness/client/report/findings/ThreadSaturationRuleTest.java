package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.perSecond;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.report.model.TimeSeries;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThreadSaturationRuleTest {

    private final ThreadSaturationRule rule = new ThreadSaturationRule();

    @Test
    void busyThreadsAtMaxThreadsForTwelveSecondsWithQueueIsAWarning() {
        double[] busy = new double[20];
        double[] queue = new double[20];
        for (int i = 0; i < 20; i++) {
            busy[i] = i < 8 ? i : 8;
            queue[i] = i < 8 ? 0 : i - 7;
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put(TimeSeries.BUSY_THREADS, busy);
        columns.put(TimeSeries.QUEUE_LENGTH, queue);

        List<Finding> findings = rule.evaluate(run(perSecond(columns), row("transport", "sse", "max_threads", "8",
                "busy_threads_max", "8", "queue_length_max", "12")));

        assertEquals(List.of(Finding.warning(
                "busy threads reached maxThreads (8) for 12 s: requests queued (executor queue peaked at 12)")), findings);
    }

    @Test
    void saturationWithAnEmptyQueueSaysSo() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put(TimeSeries.BUSY_THREADS, new double[] {4, 4, 2});
        columns.put(TimeSeries.QUEUE_LENGTH, new double[] {0, 0, 0});

        List<Finding> findings = rule.evaluate(run(perSecond(columns), row("max_threads", "4",
                "busy_threads_max", "4", "queue_length_max", "0")));

        assertEquals(List.of(Finding.warning("busy threads reached maxThreads (4) for 2 s; the executor queue stayed empty")),
                findings);
    }

    @Test
    void summaryPeakAloneIsEnoughToTellSaturation() {
        List<Finding> findings = rule.evaluate(run(row("max_threads", "8", "busy_threads_max", "8")));

        assertEquals(List.of(Finding.warning("busy threads reached maxThreads (8): further requests wait in the executor queue")),
                findings);
    }

    @Test
    void peakBelowTheLimitIsAHeadlineFigure() {
        List<Finding> findings = rule.evaluate(run(
                row("max_threads", "200", "busy_threads_max", "3", "busy_threads_mean", "0.4")));

        assertEquals(List.of(Finding.info("busy threads peaked at 3 of maxThreads 200 (mean 0.4)")), findings);
    }

    @Test
    void timeAtTheLimitIsCountedInTheServerSamplesNotThePerSecondSeries() {
        double[] elapsed = new double[30];
        double[] busy = new double[30];
        for (int i = 0; i < 30; i++) {
            elapsed[i] = i * 0.1;
            busy[i] = i >= 10 && i < 25 ? 8 : 5;
        }
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put(TimeSeries.ELAPSED_S, elapsed);
        samples.put(TimeSeries.BUSY_THREADS, busy);
        TimeSeries perSecond = perSecond(Map.of(TimeSeries.BUSY_THREADS, new double[] {5, 5, 5}));

        List<Finding> findings = rule.evaluate(run(perSecond, new TimeSeries(samples), row("max_threads", "8",
                "busy_threads_max", "8")));

        assertEquals(List.of(Finding.warning("busy threads reached maxThreads (8) for 2 s: further requests wait in "
                + "the executor queue")), findings);
    }

    @Test
    void thePeakIsTheSummarysEvenWhenASeriesShowsMore() {
        // the summary is computed from the server's samples in the measured window; a series that
        // says otherwise (an old results folder, samples outside the window) never overrides it
        TimeSeries perSecond = perSecond(Map.of(TimeSeries.BUSY_THREADS, new double[] {5, 9, 5}));

        List<Finding> findings = rule.evaluate(run(perSecond, row("max_threads", "8", "busy_threads_max", "5")));

        assertEquals(List.of(Finding.info("busy threads peaked at 5 of maxThreads 8")), findings);
    }

    @Test
    void queuedRequestsBelowThePeakAreANote() {
        List<Finding> findings = rule.evaluate(run(row("max_threads", "8", "busy_threads_max", "6",
                "busy_threads_mean", "3.15", "queue_length_max", "3")));

        assertEquals(List.of(Finding.note("busy threads peaked at 6 of maxThreads 8 (mean 3.15); still, requests "
                + "waited in the executor queue (peak 3)")), findings);
    }

    @Test
    void virtualThreadsAreNotLimitedByMaxThreads() {
        List<Finding> findings = rule.evaluate(run(
                row("max_threads", "200", "busy_threads_max", "500", "virtual_threads", "true")));

        assertEquals(List.of(Finding.info("handlers in progress peaked at 500 (virtual threads: maxThreads does not limit them)")),
                findings);
    }

    @Test
    void mixedRunReadsServerFiguresFromTheAllRow() {
        List<Finding> findings = rule.evaluate(run(
                row("transport", "sse", "max_threads", "8", "busy_threads_max", ""),
                row("transport", "all", "max_threads", "8", "busy_threads_max", "5")));

        assertEquals(List.of(Finding.info("busy threads peaked at 5 of maxThreads 8")), findings);
    }

    @Test
    void saysNothingWithoutBusyThreadFigures() {
        assertEquals(List.of(), rule.evaluate(run(row("max_threads", "8"))));
    }
}
