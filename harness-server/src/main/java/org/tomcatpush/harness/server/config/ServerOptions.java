package org.tomcatpush.harness.server.config;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The server's command-line flags, as a picocli mixin: {@code harness-server.jar} uses it alone and
 * {@code harness run} mixes it in, so both take the same flags with the same defaults. Defaults are
 * Tomcat's own where Tomcat has one. Time flags ({@code MS}) take milliseconds, as Tomcat's
 * attributes do, or a value with a unit ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; see
 * {@link TimeValue}). Mutable only while picocli fills it; {@link #toConfig()}
 * gives the validated, immutable {@link ServerConfig}.
 */
public final class ServerOptions {

    @Option(names = "--protocol", paramLabel = "nio|nio2", converter = ProtocolConverter.class,
            description = "Connector protocol: nio or nio2 (Tomcat default: nio). Default: ${DEFAULT-VALUE}.")
    Protocol protocol = Protocol.NIO;

    @Option(names = "--max-threads", paramLabel = "N",
            description = "Connector maxThreads: most worker threads (Tomcat default 200). Default: ${DEFAULT-VALUE}.")
    int maxThreads = 200;

    /** Tomcat's default; when unset and --max-threads is lower, Tomcat's own clamp to maxThreads applies. */
    static final int DEFAULT_MIN_SPARE_THREADS = 10;

    @Option(names = "--min-spare-threads", paramLabel = "N",
            description = "Connector minSpareThreads: threads always kept (Tomcat default 10). Default: 10, or --max-threads when that is lower.")
    Integer minSpareThreads;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connector maxConnections: connections accepted at once, -1 = unlimited (Tomcat default 8192). Default: ${DEFAULT-VALUE}.")
    int maxConnections = 8192;

    @Option(names = "--accept-count", paramLabel = "N",
            description = "Connector acceptCount: OS backlog of connections waiting to be accepted (Tomcat default 100). Default: ${DEFAULT-VALUE}.")
    int acceptCount = 100;

    @Option(names = "--connection-timeout", paramLabel = "MS", converter = MillisIntConverter.class,
            description = "Connector connectionTimeout: ms to wait for the request line, -1 = infinite (Tomcat default 60000). Default: ${DEFAULT-VALUE}.")
    int connectionTimeoutMs = 60_000;

    @Option(names = "--keep-alive-timeout", paramLabel = "MS", converter = MillisIntConverter.class,
            description = "Connector keepAliveTimeout: ms an idle kept-alive connection stays open, -1 = infinite (Tomcat default: the connection timeout). Default: the connection timeout.")
    Integer keepAliveTimeoutMs;

    @Option(names = "--max-keep-alive-requests", paramLabel = "N",
            description = "Connector maxKeepAliveRequests: requests per connection before Connection: close, -1 = unlimited, 1 = no keep-alive (Tomcat default 100). Default: ${DEFAULT-VALUE}.")
    int maxKeepAliveRequests = 100;

    @Option(names = "--async-timeout", paramLabel = "MS", converter = MillisLongConverter.class,
            description = "Connector asyncTimeout: default timeout of async requests, 0 = none (Tomcat default 30000); /sse and /longpoll set their own from --sse-timeout and --long-poll-hold. Default: ${DEFAULT-VALUE}.")
    long asyncTimeoutMs = 30_000;

    @Option(names = "--virtual-threads",
            description = "Connector useVirtualThreads: run requests on virtual threads; needs Java 21+ (Tomcat default false).")
    boolean virtualThreads;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port to bind, 0 = ephemeral (the LISTENING line tells which). Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--handler", paramLabel = "async|blocking|async-container", converter = HandlerModeConverter.class,
            description = "Push endpoints release the container thread while waiting (async) or hold it (blocking);"
                    + " async-container releases it too but writes through AsyncContext.start(), on Tomcat's worker"
                    + " threads (/ws then runs as async). Default: ${DEFAULT-VALUE}.")
    HandlerMode handler = HandlerMode.ASYNC;

    @Option(names = "--publish-rate", paramLabel = "PER_S",
            description = "Messages published per second, 0 = only on POST /harness/publish. Default: ${DEFAULT-VALUE}.")
    double publishRate = 1.0;

    @Option(names = "--payload-bytes", paramLabel = "BYTES",
            description = "Padding bytes in each message. Default: ${DEFAULT-VALUE}.")
    int payloadBytes = 64;

    @Option(names = "--sse-timeout", paramLabel = "MS", converter = MillisLongConverter.class,
            description = "An SSE response ends this long after it started, like Spring's SseEmitter(timeout); 0 = never. Default: ${DEFAULT-VALUE}.")
    long sseTimeoutMs = 0;

    @Option(names = "--sse-retry", paramLabel = "MS", converter = MillisIntConverter.class,
            description = "Send 'retry: MS' at the start of every SSE stream. Default: not sent (browsers then wait 3000 ms).")
    Integer sseRetryMs;

    @Option(names = "--sse-heartbeat", paramLabel = "MS", converter = MillisLongConverter.class,
            description = "Send a heartbeat comment on an SSE stream after this much silence, 0 = never. Default: ${DEFAULT-VALUE}.")
    long sseHeartbeatMs = 15_000;

    @Option(names = "--long-poll-hold", paramLabel = "MS", converter = MillisLongConverter.class,
            description = "A long poll with nothing new answers empty after this long. Default: ${DEFAULT-VALUE}.")
    long longPollHoldMs = 30_000;

    @Option(names = "--sample-interval", paramLabel = "MS", converter = MillisLongConverter.class,
            description = "Probe sampling period (busy threads, queue, connections), 0 = off. Default: ${DEFAULT-VALUE}.")
    long sampleIntervalMs = 100;

    @Option(names = "--ring-capacity", paramLabel = "N",
            description = "Messages kept so reconnecting sessions resume without loss. Default: ${DEFAULT-VALUE}.")
    int ringCapacity = 10_000;

    @Option(names = "--max-batch", paramLabel = "N",
            description = "Most messages in one poll or long-poll answer. Default: ${DEFAULT-VALUE}.")
    int maxBatch = 1000;

    @Option(names = "--control-port", paramLabel = "PORT",
            description = "Port of the control connector that serves /harness/* on its own small executor (same --host),"
                    + " 0 = ephemeral (the CONTROL line tells which). Default: ${DEFAULT-VALUE}.")
    int controlPort = 0;

    @Option(names = "--api", paramLabel = "servlet|spring", converter = ApiConverter.class,
            description = "Programming model of the push endpoints on the same Tomcat: the harness's Servlet async and"
                    + " JSR-356 code (servlet) or Spring MVC's SseEmitter, DeferredResult and WebSocketHandler (spring)."
                    + " Default: ${DEFAULT-VALUE}.")
    Api api = Api.SERVLET;

    /** Validates and freezes the flags. @throws ConfigException naming the bad flag */
    public ServerConfig toConfig() {
        int resolvedMinSpareThreads = minSpareThreads != null
                ? minSpareThreads
                : Math.min(DEFAULT_MIN_SPARE_THREADS, Math.max(1, maxThreads));
        return new ServerConfig(protocol, maxThreads, resolvedMinSpareThreads, maxConnections, acceptCount,
                connectionTimeoutMs, keepAliveTimeoutMs, maxKeepAliveRequests, asyncTimeoutMs, virtualThreads,
                host, port, handler, publishRate, payloadBytes, sseTimeoutMs, sseRetryMs, sseHeartbeatMs,
                longPollHoldMs, sampleIntervalMs, ringCapacity, maxBatch, controlPort, api);
    }

    /** The flags that give {@code config} back when parsed (used to start a server in another JVM). */
    public static List<String> toArgs(ServerConfig config) {
        List<String> args = new ArrayList<>();
        add(args, "--protocol", config.protocol().cliName());
        add(args, "--max-threads", config.maxThreads());
        add(args, "--min-spare-threads", config.minSpareThreads());
        add(args, "--max-connections", config.maxConnections());
        add(args, "--accept-count", config.acceptCount());
        add(args, "--connection-timeout", config.connectionTimeoutMs());
        if (config.keepAliveTimeoutMs() != null) {
            add(args, "--keep-alive-timeout", config.keepAliveTimeoutMs());
        }
        add(args, "--max-keep-alive-requests", config.maxKeepAliveRequests());
        add(args, "--async-timeout", config.asyncTimeoutMs());
        if (config.virtualThreads()) {
            args.add("--virtual-threads");
        }
        add(args, "--host", config.host());
        add(args, "--port", config.port());
        add(args, "--handler", config.handler().cliName());
        add(args, "--publish-rate", config.publishRate());
        add(args, "--payload-bytes", config.payloadBytes());
        add(args, "--sse-timeout", config.sseTimeoutMs());
        if (config.sseRetryMs() != null) {
            add(args, "--sse-retry", config.sseRetryMs());
        }
        add(args, "--sse-heartbeat", config.sseHeartbeatMs());
        add(args, "--long-poll-hold", config.longPollHoldMs());
        add(args, "--sample-interval", config.sampleIntervalMs());
        add(args, "--ring-capacity", config.ringCapacity());
        add(args, "--max-batch", config.maxBatch());
        add(args, "--control-port", config.controlPort());
        add(args, "--api", config.api().cliName());
        return args;
    }

    /**
     * Parses flags into options (not yet validated).
     *
     * @throws ConfigException for an unknown flag or a value of the wrong type
     */
    public static ServerOptions parse(String... args) {
        ServerOptions options = new ServerOptions();
        CommandLine cl = new CommandLine(new Holder(options));
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException(e.getMessage());
        }
        return options;
    }

    private static void add(List<String> args, String flag, Object value) {
        args.add(flag);
        args.add(String.valueOf(value));
    }

    @CommandLine.Command(name = "harness-server")
    private static final class Holder {
        @CommandLine.Mixin
        final ServerOptions options;

        Holder(ServerOptions options) {
            this.options = options;
        }
    }

    /** A time flag held in an {@code int} of milliseconds: a bare number of ms or a value with a unit. */
    static final class MillisIntConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long millis = MillisLongConverter.millis(value);
            if (millis > Integer.MAX_VALUE || millis < Integer.MIN_VALUE) {
                throw new CommandLine.TypeConversionException("'" + value.strip() + "' is too long: use at most "
                        + TimeValue.format(Integer.MAX_VALUE / 3_600_000 * 3_600_000L));
            }
            return (int) millis;
        }
    }

    /** A time flag held in a {@code long} of milliseconds: a bare number of ms or a value with a unit. */
    static final class MillisLongConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return millis(value);
        }

        static long millis(String value) {
            try {
                return TimeValue.serverMillis(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ProtocolConverter implements ITypeConverter<Protocol> {
        @Override
        public Protocol convert(String value) {
            for (Protocol p : Protocol.values()) {
                if (p.cliName().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a protocol: use nio or nio2");
        }
    }

    static final class HandlerModeConverter implements ITypeConverter<HandlerMode> {
        @Override
        public HandlerMode convert(String value) {
            for (HandlerMode h : HandlerMode.values()) {
                if (h.cliName().equalsIgnoreCase(value)) {
                    return h;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a handler mode: use async, blocking or async-container");
        }
    }

    static final class ApiConverter implements ITypeConverter<Api> {
        @Override
        public Api convert(String value) {
            for (Api a : Api.values()) {
                if (a.cliName().equalsIgnoreCase(value)) {
                    return a;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not an api: use servlet or spring");
        }
    }
}
