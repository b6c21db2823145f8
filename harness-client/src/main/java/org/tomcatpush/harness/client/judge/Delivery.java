package org.tomcatpush.harness.client.judge;

import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Messages lost, duplicated and delivered, as the sessions' sequence checks counted them, for one
 * summary row: the one place where experiment E2 and the report's and the CLI's delivery warnings
 * judge them. Every figure is NaN when its cell is absent, and a condition resting on it is
 * {@link Outcome#NO_DATA}: silence is not proof. {@code published} is the server's, for the run.
 * Immutable.
 */
public record Delivery(double lost, double duplicated, double received, double published) {

    /** The figures of {@code row}, with the server's {@code published} count of the run. */
    public static Delivery of(SummaryRow row, OptionalDouble published) {
        return new Delivery(Figure.of(row, SummaryColumns.MESSAGES_LOST),
                Figure.of(row, SummaryColumns.MESSAGES_DUPLICATED), Figure.of(row, SummaryColumns.MESSAGES_RECEIVED),
                published.orElse(Double.NaN));
    }

    /** The figures of {@code row}, its own {@code messages_published} the server's count. */
    public static Delivery of(SummaryRow row) {
        return of(row, row.number(SummaryColumns.MESSAGES_PUBLISHED));
    }

    public Outcome anyLost() {
        return Outcome.of(lost > 0, lost);
    }

    public Outcome anyDuplicated() {
        return Outcome.of(duplicated > 0, duplicated);
    }

    /** No message lost or duplicated. */
    public Outcome lossless() {
        return Outcome.of(lost == 0 && duplicated == 0, lost, duplicated);
    }

    /** Something was delivered, each message once: lossless and some received. */
    public Outcome deliveredOnce() {
        return lossless().and(Outcome.of(received > 0, received));
    }

    /** Nothing received although the server published. */
    public Outcome nothingDelivered() {
        return Outcome.of(received == 0 && published > 0, received, published);
    }
}
