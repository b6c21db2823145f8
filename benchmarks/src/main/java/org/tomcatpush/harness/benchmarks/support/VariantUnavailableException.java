package org.tomcatpush.harness.benchmarks.support;

/**
 * A benchmark variant that cannot run on this JVM (such as virtual threads before Java 21). Thrown
 * from a trial setup: JMH reports that one variant as failed with this one-line message, no stack
 * trace, and goes on with the next.
 */
public final class VariantUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VariantUnavailableException(String message) {
        super(message, null, false, false);
    }
}
