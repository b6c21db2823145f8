package org.tomcatpush.harness.client.report.findings;

import java.util.Objects;

/**
 * One plain-language statement about a run, such as "busy threads reached maxThreads (8) for
 * 12 s: requests queued". Immutable. The text is plain (not HTML): renderers escape it.
 */
public record Finding(Severity severity, String text) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    public static Finding warning(String text) {
        return new Finding(Severity.WARNING, text);
    }

    public static Finding note(String text) {
        return new Finding(Severity.NOTE, text);
    }

    public static Finding info(String text) {
        return new Finding(Severity.INFO, text);
    }
}
