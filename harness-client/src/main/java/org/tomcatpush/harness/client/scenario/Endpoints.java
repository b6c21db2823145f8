package org.tomcatpush.harness.client.scenario;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.tomcatpush.harness.server.config.ConfigException;

/**
 * Where each transport's sessions go and what protocol the target speaks: harness-server's own
 * paths and wire protocol ({@link #HARNESS}), or a foreign application's paths given with
 * {@code --endpoints sse=/events,ws=/socket,poll=/api/poll,long-poll=/api/wait}. Against a foreign
 * application the client counts every SSE event, WebSocket text frame and non-empty poll answer as
 * a message, checks the sequence only of SSE events with a numeric {@code id:}, and times delivery
 * only from the JSON field {@code publishTimeField} (epoch ms or µs); it sends no cursor and reads
 * no {@code /harness/*}. Immutable.
 *
 * @param paths            the path of each transport that has one
 * @param foreign          the target is not harness-server
 * @param publishTimeField the JSON field holding a message's publish time, or {@code null} for none
 */
public record Endpoints(Map<Transport, String> paths, boolean foreign, String publishTimeField) {

    /** harness-server's own endpoints and protocol. */
    public static final Endpoints HARNESS = new Endpoints(harnessPaths(), false, null);

    public Endpoints {
        EnumMap<Transport, String> copy = new EnumMap<>(Transport.class);
        copy.putAll(paths);
        paths = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code --endpoints}: comma-separated {@code TRANSPORT=/path}, each transport at most
     * once; {@code poll} is short for {@code short-poll}.
     *
     * @param publishTimeField {@code --publish-time-field}, or {@code null}
     * @throws ConfigException with a one-line message naming the bad part and the fix
     */
    public static Endpoints parse(String spec, String publishTimeField) {
        EnumMap<Transport, String> paths = new EnumMap<>(Transport.class);
        for (String part : spec.split(",", -1)) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw bad(spec, "'" + item + "' has no '=': write TRANSPORT=/path");
            }
            String name = item.substring(0, eq).trim();
            String path = item.substring(eq + 1).trim();
            Transport transport = transportNamed(name);
            if (transport == null) {
                throw bad(spec, "unknown transport '" + name + "': use sse, ws, poll (or short-poll) or long-poll");
            }
            if (!path.startsWith("/")) {
                throw bad(spec, "the path of " + name + " '" + path + "' must start with /");
            }
            if (path.contains("?") || path.contains("#") || path.chars().anyMatch(Character::isWhitespace)) {
                throw bad(spec, "the path of " + name + " '" + path + "' must be a plain path (no query, space or #)");
            }
            if (paths.put(transport, path) != null) {
                throw bad(spec, transport.cliName() + " is given twice: give each transport once");
            }
        }
        if (publishTimeField != null && publishTimeField.isBlank()) {
            throw new ConfigException("--publish-time-field is empty: name the JSON field that holds the publish"
                    + " time, e.g. ts");
        }
        return new Endpoints(paths, true, publishTimeField);
    }

    /** The path of {@code transport}'s endpoint. @throws IllegalStateException when it has none */
    public String path(Transport transport) {
        String path = paths.get(transport);
        if (path == null) {
            throw new IllegalStateException("no endpoint for " + transport);
        }
        return path;
    }

    /**
     * Refuses a mix with a transport that has no endpoint here.
     *
     * @throws ConfigException naming the transport and the fix
     */
    public void requireCovers(TransportMix mix) {
        for (Transport t : mix.transports()) {
            if (!paths.containsKey(t)) {
                throw new ConfigException("--transport " + mix + " includes " + t.cliName() + ", which --endpoints "
                        + this + " gives no path: add " + t.cliName() + "=/path to --endpoints, or drop it from"
                        + " --transport");
            }
        }
    }

    @Override
    public String toString() {
        return paths.entrySet().stream().map(e -> e.getKey().cliName() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static Transport transportNamed(String name) {
        if (name.equals("poll")) {
            return Transport.SHORT_POLL;
        }
        for (Transport t : Transport.values()) {
            if (t.cliName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static ConfigException bad(String spec, String why) {
        return new ConfigException("--endpoints '" + spec + "': " + why);
    }

    private static Map<Transport, String> harnessPaths() {
        EnumMap<Transport, String> paths = new EnumMap<>(Transport.class);
        for (Transport t : Transport.values()) {
            paths.put(t, t.path());
        }
        return paths;
    }
}
