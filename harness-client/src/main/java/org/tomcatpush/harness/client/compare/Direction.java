package org.tomcatpush.harness.client.compare;

/**
 * Which way a metric may not move between the baseline and the current run: the sign written in
 * a tolerance ({@code +25%} may not rise by more than 25 %, {@code -25%} may not fall by more,
 * {@code ±25%} may move by at most 25 % either way).
 */
public enum Direction {
    /** Rising is the regression (latency, errors, connections): written {@code +}. */
    MAY_NOT_RISE("+"),
    /** Falling is the regression (throughput, messages received): written {@code -}. */
    MAY_NOT_FALL("-"),
    /** Moving either way is the regression (counts fixed by the scenario): written {@code ±}. */
    MAY_NOT_MOVE("±");

    private final String sign;

    Direction(String sign) {
        this.sign = sign;
    }

    /** The sign as written in a tolerance file. */
    public String sign() {
        return sign;
    }
}
