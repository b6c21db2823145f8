package org.tomcatpush.harness.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The shutdown hook of a long command (a run, the agents of a run, a sweep): on SIGINT or SIGTERM
 * it asks the command to stop, waits until the command has written what it measured (at most
 * {@code wait}), then runs the command's last resort (killing what did not stop). Closing it marks
 * the command finished and removes the hook, unless a shutdown has begun: then the waiting hook
 * returns at once. Used around the command's body, on the command's thread:
 *
 * <pre>
 * try (StopHook hook = StopHook.install("harness-run-stopper", this::requestStop, SHUTDOWN_WAIT)) {
 *     return run();
 * }
 * </pre>
 *
 * {@link SignalExit} then turns the signal into exit status 130.
 */
public final class StopHook implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopHook(String threadName, Runnable requestStop, Duration wait, Runnable afterWait) {
        this.hook = new Thread(() -> {
            requestStop.run();
            try {
                finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            afterWait.run();
        }, threadName);
    }

    /** Installs a hook that calls {@code requestStop} and waits at most {@code wait} for {@link #close}. */
    public static StopHook install(String threadName, Runnable requestStop, Duration wait) {
        return install(threadName, requestStop, wait, () -> { });
    }

    /** As above, then runs {@code afterWait} (also when the command did not finish in time). */
    public static StopHook install(String threadName, Runnable requestStop, Duration wait, Runnable afterWait) {
        StopHook stop = new StopHook(threadName, requestStop, wait, afterWait);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Waits at most {@code timeoutMs} for the command to finish. @return whether it has */
    public boolean awaitFinished(long timeoutMs) throws InterruptedException {
        return finished.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Marks the command finished and removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is waiting for this command: it is finished now
        }
    }
}
