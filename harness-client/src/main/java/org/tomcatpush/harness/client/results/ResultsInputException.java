package org.tomcatpush.harness.client.results;

import java.nio.file.Path;

/**
 * Bad input to a command that reads results (report, compare, medians, experiments, jmh, and the
 * sweep reading back its run folders): a missing, empty, truncated or otherwise damaged file, a
 * missing column, a tolerance file that cannot be used. The message is one line in one shape,
 * {@code <file>[ line N]: <what is wrong>; <how to fix it>}, ready to print as is; every command
 * prints it after {@code harness: } without a stack trace and exits with status 2.
 */
public final class ResultsInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The fix for a file or folder that is not there. */
    public static final String FIX_MISSING = "point at a complete folder written by 'harness run' or 'harness sweep'"
            + " (results/runs/<run>); an interrupted run has to be run again";
    /** The fix for a file whose content cannot be used. */
    public static final String FIX_DAMAGED = "the file is damaged or was not written by 'harness run' or 'harness"
            + " sweep': run the scenario again or restore the file from the original run";

    /**
     * @param where   the file (or folder, or option) at fault, with its line when known
     * @param problem what is wrong, e.g. "is missing" or "has 3 fields but the header has 9"
     * @param fix     what the user can do about it
     */
    public ResultsInputException(String where, String problem, String fix) {
        this(oneLine(where + ": " + problem + "; " + fix), (Throwable) null);
    }

    public ResultsInputException(Path file, String problem, String fix) {
        this(file.toString(), problem, fix);
    }

    public ResultsInputException(Path file, String problem, String fix, Throwable cause) {
        this(oneLine(file + ": " + problem + "; " + fix), cause);
    }

    /** A message already in the one shape ({@code <where>: <what is wrong>: <how to fix it>}). */
    public ResultsInputException(String message) {
        this(oneLine(message), (Throwable) null);
    }

    private ResultsInputException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** A file whose content cannot be used, with {@link #FIX_DAMAGED}. */
    public static ResultsInputException damaged(Path file, String problem) {
        return new ResultsInputException(file, problem, FIX_DAMAGED);
    }

    public static ResultsInputException damaged(Path file, String problem, Throwable cause) {
        return new ResultsInputException(file, problem, FIX_DAMAGED, cause);
    }

    /** {@code file line N}, the place of a line in a file, as every message names it. */
    public static String at(Path file, long line) {
        return file + " line " + line;
    }

    /** The message of {@code t}, or its type when it has none, on one line. */
    public static String describe(Throwable t) {
        String message = t.getMessage();
        return oneLine(message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
    }

    /** Collapses line breaks so that the message always prints as a single line. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
