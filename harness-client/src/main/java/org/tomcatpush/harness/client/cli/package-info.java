/**
 * The {@code harness} command line, and every command of it: one picocli class per command
 * ({@link org.tomcatpush.harness.client.cli.HarnessCli} is the entry point; {@code RunCommand},
 * {@code ServerCommand}, {@code SweepCommand}, {@code ReportCommand}, {@code CompareCommand} with
 * {@code MediansCommand}, {@code ExperimentsCommand}, {@code JmhReportCommand}). A command parses
 * its options and calls the package that does the work ({@code run}, {@code sweep},
 * {@code sweep.experiments}, {@code report}, {@code compare}, {@code jmh}); its exit status is one
 * of {@link org.tomcatpush.harness.client.ExitStatus}, and bad input is one line on stderr.
 */
package org.tomcatpush.harness.client.cli;
