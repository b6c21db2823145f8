package org.tomcatpush.harness.client.judge;

import org.tomcatpush.harness.client.report.model.SummaryRow;

/** Reading a figure for a judgement: NaN when the cell is absent, so a condition on it has no data. */
final class Figure {

    private Figure() {
    }

    static double of(SummaryRow row, String column) {
        return row.numberOr(column, Double.NaN);
    }
}
