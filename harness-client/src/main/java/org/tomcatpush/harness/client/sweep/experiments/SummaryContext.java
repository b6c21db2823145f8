package org.tomcatpush.harness.client.sweep.experiments;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.tomcatpush.harness.client.sweep.TimeText;

/**
 * Where and how the experiments were run, stated at the top of the summary. Immutable.
 *
 * @param command     the command that ran them
 * @param writtenAt   when the summary was written
 * @param machine     cores, OS, Java, load, and any note on the machine (e.g. shared, noisy)
 * @param sweepsWall  how long the sweeps took, start of the first to end of the last, when the caller
 *                    measured it ({@code scripts/experiments.sh} does); empty when unknown
 */
public record SummaryContext(String command, Instant writtenAt, String machine, Optional<Duration> sweepsWall) {

    /** A context without a measured wall time. */
    public SummaryContext(String command, Instant writtenAt, String machine) {
        this(command, writtenAt, machine, Optional.empty());
    }

    /** The wall time as the summary states it, e.g. {@code 14m for the sweeps (812 s)}; empty when unknown. */
    public Optional<String> wallTime() {
        return sweepsWall.map(d -> TimeText.of(d) + " for the sweeps (" + d.toSeconds() + " s)");
    }
}
