package org.tomcatpush.harness.client.sweep.experiments;

import java.time.Instant;

/**
 * Where and how the experiments were run, stated at the top of the summary. Immutable.
 *
 * @param command     the command that ran them
 * @param writtenAt   when the summary was written
 * @param machine     cores, OS, Java, load, and any note on the machine (e.g. shared, noisy)
 */
public record SummaryContext(String command, Instant writtenAt, String machine) {
}
