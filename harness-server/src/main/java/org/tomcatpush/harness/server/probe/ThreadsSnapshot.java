package org.tomcatpush.harness.server.probe;

/**
 * The connector's worker threads at one instant.
 *
 * @param busy        threads serving requests: the executor's active count ({@code busyMetric
 *                    "executor-active"}), or with virtual threads, where Tomcat reports -1, the
 *                    harness handlers executing ({@code "handlers-in-progress"})
 * @param busyMetric  which of the two {@code busy} is
 * @param poolSize    threads in the pool, -1 with virtual threads
 * @param queueLength tasks waiting for a thread, -1 with virtual threads
 * @param maxThreads  the connector's {@code maxThreads}
 * @param virtual     requests run on virtual threads
 */
public record ThreadsSnapshot(int busy, String busyMetric, int poolSize, int queueLength, int maxThreads,
                              boolean virtual) {

    public static final String EXECUTOR_ACTIVE = "executor-active";
    public static final String HANDLERS_IN_PROGRESS = "handlers-in-progress";
}
