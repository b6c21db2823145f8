package org.tomcatpush.harness.client.compare;

/**
 * Bad input to {@code harness compare}: a missing, empty or truncated results file, a missing
 * column, an unreadable or invalid tolerance file. The message is one line that names the input
 * and says how to fix it; the command prints it without a stack trace and exits with status 2.
 */
public final class CompareInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CompareInputException(String message) {
        super(message, null, false, false);
    }
}
