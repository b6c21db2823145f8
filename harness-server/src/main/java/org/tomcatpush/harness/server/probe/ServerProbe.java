package org.tomcatpush.harness.server.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.hub.PublishLag;

/**
 * Everything the server knows about its own load: live counters, the per-connection ledger, the
 * connector's threads and connections, and the sampler. {@link #install(Context)} hooks the ledger
 * into Tomcat before start; {@link #attach(Connector)} starts reading the connector after start.
 * {@code /harness/stats} renders {@link StatsReport} from it; tests read it in-process, which also
 * works while every worker thread is held.
 */
public final class ServerProbe implements AutoCloseable {

    private final ServerConfig config;
    private final MessageHub hub;
    private final Map<String, String> connectorAttributes;
    private final ServerCounters counters = new ServerCounters();
    private final ConnectionLedger ledger;
    private final long startedAtMillis = System.currentTimeMillis();
    private volatile long resetAtMillis = startedAtMillis;
    private volatile long lastSeqAtReset;
    /** {@code POST /harness/reset}s since the server started; never zeroed, so agents can tell how many a run saw. */
    private final AtomicLong resetsSinceStart = new AtomicLong();
    private volatile ConnectorProbe connector;
    private volatile Sampler sampler;

    /**
     * @param connectorAttributes the Tomcat connector attributes the server applied, for the report
     */
    public ServerProbe(ServerConfig config, MessageHub hub, Map<String, String> connectorAttributes) {
        this.config = config;
        this.hub = hub;
        this.connectorAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(connectorAttributes));
        this.ledger = new ConnectionLedger(config.maxKeepAliveRequests(), config.effectiveKeepAliveTimeoutMs(),
                counters.closes());
        this.lastSeqAtReset = hub.lastSeq();
    }

    /** Adds the request ledger to a context's pipeline; call before the server starts. */
    public void install(Context context) {
        context.getPipeline().addValve(new LedgerValve(counters, ledger));
    }

    /** Starts reading the (started) connector and, when configured, the sampler. */
    public void attach(Connector connector) {
        ConnectorProbe probe = new ConnectorProbe(connector, counters);
        this.connector = probe;
        this.sampler = new Sampler(config.sampleIntervalMs(), probe, counters);
    }

    /** The counters the endpoints update. */
    public ServerCounters counters() {
        return counters;
    }

    /**
     * The workload connector's worker threads now (a stats request runs on the control connector,
     * so it is never among them).
     */
    public ThreadsSnapshot threads() {
        return requireAttached().threads();
    }

    /** Connections now. */
    public ConnectionsSnapshot connections() {
        return requireAttached().connections();
    }

    /** Per-connection totals since the last reset. */
    public ConnectionLedger.Summary perConnection() {
        return ledger.summary();
    }

    /** Connections seen since the last reset by the client's address, in address order. */
    public Map<String, Long> connectionsByRemoteAddress() {
        return ledger.connectionsByRemoteAddress();
    }

    /** Messages published since the last reset. */
    public long messagesPublished() {
        return hub.lastSeq() - lastSeqAtReset;
    }

    /** How late messages went out against their intended publish time, since the last reset. */
    public PublishLag.Summary publisherLag() {
        return hub.publishLag().summary();
    }

    /** The sampled summaries since the last reset. */
    public SampledSummary sampled() {
        return requireSampler().summary();
    }

    /** The sampled time series, oldest first. */
    public List<Sample> series() {
        return requireSampler().series();
    }

    /**
     * Zeroes counters, histograms (the publisher's lag too), the ledger and the series; the sequence
     * goes on, and so does {@link #resetsSinceStart()}, which counts this reset.
     */
    public void reset() {
        counters.reset();
        ledger.reset();
        hub.publishLag().reset();
        Sampler s = sampler;
        if (s != null) {
            s.reset();
        }
        lastSeqAtReset = hub.lastSeq();
        resetAtMillis = System.currentTimeMillis();
        resetsSinceStart.incrementAndGet();
    }

    /** Resets ({@code POST /harness/reset}) since the server started: never itself reset. */
    public long resetsSinceStart() {
        return resetsSinceStart.get();
    }

    ServerConfig config() {
        return config;
    }

    MessageHub hub() {
        return hub;
    }

    Map<String, String> connectorAttributes() {
        return connectorAttributes;
    }

    long startedAtMillis() {
        return startedAtMillis;
    }

    long resetAtMillis() {
        return resetAtMillis;
    }

    @Override
    public void close() {
        Sampler s = sampler;
        if (s != null) {
            s.close();
        }
    }

    private ConnectorProbe requireAttached() {
        ConnectorProbe probe = connector;
        if (probe == null) {
            throw new IllegalStateException("the probe is not attached to a started connector yet");
        }
        return probe;
    }

    private Sampler requireSampler() {
        Sampler s = sampler;
        if (s == null) {
            throw new IllegalStateException("the probe is not attached to a started connector yet");
        }
        return s;
    }
}
