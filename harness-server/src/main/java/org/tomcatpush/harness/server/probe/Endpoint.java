package org.tomcatpush.harness.server.probe;

/**
 * What a request is for, from its path: one of the four push transports, a control request
 * ({@code /harness/*}, never counted as workload) or anything else. The {@link #key()} is the
 * name used in {@code /harness/stats}.
 */
public enum Endpoint {
    POLL("poll", "/poll"),
    LONGPOLL("longpoll", "/longpoll"),
    SSE("sse", "/sse"),
    WS("ws", "/ws"),
    CONTROL("control", "/harness"),
    OTHER("other", null);

    /** The workload endpoints, in the order stats lists them. */
    static final Endpoint[] TRANSPORTS = {POLL, LONGPOLL, SSE, WS};

    private final String key;
    private final String path;

    Endpoint(String key, String path) {
        this.key = key;
        this.path = path;
    }

    /** The name in {@code /harness/stats}. */
    public String key() {
        return key;
    }

    /** The servlet path it is served on ({@code null} for {@link #OTHER}). */
    public String path() {
        return path;
    }

    /** Classifies a decoded request URI (no allocation). */
    public static Endpoint of(String uri) {
        if (uri == null) {
            return OTHER;
        }
        for (Endpoint e : TRANSPORTS) {
            if (uri.equals(e.path)) {
                return e;
            }
        }
        if (uri.startsWith("/harness/") || uri.equals("/harness")) {
            return CONTROL;
        }
        return OTHER;
    }
}
