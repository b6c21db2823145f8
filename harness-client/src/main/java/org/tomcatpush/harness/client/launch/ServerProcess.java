package org.tomcatpush.harness.client.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A harness server running in a child JVM, from its {@code LISTENING} line until {@link #close()}.
 * Before that line the server prints {@code CONTROL http://HOST:PORT}, its control connector
 * (where {@code /harness/*} is served), and, when its control endpoints are guarded,
 * {@code CONTROL-TOKEN <hex>}; a server that listens without a {@code CONTROL} line is refused.
 * The child's output is never shown to the user: a few last lines of each stream are kept for
 * error messages. The child is always stopped: by {@link #close()} (SIGTERM, then a kill after
 * {@link #STOP_GRACE}), by a JVM shutdown hook on Ctrl-C, and, if this JVM is killed outright,
 * by the server itself when its stdin closes ({@code --exit-on-stdin-eof}).
 *
 * <pre>
 * try (ServerProcess server = ServerProcess.start(launch)) {
 *     URI base = server.baseUri();        // the workload: /poll, /longpoll, /sse, /ws
 *     URI control = server.controlUri();  // /harness/stats, /harness/reset, /harness/publish
 *     ...
 * }
 * </pre>
 *
 * Thread-safe.
 */
public final class ServerProcess implements AutoCloseable {

    /** The line prefix by which the server announces its address. */
    public static final String LISTENING_PREFIX = "LISTENING ";
    /** The line prefix by which the server announces its control connector, before {@code LISTENING}. */
    public static final String CONTROL_PREFIX = "CONTROL ";
    /** The line a server guarding its control endpoints prints before {@code LISTENING}. */
    public static final String CONTROL_TOKEN_PREFIX = "CONTROL-TOKEN ";

    /** How long a SIGTERM'd server may take to stop before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final int TAIL_LINES = 20;

    private final Process process;
    private final URI baseUri;
    private final URI controlUri;
    private final OutputTail stdoutTail;
    private final OutputTail stderrTail;
    private final Thread shutdownHook;
    private final String controlToken;
    private boolean closed;

    private ServerProcess(Process process, URI baseUri, URI controlUri, OutputTail stdoutTail, OutputTail stderrTail,
            Thread shutdownHook, String controlToken) {
        this.controlToken = controlToken;
        this.process = process;
        this.baseUri = baseUri;
        this.controlUri = controlUri;
        this.stdoutTail = stdoutTail;
        this.stderrTail = stderrTail;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Starts the server and waits for its {@code LISTENING} line.
     *
     * @throws ServerStartException when the server exits first, stays silent past the listen
     *         timeout, or listens without having printed its {@code CONTROL} line; the child is
     *         stopped before this is thrown
     * @throws IOException when the JVM cannot be started at all
     */
    public static ServerProcess start(ServerLaunch launch) throws ServerStartException, IOException {
        Process process = new ProcessBuilder(launch.command()).start();
        Thread hook = new Thread(() -> stop(process), "harness-server-stopper");
        Runtime.getRuntime().addShutdownHook(hook);
        OutputTail stdoutTail = new OutputTail(TAIL_LINES);
        OutputTail stderrTail = new OutputTail(TAIL_LINES);
        CompletableFuture<URI> listening = new CompletableFuture<>();
        AtomicReference<String> token = new AtomicReference<>();
        AtomicReference<URI> control = new AtomicReference<>();
        Thread stdoutReader = drain(process.getInputStream(), stdoutTail, listening, token, control,
                "harness-server-stdout");
        Thread stderrReader = drain(process.getErrorStream(), stderrTail, null, token, control,
                "harness-server-stderr");
        boolean started = false;
        try {
            URI uri = awaitListening(process, listening, launch.listenTimeout(), stdoutReader, stderrReader,
                    stdoutTail, stderrTail);
            // the reader sets the control URI before it completes the LISTENING future
            URI controlUri = control.get();
            if (controlUri == null) {
                throw new ServerStartException("the server printed LISTENING " + uri + " without a CONTROL line"
                        + " before it, so its /harness/* endpoints cannot be found: start a harness-server of this"
                        + " version (or drive a running server with --target)", false);
            }
            started = true;
            return new ServerProcess(process, uri, controlUri, stdoutTail, stderrTail, hook, token.get());
        } finally {
            if (!started) {
                stop(process);
                ChildProcesses.removeHook(hook);
            }
        }
    }

    /** The server's base URI, e.g. {@code http://127.0.0.1:41234} (a wildcard bind address is given as loopback). */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * The server's control connector, e.g. {@code http://127.0.0.1:41235}, where {@code /harness/*}
     * is served (a wildcard bind address is given as loopback).
     */
    public URI controlUri() {
        return controlUri;
    }

    /** The token the server printed for its control endpoints, or {@code null} when it needs none. */
    public String controlToken() {
        return controlToken;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status once the child has exited. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** One line saying how the child ended and the last thing it printed, for a failed run. */
    public String describeExit() {
        String last = lastWords(stdoutTail, stderrTail);
        int status = exitCode().orElse(-1);
        return "the server process exited with status " + status + signalText(status)
                + (last.isEmpty() ? "" : ": " + last);
    }

    /** How a shell reports a death by signal: status 128 + N. */
    static String signalText(int status) {
        return switch (status) {
            case 137 -> " (killed by signal 9, SIGKILL)";
            case 143 -> " (killed by signal 15, SIGTERM)";
            case 134 -> " (killed by signal 6, SIGABRT)";
            default -> status > 128 && status < 160 ? " (killed by signal " + (status - 128) + ")" : "";
        };
    }

    /** The last lines the server printed on stderr, oldest first. */
    public List<String> stderrTail() {
        return stderrTail.lines();
    }

    /** Stops the server: SIGTERM, then a kill after {@link #STOP_GRACE}. Idempotent; returns once it is gone. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stop(process);
        ChildProcesses.removeHook(shutdownHook);
    }

    private static URI awaitListening(Process process, CompletableFuture<URI> listening, Duration timeout,
            Thread stdoutReader, Thread stderrReader, OutputTail stdoutTail, OutputTail stderrTail)
            throws ServerStartException {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return listening.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    join(stdoutReader);
                    join(stderrReader);
                    URI late = listening.getNow(null);
                    if (late != null) {
                        return late; // it listened, then died at once: the run will notice
                    }
                    int status = process.exitValue();
                    String last = lastWords(stdoutTail, stderrTail);
                    if (status == 2) {
                        throw new ServerStartException("the server refused its options: "
                                + (last.isEmpty() ? "(it printed nothing)" : last), true);
                    }
                    throw new ServerStartException("the server exited with status " + status + " before listening"
                            + (last.isEmpty() ? " and printed nothing" : ": " + last), false);
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    String last = lastWords(stdoutTail, stderrTail);
                    throw new ServerStartException("the server printed no LISTENING line within "
                            + seconds(timeout) + ": "
                            + (last.isEmpty() ? "it printed nothing" : "its last line was '" + last + "'")
                            + " (raise --listen-timeout if it is only slow)", false);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("interrupted while waiting for the server to listen", false);
            }
        }
    }

    private static Thread drain(InputStream stream, OutputTail tail, CompletableFuture<URI> listening,
            AtomicReference<String> token, AtomicReference<URI> control, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (listening != null && !listening.isDone() && line.startsWith(CONTROL_TOKEN_PREFIX)) {
                        token.set(line.substring(CONTROL_TOKEN_PREFIX.length()).trim());
                    } else if (listening != null && !listening.isDone() && line.startsWith(CONTROL_PREFIX)) {
                        control.set(connectable(URI.create(line.substring(CONTROL_PREFIX.length()).trim())));
                    } else if (listening != null && !listening.isDone() && line.startsWith(LISTENING_PREFIX)) {
                        listening.complete(connectable(URI.create(line.substring(LISTENING_PREFIX.length()).trim())));
                    } else {
                        tail.add(line);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                tail.add("(output unreadable: " + e.getMessage() + ")");
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** A wildcard bind address cannot be connected to by name on every system: use loopback instead. */
    static URI connectable(URI listening) {
        String host = listening.getHost();
        if ("0.0.0.0".equals(host)) {
            return URI.create("http://127.0.0.1:" + listening.getPort());
        }
        if ("[::]".equals(host) || "[0:0:0:0:0:0:0:0]".equals(host)) {
            return URI.create("http://[::1]:" + listening.getPort());
        }
        return listening;
    }

    private static String seconds(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1_000 == 0 ? ms / 1_000 + "s" : ms + "ms";
    }

    private static String lastWords(OutputTail stdoutTail, OutputTail stderrTail) {
        String err = stderrTail.lastLine();
        return err.isEmpty() ? stdoutTail.lastLine() : err;
    }

    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        ChildProcesses.closeQuietly(process.getOutputStream());
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void join(Thread thread) {
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
