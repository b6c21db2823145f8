package org.tomcatpush.harness.client.run;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.management.remote.JMXServiceURL;

import org.tomcatpush.harness.client.launch.NginxConfig;
import org.tomcatpush.harness.client.launch.OpenFileBudget;
import org.tomcatpush.harness.client.launch.ProxySettings;
import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.JmxGuard;
import org.tomcatpush.harness.client.launch.TargetGuard;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.scenario.AgentSlice;
import org.tomcatpush.harness.client.scenario.RequestConnectionHeader;
import org.tomcatpush.harness.client.scenario.Endpoints;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;
import org.tomcatpush.harness.client.thresholds.Threshold;
import org.tomcatpush.harness.server.config.ConfigException;
import org.tomcatpush.harness.server.config.HandlerMode;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.config.ServerOptions;

/**
 * A validated {@code harness run}: the scenario's inputs, where results go, and either how to
 * start the server or which running server to drive. Immutable; the constructor refuses bad
 * input with a {@link ConfigException} whose one-line message names the option and the fix.
 *
 * @param name               the run's name, already sanitised for a folder name
 * @param outDir             where run folders are created
 * @param target             a running server to drive, or {@code null} to start one
 * @param allowRemote        allow a non-loopback target
 * @param serverConfig       the server to start ({@code null} with a target); with
 *                           {@code virtualThreads} its own flag is false, see below
 * @param virtualThreads     start the server with {@code --virtual-threads}; kept apart because
 *                           {@link ServerConfig} refuses the flag on a client JVM older than 21,
 *                           while the server may run on another Java ({@code serverJava})
 * @param serverJava         the {@code java} that runs the server
 * @param serverHeap         the server's {@code -Xmx}, or {@code null}
 * @param listenTimeout      how long the server may take to print {@code LISTENING}
 * @param commandLine        the arguments as given, for run.json
 * @param requestTimeout     {@code --request-timeout}: how long a poll may wait for its answer (0 =
 *                           forever), or {@code null} for the default of {@link Scenario#requestTimeout}
 * @param thresholds         the {@code --threshold}s, judged on the summary rows when the run ends
 * @param proxy              the reverse proxy between the sessions and the server ({@code --proxy});
 *                           {@link ProxySettings#DIRECT} for none
 * @param connectionHeader   the {@code Connection} header of the sessions' requests
 *                           ({@code --request-connection-header})
 * @param endpoints          the target's paths and protocol: harness-server's own, or a foreign
 *                           application's ({@code --endpoints}, which needs {@code --target})
 * @param jmx                Tomcat's JMX connector to read the server-side figures from
 *                           ({@code --jmx}), or {@code null} for none
 * @param agent              which slice of the {@code sessions} this process runs ({@code --agent
 *                           I/N}, which needs a target all agents share); {@link AgentSlice#WHOLE}
 * @param startAt            when the ramp-up starts ({@code --start-at}, the same instant for every
 *                           agent), or {@code null} for as soon as the server answered
 */
public record RunPlan(String name, Path outDir, TransportMix mix, int sessions, Duration rampUp, Duration duration,
        Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
        int sourceAddresses, Duration connectTimeout, URI target, boolean allowRemote, ServerConfig serverConfig,
        boolean virtualThreads, Path serverJava, String serverHeap, Duration listenTimeout, List<String> commandLine,
        Duration requestTimeout,
        List<Threshold> thresholds, ProxySettings proxy, RequestConnectionHeader connectionHeader,
        Endpoints endpoints, JMXServiceURL jmx, AgentSlice agent, Instant startAt) {

    /** Most source addresses: 127.0.0.1 .. 127.0.0.254. */
    public static final int MAX_SOURCE_ADDRESSES = 254;

    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

    public RunPlan {
        require(!name.isEmpty() && name.equals(ResultsFolder.sanitize(name)),
                "--name '" + name + "' is not usable in a folder name: use letters, digits, '.', '_', '-', '=' or ','");
        require(!Files.exists(outDir) || Files.isDirectory(outDir),
                "--out " + outDir + " is a file, not a folder: give a folder (it is created if missing)");
        require(sessions >= 1, "--sessions must be at least 1 (got " + sessions + ")");
        require(!duration.isZero(), "--duration must be more than 0: write e.g. 30s");
        require(rampUp.compareTo(duration) <= 0, "--ramp-up (" + rampUp.toMillis() + " ms) must not be longer than"
                + " --duration (" + duration.toMillis() + " ms), which counts from the start of the ramp-up");
        require(!pollInterval.isZero(), "--poll-interval must be more than 0: write e.g. 1s or 250ms");
        // only short polls keep the interval: an SSE run shorter than the default 1s interval is fine
        require(!mix.transports().contains(Transport.SHORT_POLL) || pollInterval.compareTo(duration) <= 0,
                "--poll-interval (" + pollInterval.toMillis() + " ms) is longer than --duration ("
                        + duration.toMillis() + " ms): each short-poll session would poll at most once, or never;"
                        + " write a shorter --poll-interval or a longer --duration");
        require(sessionsPerBrowser >= 1, "--sessions-per-browser must be at least 1 (got " + sessionsPerBrowser + ")");
        require(browser || sessionsPerBrowser == 1,
                "--sessions-per-browser needs --browser: add --browser or drop --sessions-per-browser");
        require(sourceAddresses >= 1 && sourceAddresses <= MAX_SOURCE_ADDRESSES, "--source-addresses must be"
                + " between 1 and " + MAX_SOURCE_ADDRESSES + " (127.0.0.1 .. 127.0.0.N), got " + sourceAddresses);
        require(!connectTimeout.isZero(), "--connect-timeout must be more than 0: write e.g. 5s");
        require(!listenTimeout.isZero(), "--listen-timeout must be more than 0: write e.g. 30s");
        if (target != null) {
            TargetGuard.check(target, allowRemote);
            require(sourceAddresses == 1 || TargetGuard.isLoopback(target),
                    "--source-addresses spreads connections over 127.0.0.x, which only reach a loopback target:"
                            + " drop it for " + target);
            require(serverConfig == null && !virtualThreads, "a plan with --target starts no server");
        } else {
            require(serverConfig != null, "a plan without --target needs a server configuration");
            require(TargetGuard.permits(bindTarget(serverConfig.host()), allowRemote), "--host " + serverConfig.host()
                    + " is not a loopback address: the harness only loads 127.0.0.0/8, ::1 and localhost"
                    + " unless you add --allow-remote");
            require(Files.isRegularFile(serverJava) && Files.isExecutable(serverJava), "--server-java " + serverJava
                    + " is not an executable file: give the path of a java binary, e.g. "
                    + "/usr/lib/jvm/JDK/bin/java");
            require(serverHeap == null || HEAP.matcher(serverHeap).matches(),
                    "--server-heap '" + serverHeap + "' is not a heap size: write e.g. 512m or 2g");
            // WebSocket has no AsyncContext to start work on: /ws would run as async, mislabelled
            require(serverConfig.handler() != HandlerMode.ASYNC_CONTAINER || !mix.transports().contains(Transport.WS),
                    "--handler async-container has no meaning for ws (WebSocket has no AsyncContext.start()):"
                            + " use async or blocking for ws, or drop ws from --transport");
        }
        commandLine = List.copyOf(commandLine);
        thresholds = List.copyOf(thresholds);
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(connectionHeader, "connectionHeader");
        Objects.requireNonNull(endpoints, "endpoints");
        if (endpoints.foreign()) {
            require(target != null, "--endpoints gives the paths of an application run drives with --target:"
                    + " add --target URL, or drop --endpoints");
            endpoints.requireCovers(mix);
            require(!proxy.enabled(), "--proxy has no meaning with --endpoints (the proxy is set up for"
                    + " harness-server): drop one of them");
        }
        if (jmx != null) {
            require(endpoints.foreign(), "--jmx reads the Tomcat MBeans of an application driven with --target and"
                    + " --endpoints; harness-server reports its own figures: add --endpoints, or drop --jmx");
            JmxGuard.check(jmx, allowRemote);
        }
        Objects.requireNonNull(agent, "agent");
        require(agent.whole() || target != null, agentWithoutTarget(agent));
        require(agent.sessions(mix, sessions) >= 1, "--agent " + agent + " gets no session of --sessions " + sessions
                + ": run at least " + agent.count() + " sessions, or fewer agents");
        // agent I binds 127.0.0.(1 + I*K) .. 127.0.0.((I + 1)*K): the N agents' ranges must all fit in 127.0.0.x
        require(agent.whole() || target == null || !TargetGuard.isLoopback(target)
                || (long) agent.count() * sourceAddresses <= MAX_SOURCE_ADDRESSES, "--source-addresses "
                + sourceAddresses + " with --agent " + agent + ": each of the " + agent.count() + " agents takes "
                + sourceAddresses + " addresses of its own, " + (long) agent.count() * sourceAddresses
                + " in all, and there are " + MAX_SOURCE_ADDRESSES + " (127.0.0.1 .. 127.0.0." + MAX_SOURCE_ADDRESSES
                + "): " + (agent.count() > MAX_SOURCE_ADDRESSES ? "run at most " + MAX_SOURCE_ADDRESSES
                        + " agents against a loopback target" : "give at most " + MAX_SOURCE_ADDRESSES / agent.count()
                        + " per agent"));
        // each agent starts a proxy of its own, for its own slice
        require(!proxy.enabled() || agent.sessions(mix, sessions) <= NginxConfig.MAX_SESSIONS, "--proxy nginx"
                + " carries at most " + NginxConfig.MAX_SESSIONS + " sessions (its worker_connections "
                + NginxConfig.WORKER_CONNECTIONS + ", two per session), got --sessions " + sessions
                + (agent.whole() ? "" : " (" + agent.sessions(mix, sessions) + " for agent " + agent + ")")
                + ": run fewer sessions or drop --proxy");
    }

    /** A plan of one process that starts its ramp-up at once (no {@code --agent}, no {@code --start-at}). */
    public RunPlan(String name, Path outDir, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, URI target, boolean allowRemote, ServerConfig serverConfig,
            boolean virtualThreads, Path serverJava, String serverHeap, Duration listenTimeout, List<String> commandLine,
            Duration requestTimeout, List<Threshold> thresholds, ProxySettings proxy,
            RequestConnectionHeader connectionHeader, Endpoints endpoints, JMXServiceURL jmx) {
        this(name, outDir, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser,
                sseReconnectDelay, sourceAddresses, connectTimeout, target, allowRemote, serverConfig, virtualThreads,
                serverJava, serverHeap, listenTimeout, commandLine, requestTimeout, thresholds, proxy,
                connectionHeader, endpoints, jmx, AgentSlice.WHOLE, null);
    }

    /** Why {@code --agent} needs {@code --target}: the agents of one run share its server. */
    public static String agentWithoutTarget(AgentSlice agent) {
        return "--agent " + agent + " runs a slice of a run whose agents share one server: add --target URL (the"
                + " server every agent drives)";
    }

    /** The sessions this process opens: its agent's slice of {@code sessions}. */
    public int processSessions() {
        return agent.sessions(mix, sessions);
    }

    /** A plan against harness-server's own endpoints, without JMX. */
    public RunPlan(String name, Path outDir, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, URI target, boolean allowRemote, ServerConfig serverConfig,
            boolean virtualThreads, Path serverJava, String serverHeap, Duration listenTimeout,
            List<String> commandLine, Duration requestTimeout, List<Threshold> thresholds, ProxySettings proxy,
            RequestConnectionHeader connectionHeader) {
        this(name, outDir, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser,
                sseReconnectDelay, sourceAddresses, connectTimeout, target, allowRemote, serverConfig, virtualThreads,
                serverJava, serverHeap, listenTimeout, commandLine, requestTimeout, thresholds, proxy,
                connectionHeader, Endpoints.HARNESS, null);
    }

    /** A plan whose requests carry the {@code Connection} header of {@link RequestConnectionHeader#defaultFor}. */
    public RunPlan(String name, Path outDir, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, URI target, boolean allowRemote, ServerConfig serverConfig,
            boolean virtualThreads, Path serverJava, String serverHeap, Duration listenTimeout,
            List<String> commandLine, Duration requestTimeout, List<Threshold> thresholds, ProxySettings proxy) {
        this(name, outDir, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser,
                sseReconnectDelay, sourceAddresses, connectTimeout, target, allowRemote, serverConfig, virtualThreads,
                serverJava, serverHeap, listenTimeout, commandLine, requestTimeout, thresholds, proxy,
                RequestConnectionHeader.defaultFor(browser));
    }

    /** A plan without a proxy. */
    public RunPlan(String name, Path outDir, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, URI target, boolean allowRemote, ServerConfig serverConfig,
            boolean virtualThreads, Path serverJava, String serverHeap, Duration listenTimeout,
            List<String> commandLine, Duration requestTimeout, List<Threshold> thresholds) {
        this(name, outDir, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser,
                sseReconnectDelay, sourceAddresses, connectTimeout, target, allowRemote, serverConfig, virtualThreads,
                serverJava, serverHeap, listenTimeout, commandLine, requestTimeout, thresholds, ProxySettings.DIRECT);
    }

    /** The target is a foreign application ({@code --endpoints}): no {@code /harness/*}, no harness protocol. */
    public boolean foreignTarget() {
        return endpoints.foreign();
    }

    /** The harness starts the server (no {@code --target}). */
    public boolean startsServer() {
        return target == null;
    }

    /** Where the server is expected before it has told its port: the target, or the child's bind address. */
    public URI plannedBaseUri() {
        if (target != null) {
            return target;
        }
        URI bind = bindTarget(serverConfig.host());
        return URI.create("http://" + bind.getHost() + ":" + serverConfig.port());
    }

    /** The flags of the child server. */
    public List<String> childServerArgs() {
        List<String> args = new ArrayList<>(ServerOptions.toArgs(serverConfig));
        if (virtualThreads) {
            args.add("--virtual-threads");
        }
        return args;
    }

    /** How to start this plan's server in a child JVM (a plan without {@code --target}). */
    public ServerLaunch serverLaunch() {
        return ServerLaunch.of(serverJava, serverHeap, childServerArgs(), listenTimeout);
    }

    /** The file descriptors this run needs per process. */
    public OpenFileBudget fileBudget() {
        return OpenFileBudget.estimate(processSessions(), browser, sessionsPerBrowser, startsServer(),
                startsServer() ? serverConfig.maxConnections() : -1);
    }

    /**
     * The scenario against the server at {@code baseUri}, whose {@code maxKeepAliveRequests} and
     * long-poll hold are given.
     */
    public Scenario scenario(URI baseUri, int serverMaxKeepAliveRequests, Duration serverLongPollHold) {
        return new Scenario(baseUri, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser,
                sseReconnectDelay, sourceAddresses, connectTimeout, serverMaxKeepAliveRequests, 0, requestTimeout,
                serverLongPollHold, connectionHeader, endpoints, agent);
    }

    /** The URI a client would use for a server bound to {@code host}; a wildcard bind is reached over loopback. */
    static URI bindTarget(String host) {
        if (host.equals("0.0.0.0")) {
            return URI.create("http://127.0.0.1:1");
        }
        if (host.equals("::") || host.equals("[::]")) {
            return URI.create("http://[::1]:1");
        }
        boolean ipv6 = host.contains(":") && !host.startsWith("[");
        try {
            return new URI("http://" + (ipv6 ? "[" + host + "]" : host) + ":1");
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("--host '" + host + "' is not an address: write e.g. 127.0.0.1");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }
}
