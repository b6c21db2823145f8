package org.tomcatpush.harness.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An SSE stream read over a {@link RawConnection}: de-chunks the body and splits it into events
 * (blank-line separated) with their {@code id}, {@code event}, {@code data}, {@code retry} and
 * comment lines.
 */
final class SseConnection implements AutoCloseable {

    /** One event block; {@code comment} holds the text after ':' when the block is a comment. */
    record Event(String id, String event, String data, String retry, String comment) {
        boolean isMessage() {
            return data != null && event == null;
        }
    }

    private final RawConnection connection;
    private final StringBuilder pending = new StringBuilder();
    private boolean ended;
    final RawConnection.Response head;

    private SseConnection(RawConnection connection, RawConnection.Response head) {
        this.connection = connection;
        this.head = head;
    }

    /** Opens {@code path} with the extra header lines and reads the response head. */
    static SseConnection open(URI base, String path, String... headerLines) throws IOException {
        RawConnection connection = new RawConnection(base);
        try {
            connection.send("GET", path, headerLines);
            return new SseConnection(connection, connection.readHead());
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The next event, or null when the server ended the response. */
    Event next() throws IOException {
        while (true) {
            int blank = pending.indexOf("\n\n");
            if (blank >= 0) {
                String block = pending.substring(0, blank);
                pending.delete(0, blank + 2);
                return parse(block);
            }
            if (ended) {
                return null;
            }
            byte[] chunk = connection.readChunk();
            if (chunk == null) {
                ended = true;
            } else {
                pending.append(new String(chunk, StandardCharsets.UTF_8));
            }
        }
    }

    /** The next event that carries a message (skipping comments). */
    Event nextMessage() throws IOException {
        for (Event e; (e = next()) != null; ) {
            if (e.data() != null) {
                return e;
            }
        }
        return null;
    }

    /** Reads until the server ends the response; returns the data of every message event on the way. */
    List<String> readToEnd() throws IOException {
        List<String> data = new ArrayList<>();
        for (Event e; (e = next()) != null; ) {
            if (e.isMessage()) {
                data.add(e.data());
            }
        }
        return data;
    }

    RawConnection raw() {
        return connection;
    }

    private static Event parse(String block) {
        String id = null;
        String event = null;
        String data = null;
        String retry = null;
        String comment = null;
        for (String line : block.split("\n", -1)) {
            if (line.startsWith(":")) {
                comment = line.substring(1).trim();
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            } else if (line.startsWith("retry: ")) {
                retry = line.substring(7);
            }
        }
        return new Event(id, event, data, retry, comment);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
