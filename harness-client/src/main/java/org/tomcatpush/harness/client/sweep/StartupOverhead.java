package org.tomcatpush.harness.client.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.ServerProcess;
import org.tomcatpush.harness.client.launch.ServerStartException;

/**
 * What a run costs on top of its duration, measured on this machine: one harness server started
 * (JVM start to {@code LISTENING}) and stopped, plus a fixed allowance for what every run does
 * after its load stops (the settle pause before the final stats, writing the results and the
 * report). Used for time estimates only.
 *
 * @param perRun   the overhead of one run
 * @param measured whether a server was actually started; false when that failed and
 *                 {@link #FALLBACK} is used
 * @param how      one line saying how the figure was obtained
 */
public record StartupOverhead(Duration perRun, boolean measured, String how) {

    /** Settle pause, final stats, results files and report of every run. */
    public static final Duration AFTER_LOAD = Duration.ofMillis(1_500);

    /** The estimate used before anything was measured. */
    public static final Duration FALLBACK = Duration.ofSeconds(5);

    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);

    /** Starts and stops one server on {@code java} (with {@code heap}, may be null) and times it. */
    public static StartupOverhead measure(Path java, String heap) {
        long startNanos = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(ServerLaunch.of(java, heap, List.of("--port", "0"),
                LISTEN_TIMEOUT))) {
            server.baseUri();
        } catch (ServerStartException | IOException e) {
            return new StartupOverhead(FALLBACK, false, "not measured (a test server did not start: "
                    + e.getMessage() + "), assumed " + TimeText.of(FALLBACK));
        }
        Duration serverStartStop = Duration.ofNanos(System.nanoTime() - startNanos);
        return new StartupOverhead(serverStartStop.plus(AFTER_LOAD), true, "measured here: server start and stop "
                + TimeText.precise(serverStartStop) + " + " + TimeText.precise(AFTER_LOAD)
                + " settle, final stats and results");
    }
}
