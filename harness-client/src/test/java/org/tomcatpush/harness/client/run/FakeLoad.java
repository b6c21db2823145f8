package org.tomcatpush.harness.client.run;

import java.util.concurrent.atomic.AtomicInteger;

import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * A {@link Load} that opens no connection: every 20 ms it records one request and one message
 * (latency 2 ms) per transport of the scenario, so the run's plumbing can be checked against
 * known counts without a server or the session engine.
 */
class FakeLoad implements Load {

    private final Scenario scenario;
    private final RunRecorder recorder;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running = true;
    private Thread worker;

    FakeLoad(Scenario scenario, RunRecorder recorder) {
        this.scenario = scenario;
        this.recorder = recorder;
    }

    @Override
    public void start() {
        worker = new Thread(() -> {
            for (Transport t : scenario.mix().transports()) {
                TransportRecorder r = recorder.forTransport(t);
                r.sessionOpened();
                r.sessionOpenedFirstTime();
                r.connectionOpened();
                open.incrementAndGet();
            }
            while (running) {
                for (Transport t : scenario.mix().transports()) {
                    TransportRecorder r = recorder.forTransport(t);
                    r.requestSent(100);
                    r.bytesReceived(150);
                    r.messageReceived(2_000);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fake-load");
        worker.start();
    }

    @Override
    public int openSessions() {
        return open.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            if (worker != null) {
                worker.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Transport t : scenario.mix().transports()) {
            TransportRecorder r = recorder.forTransport(t);
            r.connectionClosed(CloseCause.CLIENT, r.counters().requests());
            r.sessionClosed();
        }
        open.set(0);
    }
}
