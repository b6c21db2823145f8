package org.tomcatpush.harness.server;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.modeler.Registry;
import org.tomcatpush.harness.server.config.Api;
import org.tomcatpush.harness.server.config.ConfigException;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.hub.FanOut;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.hub.Publisher;
import org.tomcatpush.harness.server.probe.ControlAccess;
import org.tomcatpush.harness.server.probe.ServerProbe;
import org.tomcatpush.harness.server.spring.SpringTransports;
import org.tomcatpush.harness.server.transport.SessionTimer;
import org.tomcatpush.harness.server.transport.TransportContext;
import org.tomcatpush.harness.server.transport.Transports;

/**
 * harness-server in-process: an embedded Tomcat whose workload connector carries every knob of a
 * {@link ServerConfig} and serves the four push transports, a control connector of its own
 * ({@link ControlService}) that serves {@code /harness/*}, the publisher and the probe. Started by
 * {@link #start(ServerConfig)}, stopped by {@link #close()}; the load client and the tests use it
 * directly, {@link ServerMain} wraps it as a command.
 *
 * <pre>
 * try (HarnessServer server = HarnessServer.start(ServerConfig.parse("--port", "0"))) {
 *     URI sse = server.baseUri().resolve("/sse");
 *     URI stats = server.controlUri().resolve("/harness/stats");
 *     server.hub().publish(10);
 * }
 * </pre>
 */
public final class HarnessServer implements AutoCloseable {

    private final ServerConfig config;
    private final Tomcat tomcat;
    private final Connector connector;
    private final Connector controlConnector;
    private final MessageHub hub;
    private final ServerProbe probe;
    private final SessionTimer timer;
    private final Publisher publisher;
    private final Path baseDir;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private HarnessServer(ServerConfig config, Tomcat tomcat, Connector connector, Connector controlConnector,
                          MessageHub hub, ServerProbe probe, SessionTimer timer, Publisher publisher, Path baseDir) {
        this.config = config;
        this.tomcat = tomcat;
        this.connector = connector;
        this.controlConnector = controlConnector;
        this.hub = hub;
        this.probe = probe;
        this.timer = timer;
        this.publisher = publisher;
        this.baseDir = baseDir;
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @throws ConfigException with a one-line message when the port is in use or the server cannot start
     */
    public static HarnessServer start(ServerConfig config) {
        return start(config, null);
    }

    /**
     * As {@link #start(ServerConfig)}, with the {@code /harness/*} endpoints guarded by
     * {@code controlAccess} ({@code null}: open, as on a loopback bind).
     */
    public static HarnessServer start(ServerConfig config, ControlAccess controlAccess) {
        return start(config, controlAccess, false);
    }

    /**
     * As above; with {@code registerMBeans} Tomcat registers its MBeans ({@code Tomcat:type=ThreadPool},
     * {@code GlobalRequestProcessor}, ...) in the platform MBean server, for {@code --jmx-port}. Without
     * it the registry is disabled, as it spares start-up time and memory; in one JVM the first
     * server's choice holds, as Tomcat's registry is one per JVM.
     */
    public static HarnessServer start(ServerConfig config, ControlAccess controlAccess, boolean registerMBeans) {
        if (!registerMBeans) {
            Registry.disableRegistry();
        }
        TomcatLogging.quiet();
        Path baseDir = createBaseDir();
        // the fan-out writes to the sessions on every core, not one after another on the publisher's thread
        MessageHub hub = new MessageHub(config.ringCapacity(), config.payloadBytes(), FanOut.acrossCores());
        Map<String, String> attributes = ConnectorSettings.attributes(config);
        ServerProbe probe = new ServerProbe(config, hub, attributes);
        SessionTimer timer = new SessionTimer();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = null;
        Connector controlConnector = null;
        try {
            connector = ConnectorSettings.create(config, attributes);
            tomcat.setConnector(connector);
            Context ctx = tomcat.addContext("", null);
            probe.install(ctx);
            TransportContext transports = new TransportContext(config, hub, probe.counters(), timer);
            if (config.api() == Api.SPRING) {
                // the only reference to the Spring flavour: a servlet server never loads a Spring class
                SpringTransports.install(ctx, transports);
            } else {
                Transports.install(ctx, transports);
            }
            controlConnector = ControlService.add(tomcat, config, probe, controlAccess);
            ControlService.redirectFrom(ctx, controlConnector);
            TomcatLogging.silent();
            tomcat.start();
            requireStarted(connector, "connector");
            requireStarted(controlConnector, "control connector");
        } catch (LifecycleException | RuntimeException e) {
            // a connector that could not bind is left FAILED; the other one is fine
            boolean controlFailed = controlConnector != null && controlConnector.getState() == LifecycleState.FAILED;
            TomcatLogging.quiet();
            stopQuietly(tomcat);
            timer.close();
            deleteRecursively(baseDir);
            throw controlFailed ? startFailure(config, e, "--control-port", config.controlPort())
                    : startFailure(config, e, "--port", config.port());
        } finally {
            TomcatLogging.quiet();
        }
        probe.attach(connector);
        Publisher publisher = config.publishRate() > 0 ? Publisher.start(hub, config.publishRate()) : null;
        return new HarnessServer(config, tomcat, connector, controlConnector, hub, probe, timer, publisher, baseDir);
    }

    /** The port the workload connector listens on (the real one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The port the control connector listens on (the real one when started with control port 0). */
    public int controlPort() {
        return controlConnector.getLocalPort();
    }

    /** {@code http://HOST:PORT} of the workload connector, as printed on the {@code LISTENING} line. */
    public URI baseUri() {
        return uri(port());
    }

    /** {@code http://HOST:PORT} of the control connector ({@code /harness/*}), as printed on the {@code CONTROL} line. */
    public URI controlUri() {
        return uri(controlPort());
    }

    /** The topic every transport delivers; {@code publish} works at any rate setting. */
    public MessageHub hub() {
        return hub;
    }

    /** The paced publisher, empty with {@code --publish-rate 0} (tests stall it on purpose). */
    public Optional<Publisher> publisher() {
        return Optional.ofNullable(publisher);
    }

    /** The live probe ({@code /harness/stats} renders it). */
    public ServerProbe probe() {
        return probe;
    }

    /** The workload's Tomcat connector (tests read its attributes back). */
    Connector connector() {
        return connector;
    }

    /** The configuration it runs with. */
    public ServerConfig config() {
        return config;
    }

    /**
     * Stops the publisher, the sampler, every session and Tomcat. Idempotent; safe from a shutdown
     * hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (publisher != null) {
                publisher.close();
            }
            probe.close();
            hub.close();
            stopQuietly(tomcat);
            timer.close();
            deleteRecursively(baseDir);
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Waits until {@link #close()} has finished.
     *
     * @return true when it has, false when the timeout passed first
     */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    private URI uri(int port) {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port);
    }

    private static void requireStarted(Connector connector, String what) throws LifecycleException {
        if (connector.getState() != LifecycleState.STARTED || connector.getLocalPort() <= 0) {
            throw new LifecycleException("the " + what + " did not start (state " + connector.getState() + ")");
        }
    }

    /** @param portFlag the flag of the port that failed ({@code --port} or {@code --control-port}) */
    private static ConfigException startFailure(ServerConfig config, Exception e, String portFlag, int port) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException configException) {
                return configException;
            }
            if (cause instanceof BindException bind) {
                String reason = String.valueOf(bind.getMessage());
                if (reason.toLowerCase().contains("in use")) {
                    return new ConfigException("port " + port + " is already in use on " + config.host()
                            + ": choose another with " + portFlag + ", or " + portFlag + " 0 for an ephemeral one");
                }
                return new ConfigException("cannot listen on " + config.host() + ":" + port + " (" + reason
                        + "): give --host an address of this machine, such as 127.0.0.1");
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new ConfigException("the server could not start on " + config.host() + ":" + port + ": "
                + root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static void stopQuietly(Tomcat tomcat) {
        TomcatLogging.silent();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException | RuntimeException e) {
            // stopping is best effort: the JVM or the test is ending anyway
        } finally {
            TomcatLogging.quiet();
        }
    }

    private static Path createBaseDir() {
        try {
            return Files.createTempDirectory("harness-tomcat-");
        } catch (IOException e) {
            throw new ConfigException("cannot create Tomcat's working directory in " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + "): set -Djava.io.tmpdir to a writable directory");
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover empty temp directory is harmless
        }
    }
}
