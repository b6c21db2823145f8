package org.tomcatpush.harness.server.probe;

import org.apache.catalina.util.ServerInfo;
import org.tomcatpush.harness.server.hub.PublishLag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders the probe as the {@code /harness/stats} JSON document described in docs/PROTOCOL.md.
 * Formatting only: every figure is read from {@link ServerProbe} at the moment of the call.
 */
public final class StatsReport {

    /** Shared, thread-safe once configured; enums are written by their command-line names. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);

    private StatsReport() {
    }

    /** Tomcat's version, such as {@code 11.0.27}. */
    public static String tomcatVersion() {
        String info = ServerInfo.getServerInfo();
        int slash = info.indexOf('/');
        return slash >= 0 ? info.substring(slash + 1) : info;
    }

    /**
     * Builds the document.
     *
     * @param withSeries add the sampled time series
     */
    public static ObjectNode render(ServerProbe probe, boolean withSeries) {
        long now = System.currentTimeMillis();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("timeMillis", now);
        root.put("uptimeMillis", now - probe.startedAtMillis());
        root.put("sinceResetMillis", now - probe.resetAtMillis());
        // a count no reset zeroes: the agents of a split run read it to prove the run saw exactly one
        root.putObject("resets").put("sinceStart", probe.resetsSinceStart());
        root.set("config", MAPPER.valueToTree(probe.config()));
        root.set("connector", MAPPER.valueToTree(probe.connectorAttributes()));
        root.put("tomcatVersion", tomcatVersion());

        ThreadsSnapshot threads = probe.threads();
        ObjectNode t = root.putObject("threads");
        t.put("busy", threads.busy());
        t.put("busyMetric", threads.busyMetric());
        t.put("poolSize", threads.poolSize());
        t.put("queueLength", threads.queueLength());
        t.put("maxThreads", threads.maxThreads());
        t.put("virtual", threads.virtual());

        ServerCounters counters = probe.counters();
        root.put("handlersInProgress", counters.handlersInProgress());

        ConnectionsSnapshot connections = probe.connections();
        ObjectNode c = root.putObject("connections");
        c.put("count", connections.count());
        c.put("pollerSockets", connections.pollerSockets());
        c.put("maxConnections", connections.maxConnections());

        ObjectNode async = root.putObject("asyncInFlight");
        for (Endpoint e : new Endpoint[] {Endpoint.POLL, Endpoint.LONGPOLL, Endpoint.SSE}) {
            async.put(e.key(), counters.asyncInFlight(e));
        }
        root.put("wsSessions", counters.wsSessions());

        ObjectNode requests = root.putObject("requests");
        ObjectNode bytes = root.putObject("bytesWritten");
        long requestsTotal = counters.requests(Endpoint.OTHER);
        long bytesTotal = 0;
        for (Endpoint e : Endpoint.TRANSPORTS) {
            requestsTotal += counters.requests(e);
            bytesTotal += counters.bytesWritten(e);
        }
        requests.put("total", requestsTotal);
        for (Endpoint e : Endpoint.TRANSPORTS) {
            requests.put(e.key(), counters.requests(e));
            bytes.put(e.key(), counters.bytesWritten(e));
        }
        requests.put(Endpoint.OTHER.key(), counters.requests(Endpoint.OTHER));
        bytes.put("total", bytesTotal);

        root.put("messagesPublished", probe.messagesPublished());
        root.put("lastSeq", probe.hub().lastSeq());

        PublishLag.Summary lag = probe.publisherLag();
        ObjectNode publisher = root.putObject("publisher");
        publisher.put("lagP50Ms", lag.p50Micros() / 1000.0);
        publisher.put("lagP99Ms", lag.p99Micros() / 1000.0);
        publisher.put("lagMaxMs", lag.maxMicros() / 1000.0);
        publisher.put("published", lag.published());

        SampledSummary sampled = probe.sampled();
        ObjectNode s = root.putObject("sampled");
        s.put("intervalMillis", sampled.intervalMs());
        s.put("samples", sampled.samples());
        s.put("seriesDropped", sampled.seriesDropped());
        s.put("samplerCpuMicros", sampled.samplerCpuMicros());
        s.set("busyThreads", MAPPER.valueToTree(sampled.busyThreads()));
        s.set("poolSize", MAPPER.valueToTree(sampled.poolSize()));
        s.set("queueLength", MAPPER.valueToTree(sampled.queueLength()));
        s.set("connections", MAPPER.valueToTree(sampled.connections()));
        s.set("pollerSockets", MAPPER.valueToTree(sampled.pollerSockets()));
        s.set("asyncInFlight", MAPPER.valueToTree(sampled.asyncInFlight()));
        s.set("wsSessions", MAPPER.valueToTree(sampled.wsSessions()));
        s.set("heapUsedBytes", MAPPER.valueToTree(sampled.heapUsedBytes()));
        s.set("rssBytes", MAPPER.valueToTree(sampled.rssBytes()));

        ObjectNode memory = root.putObject("memory");
        memory.put("heapUsedBytes", ProcessMemory.heapUsedBytes());
        memory.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
        memory.put("rssBytes", ProcessMemory.rssBytes());

        // the server's own cost (issue 11): its CPU time so far, read anew by every request
        ObjectNode process = root.putObject("process");
        process.put("cpuNanos", ProcessCpu.nanos());
        process.put("availableProcessors", Runtime.getRuntime().availableProcessors());

        ConnectionLedger.Summary ledger = probe.perConnection();
        ObjectNode p = root.putObject("perConnection");
        p.put("connectionsSeen", ledger.connectionsSeen());
        p.put("requests", ledger.requests());
        p.put("requestsPerConnectionMean", ledger.requestsPerConnectionMean());
        p.put("requestsPerConnectionMax", ledger.requestsPerConnectionMax());
        p.put("closedAtKeepAliveLimit", ledger.closedAtKeepAliveLimit());
        p.put("closedOther", ledger.closedOther());

        // connections seen since the reset by the client's address (agents bound to source addresses of their own)
        ObjectNode byAddress = root.putObject("connectionsByRemoteAddress");
        probe.connectionsByRemoteAddress().forEach(byAddress::put);

        ServerCloses closes = counters.closes();
        ObjectNode sc = root.putObject("serverCloses");
        for (ServerCloseCause cause : ServerCloseCause.values()) {
            sc.put(cause.key(), closes.count(cause));
        }
        sc.put("total", closes.total());

        if (withSeries) {
            ArrayNode series = root.putArray("series");
            for (Sample sample : probe.series()) {
                ObjectNode row = series.addObject();
                row.put("t", sample.timeMillis());
                row.put("busy", sample.busy());
                row.put("pool", sample.poolSize());
                row.put("queue", sample.queueLength());
                row.put("connections", sample.connections());
                row.put("pollerSockets", sample.pollerSockets());
                row.put("asyncInFlight", sample.asyncInFlight());
                row.put("wsSessions", sample.wsSessions());
                row.put("heapUsed", sample.heapUsedBytes());
                row.put("rss", sample.rssBytes());
            }
        }
        return root;
    }
}
