package org.tomcatpush.harness.client.compare;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one tolerance as written in a tolerance file: {@code exact}, {@code ignore}, or one or two
 * bounds joined by {@code or}, each a sign ({@code +} may not rise, {@code -} may not fall,
 * {@code ±} or {@code +-} may not move), a non-negative number and a unit ({@code %} of the
 * baseline; {@code ms} or {@code s} for time metrics; none for the metric's own unit). A bound
 * without a sign takes the metric's default direction. Stateless.
 * <pre>
 * latency_p99_ms:    +100% or +50ms   # may rise by 100 % or 50 ms, whichever is more
 * messages_received: -25%             # may fall by at most 25 %
 * errors:            +0               # may not rise at all
 * messages_lost:     exact
 * </pre>
 */
public final class ToleranceSyntax {

    private static final Pattern BOUND = Pattern.compile("(\\+-|±|\\+|-)?\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(%|ms|s)?");
    private static final Pattern OR = Pattern.compile("\\s+or\\s+", Pattern.CASE_INSENSITIVE);
    private static final String FORMS = "write +25%, +20ms, +50% or +20ms, -10%, ±2, +0, exact or ignore";

    private ToleranceSyntax() {
    }

    /**
     * Parses {@code text}, the tolerance of {@code metric}.
     *
     * @param defaultDirection the direction of a bound written without a sign; null for
     *                         {@link Direction#MAY_NOT_MOVE}
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static Tolerance parse(String text, String metric, Direction defaultDirection) {
        String written = text == null ? "" : text.strip();
        String keyword = written.toLowerCase(Locale.ROOT);
        if (keyword.equals("exact")) {
            return Tolerance.EXACT;
        }
        if (keyword.equals("ignore")) {
            return Tolerance.IGNORE;
        }
        if (written.isEmpty()) {
            throw new IllegalArgumentException("the tolerance of " + metric + " is empty: " + FORMS);
        }
        String[] parts = OR.split(written, -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("the tolerance of " + metric + " '" + written
                    + "' has more than two bounds: give at most one relative and one absolute bound");
        }
        Direction direction = null;
        double relativePercent = Double.NaN;
        double absoluteAmount = Double.NaN;
        MetricUnit unit = MetricUnit.of(metric);
        for (String part : parts) {
            Matcher m = BOUND.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("the tolerance of " + metric + " '" + written
                        + "' is not understood: " + FORMS);
            }
            Direction sign = direction(m.group(1));
            if (sign != null && direction != null && sign != direction) {
                throw new IllegalArgumentException("the tolerance of " + metric + " '" + written
                        + "' mixes signs: give both bounds the same sign, e.g. +50% or +20ms");
            }
            direction = sign != null ? sign : direction;
            double amount = Double.parseDouble(m.group(2));
            String suffix = m.group(3);
            if ("%".equals(suffix)) {
                if (!Double.isNaN(relativePercent)) {
                    throw new IllegalArgumentException("the tolerance of " + metric + " '" + written
                            + "' has two relative bounds: keep one, e.g. +50% or +20ms");
                }
                relativePercent = amount;
                continue;
            }
            if (!Double.isNaN(absoluteAmount)) {
                throw new IllegalArgumentException("the tolerance of " + metric + " '" + written
                        + "' has two absolute bounds: keep one, e.g. +50% or +20ms");
            }
            absoluteAmount = suffix == null ? amount : timeAmount(amount, suffix, metric, unit, written);
        }
        Direction resolved = direction != null ? direction
                : defaultDirection != null ? defaultDirection : Direction.MAY_NOT_MOVE;
        return new Tolerance(Tolerance.Kind.BANDED, resolved, relativePercent, absoluteAmount, written);
    }

    private static double timeAmount(double amount, String suffix, String metric, MetricUnit unit, String written) {
        if (!unit.isTime()) {
            throw new IllegalArgumentException("the tolerance of " + metric + " '" + written + "' gives a time, but "
                    + metric + " is not a time: write a plain number in its own unit, e.g. +2, or a percentage");
        }
        return unit.convert(amount, suffix.equals("ms") ? MetricUnit.MILLISECONDS : MetricUnit.SECONDS);
    }

    private static Direction direction(String sign) {
        if (sign == null) {
            return null;
        }
        return switch (sign) {
            case "+" -> Direction.MAY_NOT_RISE;
            case "-" -> Direction.MAY_NOT_FALL;
            default -> Direction.MAY_NOT_MOVE;
        };
    }
}
