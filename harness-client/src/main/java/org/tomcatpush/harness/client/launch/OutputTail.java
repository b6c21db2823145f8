package org.tomcatpush.harness.client.launch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last few lines a child process printed, kept for error messages; everything older is
 * dropped, so a chatty process costs bounded memory. Thread-safe.
 */
public final class OutputTail {

    private static final int MAX_LINE_CHARS = 500;

    private final int capacityLines;
    private final Deque<String> lines = new ArrayDeque<>();

    public OutputTail(int capacityLines) {
        this.capacityLines = capacityLines;
    }

    /** Keeps {@code line} (cut to 500 characters), dropping the oldest line when full. */
    public synchronized void add(String line) {
        if (lines.size() == capacityLines) {
            lines.removeFirst();
        }
        lines.addLast(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "..." : line);
    }

    /** The kept lines, oldest first. */
    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** The last non-blank line, or empty text when there is none. */
    public synchronized String lastLine() {
        var it = lines.descendingIterator();
        while (it.hasNext()) {
            String line = it.next();
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }
}
