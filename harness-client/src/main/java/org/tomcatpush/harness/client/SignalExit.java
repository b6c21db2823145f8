package org.tomcatpush.harness.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes a command that a signal stopped end the process with {@link ExitStatus#INTERRUPTED} (130),
 * on SIGINT and SIGTERM alike, once the command has written what it measured. Left alone, the JVM
 * exits 128 + the signal's number after its shutdown hooks (130 for Ctrl-C, 143 for SIGTERM), and
 * the command's own status never reaches the shell: {@code System.exit} blocks while a shutdown
 * is in progress. The hook installed here waits for {@link #finished} (at most {@code wait} plus
 * a second) and then halts the JVM with 130; the command's own hooks (which stop its run and
 * wait for it) have returned by then. Used around one command, on the calling thread:
 *
 * <pre>
 * try (SignalExit signal = SignalExit.install(LoadRun.SHUTDOWN_WAIT)) {
 *     return signal.finished(run.execute());
 * }
 * </pre>
 */
public final class SignalExit implements AutoCloseable {

    private static final Duration MARGIN = Duration.ofSeconds(1);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Duration wait;
    private final Thread hook;

    private SignalExit(Duration wait) {
        this.wait = wait.plus(MARGIN);
        this.hook = new Thread(this::onShutdown, "harness-signal-exit");
    }

    /** Installs the hook; the command's own shutdown handling waits at most {@code wait}. */
    public static SignalExit install(Duration wait) {
        SignalExit exit = new SignalExit(wait);
        Runtime.getRuntime().addShutdownHook(exit.hook);
        return exit;
    }

    /** Marks the command done (its files written). @return {@code status}, unchanged */
    public int finished(int status) {
        finished.countDown();
        return status;
    }

    /** Removes the hook, unless a shutdown has begun: then the hook ends the process. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // a signal is ending the process: the hook halts it with 130 now that the command is done
        }
    }

    private void onShutdown() {
        try {
            finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(ExitStatus.INTERRUPTED);
    }
}
