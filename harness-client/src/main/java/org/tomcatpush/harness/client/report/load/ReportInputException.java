package org.tomcatpush.harness.client.report.load;

import java.nio.file.Path;

/**
 * An input file of a report is missing or unreadable. The message is one line that names the
 * file, what is wrong with it and how to fix it, ready to print as is.
 */
public final class ReportInputException extends Exception {

    private final Path file;

    /**
     * @param file    the file (or folder) at fault
     * @param problem what is wrong, e.g. "is missing" or "line 3: not a number"
     * @param fix     what the user can do about it
     */
    public ReportInputException(Path file, String problem, String fix) {
        this(file, problem, fix, null);
    }

    public ReportInputException(Path file, String problem, String fix, Throwable cause) {
        super(oneLine(file + ": " + problem + "; " + fix), cause);
        this.file = file;
    }

    /** The file (or folder) at fault. */
    public Path file() {
        return file;
    }

    /** Collapses line breaks so that the message always prints as a single line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** The message of {@code t}, or its type when it has none, on one line. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return oneLine(message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
    }
}
