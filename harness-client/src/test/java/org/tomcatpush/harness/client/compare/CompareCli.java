package org.tomcatpush.harness.client.compare;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.tomcatpush.harness.client.cli.CompareCommand;

import picocli.CommandLine;

/** Runs {@code harness compare} in-process and keeps its exit status, stdout and stderr. */
record CompareCli(int exit, String out, String err) {

    static CompareCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CompareCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CompareCli(exit, out.toString(), err.toString());
    }
}
