package org.tomcatpush.harness.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.management.remote.JMXServiceURL;

import org.tomcatpush.harness.client.launch.AgentsFileBudget;
import org.tomcatpush.harness.client.launch.JavaRuntime;
import org.tomcatpush.harness.client.launch.JmxGuard;
import org.tomcatpush.harness.client.launch.NewestJava;
import org.tomcatpush.harness.client.launch.NginxProxy;
import org.tomcatpush.harness.client.launch.OpenFileLimit;
import org.tomcatpush.harness.client.launch.ParentWatch;
import org.tomcatpush.harness.client.launch.ProxySettings;
import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.TargetGuard;
import org.tomcatpush.harness.client.SignalExit;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.run.AgentsRun;
import org.tomcatpush.harness.client.run.LoadRun;
import org.tomcatpush.harness.client.run.RunPlan;
import org.tomcatpush.harness.client.scenario.AgentSlice;
import org.tomcatpush.harness.client.scenario.Endpoints;
import org.tomcatpush.harness.client.scenario.RequestConnectionHeader;
import org.tomcatpush.harness.client.scenario.TransportMix;
import org.tomcatpush.harness.client.thresholds.Threshold;
import org.tomcatpush.harness.server.config.ConfigException;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.config.ServerOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code harness run}: validates the options into a {@link RunPlan}, checks the open-file limit
 * and the server's Java, then hands the plan to {@link LoadRun}, or, with {@code --agents N},
 * to {@link AgentsRun}, which carries it out as N client processes ({@link AgentArguments} says
 * what each is given). Takes every server flag (the {@link ServerOptions} mixin) for the server it
 * starts; {@code --port} defaults to 0 here.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class, sortOptions = false,
        usageHelpWidth = 110, customSynopsis = "harness run [OPTIONS]",
        description = {
            "Starts harness-server in a child JVM with the server flags below (or drives a running one with"
                    + " --target), opens the sessions, samples client and server once a second, and writes"
                    + " summary.csv, timeseries.csv, server_samples.csv, latency.hlog and run.json (and"
                    + " thresholds.xml with --threshold) into a new folder under --out.",
            "Durations take a unit: 500ms, 30s, 2m, 1h (a plain number other than 0 is refused). The server's"
                    + " time flags (MS) take milliseconds, as Tomcat's attributes do, or a unit (1s)."},
        optionListHeading = "%nScenario options, then the server's flags (the same as harness-server's):%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the run completed (and every --threshold held)", "1:the run failed (its folder says why)",
            "2:bad input (nothing was run, no folder written)",
            "3:the run completed but a --threshold was breached (its folder is complete)",
            "130:interrupted by Ctrl-C or SIGTERM (its folder holds what was measured)"})
final class RunCommand implements Callable<Integer> {

    private static final Duration DEFAULT_RAMP_UP = Duration.ofSeconds(5);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--transport", paramLabel = "MIX", converter = TransportMixConverter.class, defaultValue = "sse",
            description = "short-poll, long-poll, sse or ws, or a weighted mix such as sse=70,ws=30."
                    + " Default: ${DEFAULT-VALUE}.")
    TransportMix mix;

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "100",
            description = "Concurrent sessions, shared among the mix by weight. Default: ${DEFAULT-VALUE}.")
    int sessions;

    @Option(names = "--ramp-up", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time over which sessions are opened, evenly spaced; 0 = all at once."
                    + " Default: 5s, or --duration if that is shorter.")
    Duration rampUp;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "Length of the run, counted from the start of the ramp-up. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "1s",
            description = "Short poll: time between the intended send times of one session. Default: ${DEFAULT-VALUE}.")
    Duration pollInterval;

    @Option(names = "--browser",
            description = "Act like browsers: send Connection: keep-alive and cap each virtual browser at 6"
                    + " connections per origin. Default: off.")
    boolean browser;

    @Option(names = "--request-connection-header", paramLabel = "HEADER",
            converter = RequestConnectionHeaderConverter.class,
            description = "The Connection header of every request: keep-alive (as browsers send it) or none"
                    + " (HTTP/1.1 keeps connections alive without it). Tomcat answers Keep-Alive: timeout=N only"
                    + " to keep-alive. Default: keep-alive with --browser, else none.")
    RequestConnectionHeader connectionHeader;

    @Option(names = "--sessions-per-browser", paramLabel = "N", defaultValue = "1",
            description = "With --browser: sessions sharing one virtual browser (its 6 connections and its"
                    + " keep-alive pool). Default: ${DEFAULT-VALUE}.")
    int sessionsPerBrowser;

    @Option(names = "--sse-reconnect-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "3000ms",
            description = "SSE reconnect delay until the server sends retry: (which then wins); also the"
                    + " WebSocket reconnect delay. Default: ${DEFAULT-VALUE}.")
    Duration sseReconnectDelay;

    @Option(names = "--source-addresses", paramLabel = "N", defaultValue = "1",
            description = "Spread connections over source addresses 127.0.0.1 .. 127.0.0.N to stay clear of"
                    + " ephemeral-port exhaustion (IPv4 loopback targets only); with --agent I/M each agent takes N of"
                    + " its own, 127.0.0.(1+I*N) .. 127.0.0.((I+1)*N). Default: ${DEFAULT-VALUE}.")
    int sourceAddresses;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s",
            description = "TCP connect time limit; a slower connect counts as a timeout failure. Default: ${DEFAULT-VALUE}.")
    Duration connectTimeout;

    @Option(names = "--request-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Short and long poll: a poll without a complete answer after this long is abandoned"
                    + " (its connection closed), counted in requests_timed_out, and the session polls on;"
                    + " 0 = never. SSE and WebSocket streams are never timed out. Needs a unit (500ms, 30s)."
                    + " Default: 30s for short polls, the server's --long-poll-hold + 10s for long polls.")
    Duration requestTimeout;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "A pass/fail condition on a summary.csv column, k6-style: [transport:]column OP number,"
                    + " OP one of < <= > >= == !=, e.g. latency_p99_ms<200 or sse:messages_lost==0. Without a"
                    + " transport it applies to every row, all: is the mix's all row (or the only row). A breach:"
                    + " status thresholds-breached, exit status 3, thresholds.xml (JUnit). An empty cell is a"
                    + " breach. Repeatable. Default: none.")
    List<String> thresholdExpressions = List.of();

    @Option(names = "--name", paramLabel = "NAME",
            description = "Run name, the end of the folder name (characters outside A-Z a-z 0-9 . _ - become _)."
                    + " Default: the transport mix.")
    String name;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/runs",
            description = "Folder that receives the run folder <yyyyMMdd-HHmmss>-<name>. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--server-java", paramLabel = "PATH|newest",
            description = "The java binary of the server JVM, e.g. a Java 21+ one for --virtual-threads; newest:"
                    + " the newest JDK installed under /usr/lib/jvm (told by each JDK's release file)."
                    + " Default: the java running harness.")
    Path serverJava;

    @Option(names = "--server-heap", paramLabel = "SIZE",
            description = "Maximum heap of the server JVM (-Xmx), e.g. 1g. Default: the JVM's own.")
    String serverHeap;

    @Option(names = "--control-token", paramLabel = "HEX",
            description = "With --target: the token the target printed at start-up (CONTROL-TOKEN line), which its"
                    + " /harness/* endpoints need when it is bound to a non-loopback address. Default: none.")
    String controlToken;

    @Option(names = "--target", paramLabel = "URL",
            description = "Drive the harness server running at URL (e.g. http://127.0.0.1:8080) instead of"
                    + " starting one; the server flags are then refused. Default: none (start a server).")
    String target;

    @Option(names = "--agent", paramLabel = "I/N", converter = AgentSliceConverter.class,
            description = "With --target: be agent I (from 0) of N load generators that share one run: open only"
                    + " this agent's slice of --sessions (every transport of the mix split the same way, the"
                    + " remainder to the first agents), spread over the whole --ramp-up. Only agent 0 resets the"
                    + " server's counters. Default: none (this process runs every session).")
    AgentSlice agent;

    @Option(names = "--agents", paramLabel = "N",
            description = "Run as N client processes on this machine, each with its own open-file limit and its"
                    + " slice of --sessions (harness run --agent I/N --start-at T, all against the server this run"
                    + " starts or --target), and merge their folders into this run's folder (theirs kept under"
                    + " agents/); --threshold is judged on the merged summary. 1 = one process. Not with --agent"
                    + " or --proxy. Default: 1.")
    Integer agents;

    @Option(names = "--start-at", paramLabel = "TIME", converter = StartAtConverter.class,
            description = "Wait until TIME (an ISO-8601 instant such as 2026-12-02T03:40:00Z, or epoch ms) before"
                    + " the ramp-up starts, so that agents started apart begin together; at most 10 minutes"
                    + " ahead, at most 5 s past. Default: none (start as soon as the server answers).")
    Instant startAt;

    @Option(names = "--endpoints", paramLabel = "SPEC",
            description = "With --target: drive an application that is not harness-server, at these paths, e.g."
                    + " sse=/events,ws=/socket,poll=/api/poll,long-poll=/api/wait (every transport of --transport"
                    + " needs one). No /harness/*, no cursor, no harness message format: an SSE event, a WebSocket"
                    + " text frame and a non-empty poll answer each count as a message; only SSE events with a"
                    + " numeric id: are sequence-checked. Default: none (the target is harness-server).")
    String endpointsSpec;

    @Option(names = "--publish-time-field", paramLabel = "FIELD",
            description = "With --endpoints: the JSON field of a message that holds its publish time, in epoch"
                    + " milliseconds or microseconds, from which delivery latency is timed. Default: none (no"
                    + " latency).")
    String publishTimeField;

    @Option(names = "--jmx", paramLabel = "URL",
            description = "With --endpoints: read busy threads, connections and requests from the target's Tomcat"
                    + " MBeans (ThreadPool, GlobalRequestProcessor) over this JMX connector once a second, e.g."
                    + " service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi. Default: none.")
    String jmx;

    @Option(names = "--allow-remote",
            description = "Allow a target outside loopback (127.0.0.0/8, ::1, localhost). Default: off.")
    boolean allowRemote;

    @Option(names = "--listen-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "30s",
            description = "How long the started server may take to print its LISTENING line. Default: ${DEFAULT-VALUE}.")
    Duration listenTimeout;

    @Option(names = "--proxy", paramLabel = "KIND", defaultValue = ProxySettings.NONE,
            description = "none, or nginx: start nginx (Debian's package) on a loopback port in front of the server"
                    + " for the run and send every session through it; /harness/* still goes to the server. The"
                    + " client's connection figures then describe the client-proxy hop. Default: ${DEFAULT-VALUE}.")
    String proxy;

    @Option(names = "--proxy-read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --proxy nginx: nginx's proxy_read_timeout, after which a stream (or held poll) the"
                    + " server is silent on is cut. Default: 60s, nginx's own.")
    Duration proxyReadTimeout;

    @Option(names = "--proxy-upstream-keepalive", paramLabel = "N",
            description = "With --proxy nginx: idle connections nginx keeps open to the server (keepalive of its"
                    + " upstream); 0 = none, every request opens a new one. Default: "
                    + ProxySettings.DEFAULT_UPSTREAM_KEEPALIVE + ".")
    Integer proxyUpstreamKeepalive;

    @Option(names = "--proxy-binary", paramLabel = "PATH",
            description = "With --proxy nginx: the nginx executable. Default: /usr/sbin/nginx.")
    Path proxyBinary;

    @Mixin(name = "server")
    ServerOptions server;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ParentWatch.installFromEnvironment(); // an agent of --agents N: stop when the run that started it is gone
        RunPlans.PlannedRun run = plannedRun();
        RunPlan plan = run.plan();
        checkBeforeStart(run);
        checkTokenAndThresholds(plan);
        if (run.split()) {
            try (SignalExit signal = SignalExit.install(AgentsRun.SHUTDOWN_WAIT)) {
                return signal.finished(new AgentsRun(plan, run.agents(), run.agentCommand(), context.out(),
                        context.err()).execute());
            }
        }
        try (SignalExit signal = SignalExit.install(LoadRun.SHUTDOWN_WAIT)) {
            return signal.finished(new LoadRun(plan, context.loads(), HarnessVersion.version(), context.out(),
                    context.err()).withTargetControlToken(controlToken).execute());
        }
    }

    /**
     * Validates the options into the run: its plan and, with {@code --agents N} for N above 1,
     * how each agent is started. @throws ConfigException naming the bad option and the fix
     */
    RunPlans.PlannedRun plannedRun() {
        if (agents != null) {
            requireAgentsAlone();
        }
        RunPlan plan = plan();
        if (agents == null || agents == 1) {
            return new RunPlans.PlannedRun(plan, 1, null);
        }
        if (plan.proxy().enabled()) {
            throw new ConfigException("--agents runs every agent against one server, and --proxy nginx would start"
                    + " a proxy per agent: drop --proxy, or drop --agents");
        }
        if (new AgentSlice(agents - 1, agents).sessions(plan.mix(), plan.sessions()) < 1) {
            throw new ConfigException("--agents " + agents + " leaves the last agent no session of --sessions "
                    + plan.sessions() + ": run at least " + agents + " sessions, or fewer agents");
        }
        if ((long) plan.sourceAddresses() * agents > RunPlan.MAX_SOURCE_ADDRESSES) {
            // agent I takes 127.0.0.(1+I*K) .. 127.0.0.((I+1)*K): the ranges of all agents must fit
            throw new ConfigException("--source-addresses " + plan.sourceAddresses() + " for each of --agents "
                    + agents + " needs 127.0.0.1 .. 127.0.0." + (long) plan.sourceAddresses() * agents + ", past the "
                    + RunPlan.MAX_SOURCE_ADDRESSES + " there are: give at most " + RunPlan.MAX_SOURCE_ADDRESSES / agents
                    + " per agent");
        }
        AgentArguments args = AgentArguments.of(spec.commandLine().getParseResult(), plan.startsServer());
        return new RunPlans.PlannedRun(plan, agents, args::forAgent);
    }

    /** {@code --agents N} before the plan is built: a count, and not together with {@code --agent}. */
    private void requireAgentsAlone() {
        if (agents < 1) {
            throw new ConfigException("--agents must be at least 1 (got " + agents + "): give the number of client"
                    + " processes, e.g. --agents 3");
        }
        if (agent != null) {
            throw new ConfigException("--agents starts the agents itself and gives each its --agent I/N: drop"
                    + " --agent (or drop --agents to run one agent of a run started elsewhere)");
        }
    }

    /** The open files of {@code plan} run as {@code agents} processes: each agent's slice, the server's whole load. */
    static AgentsFileBudget agentsBudget(RunPlan plan, int agents) {
        return AgentsFileBudget.estimate(plan.sessions(), agents, plan.browser(), plan.sessionsPerBrowser(),
                plan.startsServer(), plan.startsServer() ? plan.serverConfig().maxConnections() : -1);
    }

    private void checkTokenAndThresholds(RunPlan plan) {
        if (controlToken != null && plan.startsServer()) {
            throw new ConfigException("--control-token is the token of a --target server; a server that run starts"
                    + " gives its own: drop --control-token, or add --target");
        }
        if (controlToken != null && plan.foreignTarget()) {
            throw new ConfigException("--control-token is for harness-server's /harness/*, which an application given"
                    + " with --endpoints does not have: drop --control-token");
        }
        for (Threshold t : plan.thresholds()) {
            if (t.transport() != null && !t.transport().equals("all")
                    && plan.mix().transports().stream().noneMatch(m -> m.cliName().equals(t.transport()))) {
                throw new ConfigException("--threshold '" + t.expression() + "' names " + t.transport()
                        + ", which is not in --transport " + plan.mix() + ": name a transport of the run, all:,"
                        + " or none for every row");
            }
        }
    }

    /**
     * The checks a plan passes before its run starts: the results folder can be written, the
     * open-file limit and, for virtual threads, the server's Java. @throws ConfigException naming
     * the problem and the fix
     */
    static void checkBeforeStart(RunPlans.PlannedRun run) {
        if (!run.split()) {
            checkBeforeStart(run.plan());
            return;
        }
        checkFolderAndServer(run.plan());
        OpenFileLimit.current().ifPresent(limit -> agentsBudget(run.plan(), run.agents()).check(limit)
                .ifPresent(message -> {
                    throw new ConfigException(message);
                }));
    }

    /** {@link #checkBeforeStart(RunPlans.PlannedRun)} of a run in one process. */
    static void checkBeforeStart(RunPlan plan) {
        checkFolderAndServer(plan);
        OpenFileLimit.current().ifPresent(limit -> plan.fileBudget().check(limit).ifPresent(message -> {
            throw new ConfigException(message);
        }));
    }

    /** {@link #checkBeforeStart} but the open-file limit: the folder, the server's Java, nginx. */
    static void checkFolderAndServer(RunPlan plan) {
        ResultsFolder.unwritableReason(plan.outDir()).ifPresent(message -> {
            throw new ConfigException(message);
        });
        if (plan.virtualThreads()) {
            requireVirtualThreadJava(plan.serverJava());
        }
        if (plan.proxy().enabled()) {
            NginxProxy.missing(plan.proxy().binary()).ifPresent(message -> {
                throw new ConfigException(message);
            });
        }
    }

    /** Validates the options. @throws ConfigException naming the bad option and the fix */
    RunPlan plan() {
        ParseResult parsed = spec.commandLine().getParseResult();
        URI targetUri = target == null ? null : TargetGuard.parseTarget(target);
        ServerConfig config = null;
        boolean virtualThreads = false;
        if (targetUri != null) {
            List<OptionSpec> launchOptions = new java.util.ArrayList<>(spec.mixins().get("server").options());
            launchOptions.add(spec.findOption("--server-java"));
            launchOptions.add(spec.findOption("--server-heap"));
            for (OptionSpec o : launchOptions) {
                if (parsed.hasMatchedOption(o.longestName())) {
                    throw new ConfigException(o.longestName() + " configures the server that run starts, so it has"
                            + " no effect with --target: drop it, or drop --target");
                }
            }
        } else {
            virtualThreads = parsed.hasMatchedOption("--virtual-threads");
            if (virtualThreads) {
                // ServerConfig checks the Java of this JVM; the server's Java is checked in call()
                spec.findOption("--virtual-threads").setValue(false);
            }
            config = server.toConfig();
        }
        if (agent != null && targetUri == null) {
            throw new ConfigException(RunPlan.agentWithoutTarget(agent)); // also for 0/1, which RunPlan takes
        }
        Endpoints endpoints = Endpoints.HARNESS;
        if (endpointsSpec != null) {
            endpoints = Endpoints.parse(endpointsSpec, publishTimeField);
        } else if (publishTimeField != null) {
            throw new ConfigException("--publish-time-field reads the messages of an application given with"
                    + " --endpoints: add --endpoints, or drop --publish-time-field");
        }
        JMXServiceURL jmxUrl = jmx == null ? null : JmxGuard.parse(jmx);
        Duration ramp = rampUp != null ? rampUp : min(DEFAULT_RAMP_UP, duration);
        String runName = ResultsFolder.sanitize(name != null ? name : mix.toString());
        if (runName.isEmpty()) {
            throw new ConfigException("--name '" + name + "' has no character usable in a folder name:"
                    + " use letters, digits, '.', '_', '-', '=' or ','");
        }
        return new RunPlan(runName, out, mix, sessions, ramp, duration, pollInterval, browser, sessionsPerBrowser,
                sseReconnectDelay, sourceAddresses, connectTimeout, targetUri, allowRemote, config, virtualThreads,
                serverJava(), serverHeap, listenTimeout,
                List.copyOf(parsed.originalArgs()), requestTimeout,
                Threshold.parseAll(thresholdExpressions, SummaryCsv.header()), proxySettings(parsed),
                connectionHeader != null ? connectionHeader : RequestConnectionHeader.defaultFor(browser), endpoints,
                jmxUrl, agent != null ? agent : AgentSlice.WHOLE, startAt);
    }

    /** The server's java: {@code --server-java} as given, {@code newest} resolved, or this JVM's. */
    private Path serverJava() {
        if (serverJava == null) {
            return ServerLaunch.currentJava();
        }
        if (NewestJava.isKeyword(serverJava.toString())) {
            Optional<NewestJava.Jdk> newest = NewestJava.in(NewestJava.STANDARD_FOLDER);
            NewestJava.unusableFor(false, newest, NewestJava.STANDARD_FOLDER).ifPresent(reason -> {
                throw new ConfigException(reason);
            });
            return newest.get().java(); // with --virtual-threads, checkBeforeStart checks its version
        }
        return serverJava;
    }

    /** The {@code --proxy} options; the proxy's own refuse to go without a proxy. */
    private ProxySettings proxySettings(ParseResult parsed) {
        ProxySettings settings = new ProxySettings(proxy,
                proxyReadTimeout != null ? proxyReadTimeout : ProxySettings.DEFAULT_READ_TIMEOUT,
                proxyUpstreamKeepalive != null ? proxyUpstreamKeepalive : ProxySettings.DEFAULT_UPSTREAM_KEEPALIVE,
                proxyBinary != null ? proxyBinary : ProxySettings.DEFAULT_BINARY);
        if (!settings.enabled()) {
            for (String option : List.of("--proxy-read-timeout", "--proxy-upstream-keepalive", "--proxy-binary")) {
                if (parsed.hasMatchedOption(option)) {
                    throw new ConfigException(option + " configures the proxy, and this run has none: add"
                            + " --proxy nginx, or drop " + option);
                }
            }
        }
        return settings;
    }

    /**
     * Gives the run's {@code --port} the default 0, so the started server takes an ephemeral port;
     * the options after it are added again behind it so that the help keeps its order.
     */
    static void useEphemeralPortByDefault(CommandSpec runSpec) {
        List<OptionSpec> options = List.copyOf(runSpec.options());
        int at = options.indexOf(runSpec.findOption("--port"));
        List<OptionSpec> tail = options.subList(at, options.size());
        tail.forEach(runSpec::remove);
        OptionSpec port = tail.get(0);
        runSpec.addOption(OptionSpec.builder(port).defaultValue("0").initialValue(0)
                .description("Port the started server binds, 0 = ephemeral (its LISTENING line tells which)."
                        + " Default: ${DEFAULT-VALUE}.").build());
        tail.subList(1, tail.size()).forEach(runSpec::addOption);
    }

    private static void requireVirtualThreadJava(Path serverJava) {
        int feature = serverJava.equals(ServerLaunch.currentJava()) ? Runtime.version().feature()
                : JavaRuntime.probe(serverJava, Duration.ofSeconds(10)).map(JavaRuntime::feature).orElseThrow(
                        () -> new ConfigException("--server-java " + serverJava + " did not run as java"
                                + " (-version failed): give the path of a java binary"));
        if (feature < 21) {
            throw new ConfigException("--virtual-threads needs Java 21 or later, but the server would run on Java "
                    + feature + ": add --server-java PATH with a Java 21+ java binary");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
