package org.tomcatpush.harness.client.report.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.ChartSpec.Kind;
import org.tomcatpush.harness.client.report.html.ChartSpec.XAxis;
import org.tomcatpush.harness.client.report.html.PercentileScale;
import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.LatencyDistribution.PercentilePoint;
import org.tomcatpush.harness.client.report.model.LatencyTags;
import org.tomcatpush.harness.client.report.model.RunData;

/**
 * Percentile distribution charts from {@code latency.hlog}: x at 1/(1-p) on a log scale,
 * labelled 50 %, 90 %, 99 %, 99.9 %..., as HdrHistogram plots them.
 */
public final class LatencyCharts {

    private LatencyCharts() {
    }

    /** Delivery latency by percentile, one line per transport. */
    public static ChartSpec delivery(RunData run) {
        ChartSpec.Builder chart = percentileChart("latency", "Delivery latency by percentile",
                "Time from the intended publish time to receipt for every message of the run. Read across at the"
                        + " percentile you size for (99% or 99.9%); where a line turns up sharply, queueing or"
                        + " reconnects start to show.");
        for (LatencyDistribution d : run.latency()) {
            if (LatencyTags.isDelivery(d.tag()) && d.count() > 0) {
                chart.series(series(d.tag(), d));
            }
        }
        return chart.build();
    }

    /**
     * Poll response time by percentile, from the intended and from the actual send time; empty
     * when the run had no polling transport.
     */
    public static Optional<ChartSpec> pollResponseTime(RunData run) {
        ChartSpec.Builder chart = percentileChart("response-time", "Poll response time by percentile",
                "Short and long poll request to response. 'intended' counts from when the poll was due, so a "
                        + "poll delayed by a slow predecessor shows its wait; 'actual' counts from when it was sent "
                        + "and hides it (coordinated omission). A wide gap between the two means polls fell behind.");
        boolean any = addTagged(chart, run, LatencyTags::responseTimeTransport, " (intended)");
        any |= addTagged(chart, run, LatencyTags::uncorrectedResponseTimeTransport, " (actual)");
        return any ? Optional.of(chart.build()) : Optional.empty();
    }

    private static boolean addTagged(ChartSpec.Builder chart, RunData run,
                                     Function<String, Optional<String>> transportOfTag, String suffix) {
        boolean any = false;
        for (LatencyDistribution d : run.latency()) {
            Optional<String> transport = transportOfTag.apply(d.tag());
            if (transport.isPresent() && d.count() > 0) {
                chart.series(series(transport.get() + suffix, d));
                any = true;
            }
        }
        return any;
    }

    private static ChartSpec.Builder percentileChart(String id, String title, String help) {
        return ChartSpec.builder(id, Kind.LINE).title(title).help(help)
                .xAxis(XAxis.PERCENTILE, "percentile").yAxis("milliseconds (log)").logY()
                .whenEmpty("no message received");
    }

    private static Series series(String label, LatencyDistribution d) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double previousX = 1;
        for (PercentilePoint p : d.points()) {
            previousX = PercentileScale.position(p.percentile(), d.count(), previousX);
            x.add(previousX);
            y.add(p.valueMs());
        }
        return new Series(label, x, y, false);
    }
}
