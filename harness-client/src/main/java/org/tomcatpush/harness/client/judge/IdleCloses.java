package org.tomcatpush.harness.client.judge;

import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Kept-alive connections the server closed idle after {@code keepAliveTimeout}, for one summary
 * row: the one place where experiment E7 and the report's idle-timeout finding judge it. With a
 * poll interval longer than the timeout every poll opens a connection. Every figure is NaN when its
 * cell is absent, and a condition resting on it is {@link Outcome#NO_DATA}. Immutable.
 */
public record IdleCloses(double timeoutMs, double pollIntervalMs, double idle, double client, double serverOther,
        double opened, double requests, double perConnectionMean) {

    /** At or below this many requests per connection, connections are effectively not reused. */
    private static final double NO_REUSE_REQUESTS_PER_CONNECTION = 1.5;

    /** The figures of {@code row}, its own {@code keep_alive_timeout_ms} the timeout. */
    public static IdleCloses of(SummaryRow row) {
        return of(row, row.number(SummaryColumns.KEEP_ALIVE_TIMEOUT_MS));
    }

    /** The figures of {@code row} against {@code timeoutMs} (the run's setting). */
    public static IdleCloses of(SummaryRow row, OptionalDouble timeoutMs) {
        return new IdleCloses(timeoutMs.orElse(Double.NaN), Figure.of(row, SummaryColumns.POLL_INTERVAL_MS),
                Figure.of(row, SummaryColumns.CLOSES_IDLE_TIMEOUT), Figure.of(row, SummaryColumns.CLOSES_CLIENT),
                Figure.of(row, SummaryColumns.CLOSES_SERVER_OTHER), Figure.of(row, SummaryColumns.CONNECTIONS_OPENED),
                Figure.of(row, SummaryColumns.REQUESTS), Figure.of(row, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN));
    }

    /** Polls come further apart than the timeout (false when either is unknown or no timeout is set). */
    public boolean pollsSlowerThanTimeout() {
        return timeoutMs > 0 && pollIntervalMs > timeoutMs;
    }

    /** Polls come closer together than the timeout (false when either is unknown or no timeout is set). */
    public boolean pollsFasterThanTimeout() {
        return timeoutMs > 0 && pollIntervalMs < timeoutMs;
    }

    /** Some connection was closed idle. */
    public Outcome anyIdle() {
        return Outcome.of(idle > 0, idle);
    }

    /** A new connection for every poll: connections opened == requests. */
    public Outcome connectionPerRequest() {
        return Outcome.of(opened == requests, opened, requests);
    }

    /** The server closed them idle: some idle closes, and idle + client closes == connections opened. */
    public Outcome everyConnectionClosedIdle() {
        return Outcome.of(idle > 0 && idle + client == opened, idle, client, opened);
    }

    /** Connections are reused: more than one request per connection on average. */
    public Outcome reused() {
        return Outcome.of(perConnectionMean > 1, perConnectionMean);
    }

    /** Connections are effectively not reused: at most 1.5 requests per connection on average. */
    public Outcome almostNoReuse() {
        return Outcome.of(perConnectionMean <= NO_REUSE_REQUESTS_PER_CONNECTION, perConnectionMean);
    }

    /** Polls that found their connection still open: requests - connections opened. */
    public double reusedPolls() {
        return requests - opened;
    }
}
