package org.tomcatpush.harness.benchmarks.support;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;
import org.tomcatpush.harness.client.session.LoadGenerator;
import org.tomcatpush.harness.server.HarnessServer;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.ServerProbe;

/**
 * N subscribers of one push transport, opened with the harness's own load generator (the same
 * session state machines as {@code harness run}), against a server in this JVM. It publishes one
 * message through the server's {@link MessageHub} and waits until every subscriber has received
 * it, which is what the delivery benchmark times.
 *
 * <p>"Waiting" means the server holds a push for the subscriber (an SSE stream or WebSocket
 * session subscribed to the hub, or a long poll parked on it) and no worker thread is still busy
 * setting one up. The second half matters for long polls: a request subscribes to the hub while its
 * worker is still in the servlet, and it can take the first write only once Tomcat has called its
 * write listener, so a message published in between waits for that worker to be scheduled (on a
 * busy machine, milliseconds). Long-poll subscribers leave the waiting state with every message
 * and come back with their next request; {@link #awaitAllWaiting} waits for that.
 *
 * <p>Not thread safe: one benchmark thread drives it. The waits yield the CPU between checks, then
 * park (see {@code awaitUntil}); the delivery wait allocates nothing. Each wait has a time limit
 * and throws when it passes.
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

    /** How long a wait yields before it starts parking. */
    private static final long SPIN_NANOS = 100_000;
    /** How long each park of a longer wait lasts (the OS rounds it up, typically to 50-60 us). */
    private static final long PARK_NANOS = 20_000;

    private final MessageHub hub;
    private final ServerProbe probe;
    private final int subscribers;
    private final Transport transport;
    private final LoadGenerator generator;
    private final TransportRecorder recorder;
    private final BooleanSupplier allWaiting;
    private final BooleanSupplier allDelivered;
    private long expectedReceived;

    private SubscriberFleet(HarnessServer server, Transport transport, int subscribers, LoadGenerator generator,
                            TransportRecorder recorder) {
        this.hub = server.hub();
        this.probe = server.probe();
        this.transport = transport;
        this.subscribers = subscribers;
        this.generator = generator;
        this.recorder = recorder;
        this.allWaiting = () -> hub.subscriberCount() >= this.subscribers && probe.threads().busy() == 0;
        this.allDelivered = () -> this.recorder.messagesReceived() >= expectedReceived;
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
        SubscriberFleet fleet = new SubscriberFleet(server, transport, subscribers, generator,
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
        if (!awaitUntil(allWaiting, timeout)) {
            throw new IllegalStateException(hub.subscriberCount() + " of " + subscribers + " " + transport
                    + " subscribers were waiting (" + probe.threads().busy() + " worker threads busy) after "
                    + timeout.toMillis() + " ms: " + errorsNote());
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
        if (!awaitUntil(allDelivered, timeout)) {
            throw new IllegalStateException("message " + seq + " reached " + (recorder.messagesReceived()
                    - expectedReceived + subscribers) + " of " + subscribers + " " + transport
                    + " subscribers within " + timeout.toMillis() + " ms: " + errorsNote());
        }
        return seq;
    }

    /**
     * Checks {@code condition} until it holds or {@code timeout} passes: yielding for the first
     * {@value #SPIN_NANOS} ns (fine resolution for fast deliveries), then parking
     * {@value #PARK_NANOS} ns at a time so that a long wait leaves the cores to the server and the
     * clients.
     *
     * @return whether the condition held in time
     */
    private static boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        long startNanos = System.nanoTime();
        long timeoutNanos = timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long waitedNanos = System.nanoTime() - startNanos;
            if (waitedNanos > timeoutNanos) {
                return false;
            }
            if (waitedNanos < SPIN_NANOS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
        return true;
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
