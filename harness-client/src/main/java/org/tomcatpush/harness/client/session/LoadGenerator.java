package org.tomcatpush.harness.client.session;

import java.util.Objects;

import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;

/** Opens and drives a run's sessions; thread-safe. */
public final class LoadGenerator implements AutoCloseable {

    private final Scenario scenario;
    private final RunRecorder recorder;

    public LoadGenerator(Scenario scenario, RunRecorder recorder) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** Starts the ramp-up and returns at once. */
    public void start() {
    }

    /** Sessions currently connected, all transports. */
    public int openSessions() {
        return 0;
    }

    /** Stops every session and closes its connections (counted as client closes); returns within about 5 s. */
    @Override
    public void close() {
    }
}
