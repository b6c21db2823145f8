package org.tomcatpush.harness.client.launch;

import java.util.Optional;

import org.tomcatpush.harness.client.ExitStatus;

/**
 * Makes an agent of {@code harness run --agents N} stop when the process that started it is gone,
 * even when that process was killed outright (SIGKILL runs none of its shutdown hooks): the
 * parent names itself in the agent's environment ({@link #PARENT_PID_VARIABLE}), and the agent
 * watches that process and, once it has exited, ends itself as Ctrl-C would (its run stops and
 * writes what it measured). A process without the variable is left alone. Stateless.
 */
public final class ParentWatch {

    /** The environment variable that holds the pid of an agent's parent. */
    public static final String PARENT_PID_VARIABLE = "HARNESS_AGENT_PARENT_PID";

    private ParentWatch() {
    }

    /** Sets the variable for a child that this process starts. */
    public static void name(ProcessBuilder child) {
        child.environment().put(PARENT_PID_VARIABLE, Long.toString(ProcessHandle.current().pid()));
    }

    /**
     * Watches the parent the environment names, if any: when it exits, this JVM exits with
     * {@link ExitStatus#INTERRUPTED} through its shutdown hooks. A parent already gone ends this
     * process at once.
     */
    public static void installFromEnvironment() {
        parentPid(System.getenv(PARENT_PID_VARIABLE)).ifPresent(pid -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(pid);
            if (parent.isEmpty()) {
                System.exit(ExitStatus.INTERRUPTED);
            }
            // onExit's own thread waits; the exit runs on a thread of its own, as System.exit blocks until halt
            parent.get().onExit().thenRun(() -> {
                Thread exit = new Thread(() -> System.exit(ExitStatus.INTERRUPTED), "harness-parent-gone");
                exit.setDaemon(true);
                exit.start();
            });
        });
    }

    /** The pid in the variable's value; empty when unset or not a number. */
    static Optional<Long> parentPid(String value) {
        if (value == null || !value.matches("\\d{1,19}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
