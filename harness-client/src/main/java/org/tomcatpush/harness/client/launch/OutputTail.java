package org.tomcatpush.harness.client.launch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last few lines a child process printed, kept for error messages; everything older is
 * dropped, so a chatty process costs bounded memory. Thread-safe.
 */
public final class OutputTail {

    private static final int MAX_LINE_CHARS = 500;
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more)");

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

    /**
     * The last line that says something: not blank and not a Java stack frame ({@code at ...},
     * {@code ... 3 more}), so a crash is told by its exception line. Empty text when there is none.
     */
    public synchronized String lastLine() {
        var it = lines.descendingIterator();
        while (it.hasNext()) {
            String line = it.next();
            if (!line.isBlank() && !STACK_FRAME.matcher(line).find()) {
                return line.strip();
            }
        }
        return "";
    }
}
