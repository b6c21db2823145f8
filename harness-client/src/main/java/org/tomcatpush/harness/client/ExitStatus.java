package org.tomcatpush.harness.client;

/**
 * The exit statuses every {@code harness} command shares, so scripts and CI can rely on them
 * (README.md, "Exit status"): {@link #OK}, {@link #FAILED} (the work could not be done, e.g. a
 * run failed or a file could not be written; {@code compare} also uses 1 for a regression),
 * {@link #BAD_INPUT} (a flag, a value or a file is wrong; one line on stderr says which and how to
 * fix it), {@link #THRESHOLDS_BREACHED} (the run completed but a {@code --threshold} did not
 * hold) and {@link #INTERRUPTED} (stopped by Ctrl-C or SIGTERM, after writing what was measured).
 */
public final class ExitStatus {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int THRESHOLDS_BREACHED = 3;
    /** 128 + SIGINT, what shells report for Ctrl-C; also given for SIGTERM. */
    public static final int INTERRUPTED = 130;

    private ExitStatus() {
    }
}
