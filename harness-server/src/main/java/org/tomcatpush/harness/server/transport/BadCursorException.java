package org.tomcatpush.harness.server.transport;

/** A {@code since} or {@code Last-Event-ID} the server cannot resume from; the message says why and what to send. */
public final class BadCursorException extends Exception {

    private static final long serialVersionUID = 1L;

    BadCursorException(String message) {
        super(message, null, false, false);
    }
}
