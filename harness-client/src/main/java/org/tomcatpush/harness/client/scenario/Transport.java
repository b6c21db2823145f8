package org.tomcatpush.harness.client.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four push transports, named as on the command line and in {@code summary.csv}. */
public enum Transport {
    SHORT_POLL("short-poll", "/poll"),
    LONG_POLL("long-poll", "/longpoll"),
    SSE("sse", "/sse"),
    WS("ws", "/ws");

    private final String cliName;
    private final String path;

    Transport(String cliName, String path) {
        this.cliName = cliName;
        this.path = path;
    }

    /** The name used on the command line, in scenario files and in result files. */
    public String cliName() {
        return cliName;
    }

    /** The server endpoint this transport talks to. */
    public String path() {
        return path;
    }

    /**
     * Parses a command-line name.
     *
     * @throws IllegalArgumentException with a one-line message naming the valid values
     */
    public static Transport parse(String name) {
        for (Transport t : values()) {
            if (t.cliName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + name + "': use one of "
                + Arrays.stream(values()).map(Transport::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
