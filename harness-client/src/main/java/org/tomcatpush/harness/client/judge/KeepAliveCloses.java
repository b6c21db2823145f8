package org.tomcatpush.harness.client.judge;

import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Connections closed at {@code maxKeepAliveRequests} against every other close, for one summary
 * row: the one place where experiments E1 and E2 and the report's keep-alive finding judge the
 * limit. {@code atLimit} are the client's closes at the limit, {@code serverCountedAtLimit} the
 * server's; closes by the client (mostly as the run ended) are not server closes. Every figure is
 * NaN when its cell is absent, and a condition resting on it is {@link Outcome#NO_DATA}. Immutable.
 */
public record KeepAliveCloses(double limit, double atLimit, double idle, double serverOther, double error,
        double client, double requests, double perConnectionMean, double perConnectionMax,
        double serverCountedAtLimit) {

    /** The figures of {@code row}, its own {@code max_keep_alive_requests} the limit. */
    public static KeepAliveCloses of(SummaryRow row) {
        return of(row, row.number(SummaryColumns.MAX_KEEP_ALIVE_REQUESTS));
    }

    /** The figures of {@code row} against {@code limit} (the run's setting). */
    public static KeepAliveCloses of(SummaryRow row, OptionalDouble limit) {
        return new KeepAliveCloses(limit.orElse(Double.NaN), Figure.of(row, SummaryColumns.CLOSES_KEEPALIVE_LIMIT),
                Figure.of(row, SummaryColumns.CLOSES_IDLE_TIMEOUT), Figure.of(row, SummaryColumns.CLOSES_SERVER_OTHER),
                Figure.of(row, SummaryColumns.CLOSES_ERROR), Figure.of(row, SummaryColumns.CLOSES_CLIENT),
                Figure.of(row, SummaryColumns.REQUESTS), Figure.of(row, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN),
                Figure.of(row, SummaryColumns.REQUESTS_PER_CONNECTION_MAX),
                Figure.of(row, SummaryColumns.SERVER_CLOSED_KEEPALIVE_LIMIT));
    }

    /** Server closes for another cause than the limit: idle timeout, server-other, error. */
    public double otherServerCloses() {
        return idle + serverOther + error;
    }

    /** Every close the server made: at the limit and otherwise. */
    public double serverCloses() {
        return atLimit + otherServerCloses();
    }

    /** Some connection was closed at the limit. */
    public Outcome anyAtLimit() {
        return Outcome.of(atLimit > 0, atLimit);
    }

    /** Some connection was closed at the limit, and the server closed none for another cause. */
    public Outcome allServerClosesAtLimit() {
        double others = otherServerCloses();
        return Outcome.of(atLimit > 0 && others == 0, atLimit, others);
    }

    /** The most requests one connection carried equals the limit. */
    public Outcome maxCarriedTheLimit() {
        return Outcome.of(perConnectionMax == limit, perConnectionMax, limit);
    }

    /**
     * The connections closed at the limit carried exactly the limit:
     * {@code limit x atLimit <= requests <= limit x (atLimit + client)} (each connection the client
     * closed at the end carried at most the limit).
     */
    public Outcome carriedExactlyTheLimit() {
        return Outcome.of(limit * atLimit <= requests && requests <= limit * (atLimit + client),
                limit, atLimit, requests, client);
    }

    /**
     * The server counted the client's closes at the limit, give or take the connections the client
     * closed as the run ended (a {@code Connection: close} response can be in flight on each).
     */
    public Outcome serverCountsAgree() {
        return Outcome.of(Math.abs(serverCountedAtLimit - atLimit) <= client, serverCountedAtLimit, atLimit, client);
    }

    /** The mean requests per connection rounds to the limit. */
    public Outcome meanIsTheLimit() {
        return Outcome.of(Math.round(perConnectionMean) == Math.round(limit), perConnectionMean, limit);
    }
}
