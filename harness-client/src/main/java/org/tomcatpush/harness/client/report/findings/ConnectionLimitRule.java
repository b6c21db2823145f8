package org.tomcatpush.harness.client.report.findings;

import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Server connections against {@code maxConnections} (experiment E5): past the limit the acceptor
 * stops accepting and new connections wait in the OS backlog ({@code acceptCount}). The peak is
 * the summary's (computed from the server's own samples in the measured window), so the finding
 * and the tables can never disagree; time at the limit is counted in those same samples when the
 * run has them.
 */
public final class ConnectionLimitRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble peak = run.runNumber(SummaryColumns.SERVER_CONNECTIONS_MAX);
        if (peak.isEmpty()) {
            return List.of();
        }
        OptionalDouble maxConnections = run.runNumber(SummaryColumns.MAX_CONNECTIONS);
        if (!RuleText.positive(maxConnections) || peak.getAsDouble() < maxConnections.getAsDouble()) {
            String of = RuleText.positive(maxConnections)
                    ? " of maxConnections " + Figures.display(maxConnections) : "";
            return List.of(Finding.info("server connections peaked at " + Figures.display(peak) + of));
        }
        double limit = maxConnections.getAsDouble();
        double seconds = Math.round(run.serverSamples().has(TimeSeries.SAMPLE_CONNECTIONS)
                ? run.serverSamples().secondsAtOrAbove(TimeSeries.SAMPLE_CONNECTIONS, limit)
                : run.series().secondsAtOrAbove(TimeSeries.SERVER_CONNECTIONS, limit));
        StringBuilder text = new StringBuilder("server connections reached maxConnections (")
                .append(Figures.display(maxConnections)).append(')');
        if (seconds > 0) {
            text.append(" for ").append(Figures.display(seconds)).append(" s");
        }
        text.append(": further connections waited in the accept backlog");
        OptionalDouble acceptCount = run.runNumber(SummaryColumns.ACCEPT_COUNT);
        if (acceptCount.isPresent()) {
            text.append(" (acceptCount ").append(Figures.display(acceptCount)).append(')');
        }
        return List.of(Finding.warning(text.toString()));
    }
}
