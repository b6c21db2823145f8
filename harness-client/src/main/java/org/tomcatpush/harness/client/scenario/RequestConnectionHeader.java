package org.tomcatpush.harness.client.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code Connection} header the sessions' requests carry ({@code --request-connection-header}):
 * {@code Connection: keep-alive} as browsers send it, or none (HTTP/1.1 keeps the connection alive
 * without it; async-http-client never adds one itself). Tomcat answers {@code Keep-Alive: timeout=}
 * only to the former.
 */
public enum RequestConnectionHeader {
    /** {@code Connection: keep-alive} on every request. */
    KEEP_ALIVE("keep-alive"),
    /** No {@code Connection} header. */
    NONE("none");

    private final String cliName;

    RequestConnectionHeader(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** What the harness sends without the option: {@code keep-alive} as a browser, else none. */
    public static RequestConnectionHeader defaultFor(boolean browser) {
        return browser ? KEEP_ALIVE : NONE;
    }

    /** Reads a command-line value. @throws IllegalArgumentException naming the values it takes */
    public static RequestConnectionHeader parse(String value) {
        return Arrays.stream(values()).filter(h -> h.cliName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a request Connection header:"
                        + " write " + Arrays.stream(values()).map(RequestConnectionHeader::cliName)
                                .collect(Collectors.joining(" or "))));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
