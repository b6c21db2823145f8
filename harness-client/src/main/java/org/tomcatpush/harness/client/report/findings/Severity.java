package org.tomcatpush.harness.client.report.findings;

/** How much a finding matters, most important first (the report lists findings in this order). */
public enum Severity {
    /** A limit was hit or something was lost or failed: read this first. */
    WARNING,
    /** Behaviour worth knowing that the configuration explains (keep-alive closes, reconnects). */
    NOTE,
    /** A headline figure (latency, cost per message, peak occupancy). */
    INFO;

    /** Lower-case name, as shown in the report. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
