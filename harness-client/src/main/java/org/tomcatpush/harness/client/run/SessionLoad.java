package org.tomcatpush.harness.client.run;

import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.session.EventLoopDelay;
import org.tomcatpush.harness.client.session.LoadGenerator;

/** The production {@link Load}: the session engine's {@link LoadGenerator}. */
final class SessionLoad implements Load {

    /** Makes a {@link LoadGenerator} per run. */
    static final Load.Factory FACTORY = SessionLoad::new;

    private final LoadGenerator generator;

    private SessionLoad(Scenario scenario, RunRecorder recorder) {
        this.generator = new LoadGenerator(scenario, recorder);
    }

    @Override
    public void prepare() {
        generator.prepare();
    }

    @Override
    public void start() {
        generator.start();
    }

    @Override
    public int openSessions() {
        return generator.openSessions();
    }

    @Override
    public EventLoopDelay.Summary eventLoopDelay() {
        return generator.eventLoopDelay();
    }

    @Override
    public void close() {
        generator.close();
    }
}
