package org.tomcatpush.harness.client.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One agent of {@code harness run --agents N}: a child JVM running {@code harness run} with the
 * agent's arguments, on the same {@code java} and class path as this process, its stdout and
 * stderr written to {@link #STDOUT_FILE} and {@link #STDERR_FILE} in its folder. It is stopped as
 * a run is stopped by Ctrl-C: SIGTERM, so it writes what it measured, then a kill once
 * {@code wait} has passed ({@link #stop}); if this process is killed outright the agent stops
 * itself ({@link ParentWatch}). Thread-safe.
 */
public final class AgentProcess {

    /** The client's entry point (the class {@code harness} runs). */
    public static final String CLIENT_MAIN = "org.tomcatpush.harness.client.cli.HarnessCli";
    /** The agent's stdout, in its folder. */
    public static final String STDOUT_FILE = "stdout.txt";
    /** The agent's stderr, in its folder. */
    public static final String STDERR_FILE = "stderr.txt";

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 20;

    private final int index;
    private final Process process;
    private final Path dir;
    private final FileLineFollower stderrLines;

    private AgentProcess(int index, Process process, Path dir) {
        this.index = index;
        this.process = process;
        this.dir = dir;
        this.stderrLines = new FileLineFollower(dir.resolve(STDERR_FILE));
    }

    /**
     * The command line of an agent: this JVM's {@code java}, its heap options (so that
     * {@code HARNESS_JAVA_OPTS=-Xmx1g} sizes every agent as it sizes the parent; other options,
     * such as a debugger's, are this process's own), its class path, {@code harness run} and {@code runArgs}.
     */
    public static List<String> command(List<String> runArgs) {
        List<String> command = new ArrayList<>();
        command.add(ServerLaunch.currentJava().toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-Xms")).forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CLIENT_MAIN);
        command.add("run");
        command.addAll(runArgs);
        return command;
    }

    /**
     * Starts agent {@code index} with {@code runArgs}, its output going to files in {@code dir}
     * (created if needed). @throws IOException when the JVM cannot be started
     */
    public static AgentProcess start(int index, List<String> runArgs, Path dir) throws IOException {
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(command(runArgs))
                .redirectOutput(dir.resolve(STDOUT_FILE).toFile())
                .redirectError(dir.resolve(STDERR_FILE).toFile());
        ParentWatch.name(builder); // an agent whose parent was killed outright stops itself
        Process process = builder.start();
        return new AgentProcess(index, process, dir);
    }

    public int index() {
        return index;
    }

    public long pid() {
        return process.pid();
    }

    /** The folder of the agent's output files and run folder. */
    public Path dir() {
        return dir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status once the agent has exited. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Asks the agent to stop (SIGTERM): it stops its sessions and writes its folder, as on Ctrl-C. */
    public void requestStop() {
        process.destroy();
    }

    /**
     * Stops the agent: SIGTERM, and a kill when it has not exited within {@code wait}. Returns
     * once it is gone (or a kill has been sent and 5 s have passed).
     */
    public void stop(Duration wait) {
        process.destroy();
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the agent at once (the last resort of a parent that is being halted). */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * The lines the agent ended on its stderr since the last call, its progress lines among them;
     * none when its stderr cannot be read.
     */
    public synchronized List<String> newStderrLines() {
        try {
            return stderrLines.newLines();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The last line of the agent's stderr that says something ({@link OutputTail#lastLine}); empty for none. */
    public String lastStderrLine() {
        OutputTail tail = new OutputTail(TAIL_LINES);
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(STDERR_FILE), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                tail.add(line);
            }
        } catch (IOException e) {
            return "";
        }
        return tail.lastLine();
    }

    /** One line on how the agent ended: its status, what a status above 128 means, its last stderr line. */
    public String describeExit() {
        int status = exitCode().orElse(-1);
        String last = lastStderrLine().replaceFirst("^harness: ", "");
        return "agent " + index + " exited with status " + status + ServerProcess.signalText(status)
                + (last.isEmpty() ? "" : ": " + last);
    }
}
