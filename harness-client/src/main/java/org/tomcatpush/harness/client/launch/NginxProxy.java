package org.tomcatpush.harness.client.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * nginx in front of the server for one run, from the moment it accepts connections until
 * {@link #close()}: its {@link NginxConfig} is written into the run folder, which is also its
 * prefix (pid file, logs, temporary files), and it listens on a loopback port of its own.
 *
 * <p>nginx never outlives the client. It runs as one foreground process under a small
 * {@code sh} watchdog whose stdin is a pipe from this JVM: when the pipe closes, because
 * {@link #close()} closed it, because a shutdown hook did on Ctrl-C, or because this JVM was
 * killed outright and the kernel closed it, the watchdog sends nginx SIGTERM (its fast shutdown).
 * {@link #close()} then waits for nginx to be gone and kills it after {@link #STOP_GRACE}.
 *
 * <pre>
 * try (NginxProxy proxy = NginxProxy.start(binary, server.baseUri(), settings, runFolder)) {
 *     URI base = proxy.baseUri();   // the sessions go here; /harness/* still goes to the server
 * }
 * </pre>
 *
 * Thread-safe.
 */
public final class NginxProxy implements AutoCloseable {

    /** The package that provides nginx on Debian and Ubuntu, for the install hint. */
    public static final String INSTALL_COMMAND = "apt-get install -y nginx";
    /** How long a stopping nginx may take before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** How long nginx may take to accept its first connection. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    /**
     * The watchdog: runs nginx ({@code "$@"}) in the background with stdin from /dev/null, and a
     * reader of its own stdin (kept on fd 3) that stops nginx at end of file; exits with nginx's status.
     */
    static final String WATCHDOG = """
            exec 3<&0
            "$@" </dev/null 3<&- &
            nginx=$!
            { read -r _ <&3; kill -TERM "$nginx" 2>/dev/null; } &
            reader=$!
            exec 3<&-
            wait "$nginx"; status=$?
            kill "$reader" 2>/dev/null
            exit "$status"
            """;

    private static final Pattern VERSION = Pattern.compile("nginx/(\\S+)");
    private static final Duration POLL = Duration.ofMillis(50);

    private final Process watchdog;
    private final long nginxPid;
    private final int port;
    private final Path folder;
    private final Thread shutdownHook;
    private boolean closed;

    private NginxProxy(Process watchdog, long nginxPid, int port, Path folder, Thread shutdownHook) {
        this.watchdog = watchdog;
        this.nginxPid = nginxPid;
        this.port = port;
        this.folder = folder;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Why {@code binary} cannot run as nginx, as one line with the install command, or empty when it can.
     */
    public static Optional<String> missing(Path binary) {
        if (Files.isRegularFile(binary) && Files.isExecutable(binary)) {
            return Optional.empty();
        }
        return Optional.of("--proxy nginx needs nginx, which is not installed (no executable " + binary
                + "): install it with '" + INSTALL_COMMAND + "', or give its path with --proxy-binary");
    }

    /** The version {@code nginx -v} prints, e.g. {@code 1.22.1}, or {@code unknown}. */
    public static String version(Path binary) {
        try {
            Process v = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
            String text;
            try (InputStream in = v.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            v.waitFor(10, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(text);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * Writes {@code nginx.conf} into {@code folder} and starts nginx in front of {@code upstream},
     * on a free loopback port; returns once it accepts connections.
     *
     * @throws ProxyStartException when nginx exits first or does not listen within {@link #START_TIMEOUT};
     *         nothing is left running then
     * @throws IOException when the configuration cannot be written or the watchdog cannot be started
     */
    public static NginxProxy start(Path binary, URI upstream, ProxySettings settings, Path folder)
            throws ProxyStartException, IOException {
        int port = freeLoopbackPort();
        NginxConfig config = new NginxConfig(port, upstream, settings.readTimeout(), settings.upstreamKeepalive());
        Files.writeString(folder.resolve(NginxConfig.FILE_NAME), config.text());
        Files.createDirectories(folder.resolve(NginxConfig.TEMP_DIR));
        Path errorLog = folder.resolve(NginxConfig.ERROR_LOG);
        List<String> command = List.of("/bin/sh", "-c", WATCHDOG, "nginx-watchdog", binary.toString(),
                "-p", folder.toAbsolutePath() + "/", "-c", NginxConfig.FILE_NAME, "-e", NginxConfig.ERROR_LOG);
        Process watchdog = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(errorLog.toFile())).start();
        Thread hook = new Thread(() -> stop(watchdog, -1, folder), "harness-nginx-stopper");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean started = false;
        try {
            long pid = awaitListening(watchdog, port, folder, errorLog);
            started = true;
            return new NginxProxy(watchdog, pid, port, folder, hook);
        } finally {
            if (!started) {
                stop(watchdog, -1, folder);
                ChildProcesses.removeHook(hook);
            }
        }
    }

    /** Where the sessions go: {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** nginx's own process id (not its watchdog's). */
    public long pid() {
        return nginxPid;
    }

    /** Why nginx no longer serves the run, or empty while it does. */
    public Optional<String> failure() {
        if (watchdog.isAlive()) {
            return Optional.empty();
        }
        return Optional.of("nginx exited with status " + watchdog.exitValue() + lastLogLine(folder
                .resolve(NginxConfig.ERROR_LOG)).map(l -> ": " + l).orElse(""));
    }

    /** Stops nginx and removes its temporary files. Idempotent; returns once nginx is gone. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stop(watchdog, nginxPid, folder);
        ChildProcesses.removeHook(shutdownHook);
    }

    private static long awaitListening(Process watchdog, int port, Path folder, Path errorLog)
            throws ProxyStartException {
        long deadlineNanos = System.nanoTime() + START_TIMEOUT.toNanos();
        Path pidFile = folder.resolve(NginxConfig.PID_FILE);
        while (true) {
            if (!watchdog.isAlive()) {
                throw new ProxyStartException("nginx exited with status " + watchdog.exitValue()
                        + " before listening" + lastLogLine(errorLog).map(l -> ": " + l).orElse(""));
            }
            Optional<Long> pid = readPid(pidFile);
            if (pid.isPresent() && accepts(port)) {
                return pid.get();
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new ProxyStartException("nginx did not listen on 127.0.0.1:" + port + " within "
                        + START_TIMEOUT.toSeconds() + " s" + lastLogLine(errorLog).map(l -> ": " + l).orElse(""));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProxyStartException("interrupted while waiting for nginx to listen");
            }
        }
    }

    /**
     * Stops nginx: closing the watchdog's stdin makes it send SIGTERM; after {@link #STOP_GRACE}
     * both are killed. {@code nginxPid} -1 means not known yet (read from the pid file if there).
     */
    private static void stop(Process watchdog, long nginxPid, Path folder) {
        long pid = nginxPid > 0 ? nginxPid : readPid(folder.resolve(NginxConfig.PID_FILE)).orElse(-1L);
        Optional<ProcessHandle> nginx = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        List<ProcessHandle> descendants = watchdog.descendants().toList();
        try {
            ChildProcesses.closeQuietly(watchdog.getOutputStream());
            if (!watchdog.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                nginx.ifPresent(ProcessHandle::destroyForcibly);
                descendants.forEach(ProcessHandle::destroyForcibly);
                watchdog.destroyForcibly();
                watchdog.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (nginx.isPresent()) {
                nginx.get().onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            nginx.ifPresent(ProcessHandle::destroyForcibly);
            watchdog.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            nginx.ifPresent(ProcessHandle::destroyForcibly);
        }
        deleteTree(folder.resolve(NginxConfig.TEMP_DIR));
    }

    private static int freeLoopbackPort() throws IOException {
        // nginx binds it a moment later; another process taking it in between makes the start fail clearly
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String text = Files.readString(pidFile).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> lastLogLine(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // temporary files nginx left are harmless
        }
    }
}
