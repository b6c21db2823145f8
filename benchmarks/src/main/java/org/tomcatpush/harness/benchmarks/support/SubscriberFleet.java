package org.tomcatpush.harness.benchmarks.support;

import java.net.URI;
import java.time.Duration;

import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;
import org.tomcatpush.harness.client.session.LoadGenerator;
import org.tomcatpush.harness.server.HarnessServer;
import org.tomcatpush.harness.server.hub.MessageHub;

/**
 * N subscribers of one push transport, opened with the harness's own load generator (the same
 * session state machines as {@code harness run}), against a server in this JVM. It publishes one
 * message through the server's {@link MessageHub} and waits until every subscriber has received
 * it, which is what the delivery benchmark times.
 *
 * <p>"Waiting" means the server holds a push for the subscriber: an SSE stream or WebSocket
 * session that is subscribed to the hub, or a long poll parked on it. Long-poll subscribers leave
 * that state with every message and come back with their next request; {@link #awaitAllWaiting}
 * waits for that. Not thread safe: one benchmark thread drives it. The waits yield the CPU
 * between checks and allocate nothing; each has a time limit and throws when it passes.
 *
 * <pre>
 * try (SubscriberFleet fleet = SubscriberFleet.open(server, Transport.SSE, 100, Duration.ofSeconds(60))) {
 *     fleet.awaitAllWaiting(timeout);
 *     fleet.publishAndAwaitDelivery(timeout);
 * }
 * </pre>
 */
public final class SubscriberFleet implements AutoCloseable {

    /** Sessions open over this much time per subscriber, so that 1,000 connects do not burst the accept backlog. */
    private static final Duration RAMP_UP_PER_SUBSCRIBER = Duration.ofMillis(1);

    private final MessageHub hub;
    private final int subscribers;
    private final Transport transport;
    private final LoadGenerator generator;
    private final TransportRecorder recorder;
    private long expectedReceived;

    private SubscriberFleet(MessageHub hub, Transport transport, int subscribers, LoadGenerator generator,
                            TransportRecorder recorder) {
        this.hub = hub;
        this.transport = transport;
        this.subscribers = subscribers;
        this.generator = generator;
        this.recorder = recorder;
    }

    /**
     * Opens {@code subscribers} sessions of {@code transport} and returns once the server holds all
     * of them.
     *
     * @param server a server whose push endpoints run in async mode (the default), so that every
     *               waiting subscriber is subscribed to the hub
     * @throws IllegalStateException when they are not all waiting within {@code timeout}
     */
    public static SubscriberFleet open(HarnessServer server, Transport transport, int subscribers, Duration timeout) {
        if (subscribers < 1) {
            throw new IllegalArgumentException("subscribers must be at least 1 (got " + subscribers + ")");
        }
        if (transport == Transport.SHORT_POLL) {
            throw new IllegalArgumentException("short poll has no subscribers to push to: use sse, ws or long-poll");
        }
        Scenario scenario = scenario(server.baseUri(), transport, subscribers,
                server.config().maxKeepAliveRequests());
        RunRecorder runRecorder = new RunRecorder(scenario.mix());
        LoadGenerator generator = new LoadGenerator(scenario, runRecorder);
        SubscriberFleet fleet = new SubscriberFleet(server.hub(), transport, subscribers, generator,
                runRecorder.forTransport(transport));
        try {
            generator.start();
            fleet.awaitAllWaiting(timeout);
            return fleet;
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
    }

    /**
     * Returns once every subscriber is waiting for the next message.
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    public void awaitAllWaiting(Duration timeout) {
        if (hub.subscriberCount() >= subscribers) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (hub.subscriberCount() < subscribers) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(hub.subscriberCount() + " of " + subscribers + " " + transport
                        + " subscribers were waiting after " + timeout.toMillis() + " ms: " + errorsNote());
            }
            Thread.yield();
        }
    }

    /**
     * Publishes one message and returns once every subscriber has received it.
     *
     * @return the message's sequence number
     * @throws IllegalStateException when not every subscriber has it within {@code timeout}
     */
    public long publishAndAwaitDelivery(Duration timeout) {
        expectedReceived += subscribers;
        long seq = hub.publish(1);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (recorder.messagesReceived() < expectedReceived) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("message " + seq + " reached " + (recorder.messagesReceived()
                        - expectedReceived + subscribers) + " of " + subscribers + " " + transport
                        + " subscribers within " + timeout.toMillis() + " ms: " + errorsNote());
            }
            Thread.yield();
        }
        return seq;
    }

    /** The subscribers' recorder (messages, latency, connections), for checks after the run. */
    public TransportRecorder recorder() {
        return recorder;
    }

    /** Closes every subscriber's connection; returns within a few seconds. */
    @Override
    public void close() {
        generator.close();
    }

    private String errorsNote() {
        var counters = recorder.counters();
        return "client errors " + counters.errors() + ", connect failures " + counters.connectFailuresTotal()
                + ", open sessions " + generator.openSessions();
    }

    private static Scenario scenario(URI target, Transport transport, int subscribers, int serverMaxKeepAliveRequests) {
        return new Scenario(target, TransportMix.of(transport), subscribers,
                RAMP_UP_PER_SUBSCRIBER.multipliedBy(subscribers), Duration.ofDays(1), Duration.ofSeconds(1),
                false, 1, Duration.ofMillis(100), 1, Duration.ofSeconds(10), serverMaxKeepAliveRequests);
    }
}
