package org.tomcatpush.harness.client.judge;

/**
 * Whether a condition holds on a run's figures. {@link #NO_DATA} when a figure the condition rests
 * on was not recorded: an absent or empty cell is never read as 0 or false. Evaluators turn it into
 * "no data"; findings say nothing about a condition they cannot decide.
 */
public enum Outcome {
    HOLDS, FAILS, NO_DATA;

    /** {@link #HOLDS} or {@link #FAILS} as {@code holds} says; {@link #NO_DATA} when one of {@code needed} is NaN. */
    public static Outcome of(boolean holds, double... needed) {
        for (double value : needed) {
            if (Double.isNaN(value)) {
                return NO_DATA;
            }
        }
        return holds ? HOLDS : FAILS;
    }

    public boolean holds() {
        return this == HOLDS;
    }

    public boolean fails() {
        return this == FAILS;
    }

    /** Both hold; no data when either lacks data (a failing half does not decide a half that is unknown). */
    public Outcome and(Outcome other) {
        if (this == NO_DATA || other == NO_DATA) {
            return NO_DATA;
        }
        return this == HOLDS && other == HOLDS ? HOLDS : FAILS;
    }

    /** The opposite; no data stays no data. */
    public Outcome not() {
        return this == NO_DATA ? NO_DATA : this == HOLDS ? FAILS : HOLDS;
    }
}
