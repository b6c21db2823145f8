package org.tomcatpush.harness.client.accounting;

/** How a TCP connect failed. */
public enum ConnectFailureKind {
    REFUSED,
    TIMEOUT,
    OTHER;

    private final String label = EnumLabels.kebab(name());

    /** As {@code summary.csv}, the CLI and the report name it, e.g. {@code timeout}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
