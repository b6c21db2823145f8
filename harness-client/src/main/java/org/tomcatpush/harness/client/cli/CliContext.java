package org.tomcatpush.harness.client.cli;

import java.io.PrintStream;

import org.tomcatpush.harness.client.run.Load;

/**
 * What the commands need from outside: where stdout and stderr go, and what makes a run's
 * sessions (the session engine, or a stand-in in tests). Immutable.
 */
record CliContext(PrintStream out, PrintStream err, Load.Factory loads) {
}
