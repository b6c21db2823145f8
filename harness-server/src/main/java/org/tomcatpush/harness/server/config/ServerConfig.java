package org.tomcatpush.harness.server.config;

/**
 * Every knob of harness-server, validated. Immutable. The first group maps one-to-one onto Tomcat
 * connector attributes (flag names are the attribute names in kebab case); the rest are the
 * harness's own.
 *
 * @param protocol             {@code nio} or {@code nio2} (Connector {@code protocol})
 * @param maxThreads           executor maximum threads (Connector {@code maxThreads})
 * @param minSpareThreads      executor core threads (Connector {@code minSpareThreads})
 * @param maxConnections       connections the endpoint accepts, -1 = unlimited ({@code maxConnections})
 * @param acceptCount          OS accept backlog ({@code acceptCount})
 * @param connectionTimeoutMs  time to wait for the request line after connect, -1 = infinite ({@code connectionTimeout})
 * @param keepAliveTimeoutMs   idle time of a kept-alive connection before the server closes it;
 *                             {@code null} = same as {@code connectionTimeoutMs}, as in Tomcat ({@code keepAliveTimeout})
 * @param maxKeepAliveRequests requests per connection before {@code Connection: close}, -1 = unlimited
 * @param asyncTimeoutMs       default timeout of async requests, 0 = none ({@code asyncTimeout});
 *                             /sse and /longpoll set their own from the harness knobs below
 * @param virtualThreads       run requests on virtual threads (Java 21+) ({@code useVirtualThreads})
 * @param host                 address to bind
 * @param port                 port to bind, 0 = ephemeral
 * @param handler              async, blocking or async-container push endpoints
 * @param publishRate          messages published per second, 0 = only on {@code POST /harness/publish}
 * @param payloadBytes         padding bytes in each message
 * @param sseTimeoutMs         an SSE response ends this long after it started, 0 = never
 * @param sseRetryMs           the SSE {@code retry:} field, {@code null} = not sent
 * @param sseHeartbeatMs       a heartbeat comment after this much silence on a stream, 0 = none
 * @param longPollHoldMs       a long poll with nothing to say answers empty after this long
 * @param sampleIntervalMs     probe sampling period, 0 = sampler off
 * @param ringCapacity         messages kept for resuming sessions
 * @param maxBatch             most messages in one poll or long-poll answer
 * @param controlPort          port of the control connector ({@code /harness/*}, its own small
 *                             executor, same {@code host}), 0 = ephemeral
 * @param api                  the programming model of the push endpoints: Servlet async or Spring MVC
 */
public record ServerConfig(
        Protocol protocol,
        int maxThreads,
        int minSpareThreads,
        int maxConnections,
        int acceptCount,
        int connectionTimeoutMs,
        Integer keepAliveTimeoutMs,
        int maxKeepAliveRequests,
        long asyncTimeoutMs,
        boolean virtualThreads,
        String host,
        int port,
        HandlerMode handler,
        double publishRate,
        int payloadBytes,
        long sseTimeoutMs,
        Integer sseRetryMs,
        long sseHeartbeatMs,
        long longPollHoldMs,
        long sampleIntervalMs,
        int ringCapacity,
        int maxBatch,
        int controlPort,
        Api api) {

    public ServerConfig {
        require(protocol != null, "--protocol is missing: use nio or nio2");
        require(handler != null, "--handler is missing: use async, blocking or async-container");
        require(api != null, "--api is missing: use servlet or spring");
        // Spring MVC runs a DeferredResult or an SseEmitter on its own terms: there is no AsyncContext.start() to choose
        require(!(api == Api.SPRING && handler == HandlerMode.ASYNC_CONTAINER), "--handler async-container is a"
                + " Servlet async mode and has no meaning with --api spring: use async or blocking");
        require(maxThreads >= 1, "--max-threads must be at least 1 (got " + maxThreads + ")");
        require(minSpareThreads >= 0, "--min-spare-threads must be 0 or more (got " + minSpareThreads + ")");
        require(minSpareThreads <= maxThreads, "--min-spare-threads (" + minSpareThreads
                + ") must not exceed --max-threads (" + maxThreads + ")");
        require(maxConnections == -1 || maxConnections >= 1,
                "--max-connections must be at least 1, or -1 for unlimited (got " + maxConnections + ")");
        require(acceptCount >= 1, "--accept-count must be at least 1 (got " + acceptCount + ")");
        require(connectionTimeoutMs == -1 || connectionTimeoutMs >= 1,
                "--connection-timeout must be at least 1 ms, or -1 for infinite (got " + connectionTimeoutMs + ")");
        require(keepAliveTimeoutMs == null || keepAliveTimeoutMs == -1 || keepAliveTimeoutMs >= 1,
                "--keep-alive-timeout must be at least 1 ms, or -1 for infinite (got " + keepAliveTimeoutMs + ")");
        require(maxKeepAliveRequests == -1 || maxKeepAliveRequests >= 1,
                "--max-keep-alive-requests must be at least 1, or -1 for unlimited (got " + maxKeepAliveRequests + ")");
        require(asyncTimeoutMs >= 0, "--async-timeout must be 0 (none) or more (got " + asyncTimeoutMs + ")");
        require(host != null && !host.isBlank(), "--host is empty: give an address such as 127.0.0.1");
        require(port >= 0 && port <= 65535, "--port must be between 0 and 65535 (got " + port + ")");
        require(publishRate >= 0 && Double.isFinite(publishRate),
                "--publish-rate must be 0 (on demand only) or more messages/s (got " + publishRate + ")");
        require(payloadBytes >= 0 && payloadBytes <= 1_048_576,
                "--payload-bytes must be between 0 and 1048576 (got " + payloadBytes + ")");
        require(sseTimeoutMs >= 0, "--sse-timeout must be 0 (never) or more ms (got " + sseTimeoutMs + ")");
        require(sseRetryMs == null || sseRetryMs >= 0, "--sse-retry must be 0 or more ms (got " + sseRetryMs + ")");
        require(sseHeartbeatMs >= 0, "--sse-heartbeat must be 0 (none) or more ms (got " + sseHeartbeatMs + ")");
        require(longPollHoldMs >= 1, "--long-poll-hold must be at least 1 ms (got " + longPollHoldMs + ")");
        require(sampleIntervalMs >= 0, "--sample-interval must be 0 (off) or more ms (got " + sampleIntervalMs + ")");
        require(ringCapacity >= 1, "--ring-capacity must be at least 1 (got " + ringCapacity + ")");
        require(maxBatch >= 1, "--max-batch must be at least 1 (got " + maxBatch + ")");
        require(controlPort >= 0 && controlPort <= 65535,
                "--control-port must be between 0 and 65535 (got " + controlPort + ")");
        require(controlPort == 0 || controlPort != port, "--control-port must differ from --port (both "
                + port + "): the control connector needs a port of its own, 0 for an ephemeral one");
        if (virtualThreads && Runtime.version().feature() < 21) {
            throw new ConfigException("--virtual-threads needs Java 21 or later, but this server runs on Java "
                    + Runtime.version().feature() + ": start it with a newer java (harness run --server-java PATH)");
        }
    }

    /** Every knob at its default (Tomcat's own where Tomcat has one). */
    public static ServerConfig defaults() {
        return new ServerOptions().toConfig();
    }

    /**
     * Parses command-line flags.
     *
     * @throws ConfigException with a one-line message for an unknown flag or a bad value
     */
    public static ServerConfig parse(String... args) {
        return ServerOptions.parse(args).toConfig();
    }

    /** The keep-alive timeout Tomcat will use: its own, or the connection timeout when unset. */
    public int effectiveKeepAliveTimeoutMs() {
        return keepAliveTimeoutMs != null ? keepAliveTimeoutMs : connectionTimeoutMs;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }
}
