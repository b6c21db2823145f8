package org.tomcatpush.harness.client.compare;

import java.util.Locale;

import org.tomcatpush.harness.client.results.Figures;

/**
 * How compare words a metric's result: its figures, change, limit and failure sentence, the same
 * in the console table, {@code compare.md} and {@code compare-junit.xml}. Numbers are written as
 * {@link Figures#cell(double) cells}, with the precision the files were compared on, so that a
 * value just past its limit never reads as the limit itself. Stateless.
 */
public final class MetricText {

    private MetricText() {
    }

    /** A baseline or current figure for a table: {@link Figures#cell(double)}, or {@code -} when unknown. */
    public static String figure(double value) {
        String text = Figures.cell(value);
        return text.isEmpty() ? "-" : text;
    }

    /** The change from baseline to current: {@code +3.5 (+12.5%)}, {@code 0}, or {@code -}. */
    public static String change(MetricResult r) {
        if (Double.isNaN(r.baseline()) || Double.isNaN(r.current())) {
            return "-";
        }
        double delta = r.current() - r.baseline();
        String absolute = Figures.cell(delta);
        if (absolute.equals("0")) {
            return "0";
        }
        String signed = delta > 0 ? "+" + absolute : absolute;
        if (r.baseline() == 0) {
            return signed;
        }
        return signed + String.format(Locale.ROOT, " (%+.1f%%)", 100.0 * delta / Math.abs(r.baseline()));
    }

    /** The values that pass, e.g. {@code <= 32 (+100% or +20ms)}, {@code = 0}, {@code 9 .. 11 (±10%)}. */
    public static String limit(MetricResult r) {
        boolean lower = !Double.isNaN(r.lowerLimit());
        boolean upper = !Double.isNaN(r.upperLimit());
        if (!lower && !upper) {
            return "-";
        }
        String range;
        if (lower && upper) {
            range = r.lowerLimit() == r.upperLimit() ? "= " + Figures.cell(r.upperLimit())
                    : Figures.cell(r.lowerLimit()) + " .. " + Figures.cell(r.upperLimit());
        } else {
            range = upper ? "<= " + Figures.cell(r.upperLimit()) : ">= " + Figures.cell(r.lowerLimit());
        }
        return r.tolerance().kind() == Tolerance.Kind.EXACT ? range : range + " (" + r.tolerance().text() + ")";
    }

    /** One sentence on a failed metric, for the JUnit failure and the markdown report. */
    public static String explain(MetricResult r) {
        MetricUnit unit = MetricUnit.of(r.metric());
        String was = unit.format(Figures.cell(r.baseline()));
        if (r.verdict() == Verdict.MISSING) {
            return r.metric() + " is empty in the current run but was " + was + " in the baseline";
        }
        String now = unit.format(Figures.cell(r.current()));
        String verb = r.tolerance().kind() == Tolerance.Kind.EXACT ? "changed"
                : r.current() > r.baseline() ? "rose" : "fell";
        return r.metric() + " " + verb + " from " + was + " to " + now + " (" + change(r) + "); allowed: "
                + limit(r);
    }
}
