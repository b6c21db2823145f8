package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * An in-process {@code harness run} on a thread of its own, so a test can hurt its server while it
 * runs: find the child server JVM, send it signals, then collect the run's outcome. Closing waits
 * for the run and kills any server it left, so a failing test leaves no process behind.
 */
final class BackgroundRun implements AutoCloseable {

    private final CompletableFuture<CliRun> outcome;
    private final long startNanos = System.nanoTime();

    private BackgroundRun(List<String> args) {
        outcome = CompletableFuture.supplyAsync(() -> CliRun.of(args));
    }

    static BackgroundRun start(String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        return new BackgroundRun(all);
    }

    /**
     * The server JVMs this test JVM started and that still run: its {@code java} children (the
     * command line is not matched on, as the system may cut a long one short).
     */
    static List<ProcessHandle> childServers() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.endsWith("\\java.exe"))
                        .orElse(false))
                .toList();
    }

    /** Waits until the run's server runs and its results folder exists (the load is about to start). */
    ProcessHandle awaitServer(Path out, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> servers = childServers();
            if (servers.size() == 1 && hasPartialFolder(out)) {
                return servers.get(0);
            }
            if (outcome.isDone()) {
                throw new AssertionError("the run ended before its server was up: " + outcome.get().err());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no server and results folder within " + timeout + "; children: "
                + ProcessHandle.current().children().map(p -> p.pid() + " " + p.info()).toList());
    }

    /** Waits until the run's results folder exists: the server answered and the load is about to start. */
    void awaitFolder(Path out, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasPartialFolder(out)) {
            if (outcome.isDone()) {
                throw new AssertionError("the run ended before its load started: " + outcome.get().err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no results folder within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    CliRun await(Duration timeout) throws Exception {
        return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Sends {@code signal} (STOP, CONT, KILL) to a process, as {@code kill -SIGNAL PID} does. */
    static void signal(ProcessHandle process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Waits up to {@code timeout} for {@code process} to exit. @return true when it is gone */
    static boolean awaitGone(ProcessHandle process, Duration timeout) throws InterruptedException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return !process.isAlive();
        }
    }

    private static boolean hasPartialFolder(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".partial"));
        }
    }

    /** The one committed run folder under {@code out}. */
    static Path onlyFolder(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> folders = s.toList();
            if (folders.size() != 1 || folders.get(0).getFileName().toString().startsWith(".")) {
                throw new AssertionError("expected one committed folder, found " + folders);
            }
            return folders.get(0);
        }
    }

    @Override
    public void close() throws Exception {
        for (ProcessHandle p : childServers()) {
            signal(p, "CONT"); // a stopped JVM cannot handle the SIGTERM that stops it
        }
        try {
            outcome.get(60, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the test has already failed; what matters now is that nothing is left running
        } finally {
            childServers().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
