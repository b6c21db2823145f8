package org.tomcatpush.harness.client.run;

import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.session.EventLoopDelay;

/**
 * The sessions of a run, as the run drives them: the session engine's {@code LoadGenerator} in
 * production. The seam lets the run be tested without opening sessions.
 */
public interface Load extends AutoCloseable {

    /**
     * Sets up what the ramp-up needs (the HTTP client, the sessions) without opening a connection,
     * so that a {@link #start()} after a wait for {@code --start-at} begins at once. Optional:
     * {@link #start()} prepares a load not prepared yet.
     */
    default void prepare() {
    }

    /** Starts the ramp-up and returns at once. */
    void start();

    /** Sessions connected now, all transports. */
    int openSessions();

    /** How late the load's event loops ran since it started; unknown for a load without any. */
    default EventLoopDelay.Summary eventLoopDelay() {
        return EventLoopDelay.Summary.UNKNOWN;
    }

    /** Stops every session; returns within a few seconds. */
    @Override
    void close();

    /** Makes the load of a scenario, recording into a run recorder. */
    @FunctionalInterface
    interface Factory {
        Load create(Scenario scenario, RunRecorder recorder);
    }
}
