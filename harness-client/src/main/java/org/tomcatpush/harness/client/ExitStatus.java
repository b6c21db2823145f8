package org.tomcatpush.harness.client;

/**
 * The exit statuses every {@code harness} command shares, so scripts and CI can rely on them:
 * {@link #OK}, {@link #FAILED} (the work could not be done, e.g. a run failed or a file could not
 * be written; {@code compare} also uses 1 for a regression) and {@link #BAD_INPUT} (a flag, a
 * value or a file is wrong; one line on stderr says which and how to fix it).
 */
public final class ExitStatus {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private ExitStatus() {
    }
}
