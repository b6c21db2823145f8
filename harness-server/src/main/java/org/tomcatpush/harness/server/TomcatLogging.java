package org.tomcatpush.harness.server;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Tomcat's java.util.logging output to warnings, so that stdout carries only the
 * {@code LISTENING} line, and silent while the server starts: a failure to start is reported once,
 * as a one-line {@link org.tomcatpush.harness.server.config.ConfigException}, not as Tomcat's
 * stack traces.
 */
final class TomcatLogging {

    // held strongly: java.util.logging forgets the level of a logger that is garbage collected
    private static final Logger TOMCAT = Logger.getLogger("org.apache");

    private TomcatLogging() {
    }

    /** Warnings and errors only. */
    static void quiet() {
        TOMCAT.setLevel(Level.WARNING);
    }

    /** Nothing at all, until {@link #quiet()}. */
    static void silent() {
        TOMCAT.setLevel(Level.OFF);
    }
}
