package org.tomcatpush.harness.client.accounting;

/** How a TCP connect failed. */
public enum ConnectFailureKind {
    REFUSED("refused"),
    TIMEOUT("timeout"),
    OTHER("other");

    private final String label;

    ConnectFailureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
