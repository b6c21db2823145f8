package org.tomcatpush.harness.client.sweep.experiments;

import java.util.List;
import java.util.Optional;

/** The experiments the harness can judge from a sweep, by id. Stateless. */
public final class Experiments {

    private static final List<Experiment> ALL = List.of(new KeepAliveLimitExperiment(), new SseTimeoutExperiment(),
            new AsyncThreadsExperiment(), new BlockingThreadsExperiment(), new ConnectBacklogExperiment(),
            new KeepAliveHeaderExperiment(), new IdleTimeoutExperiment(), new BandwidthExperiment(),
            new BrowserQueueExperiment(), new ProxyHeartbeatExperiment(), new AsyncContainerExperiment(),
            new HeldMemoryExperiment());

    private Experiments() {
    }

    /** Every experiment, in id order. */
    public static List<Experiment> all() {
        return ALL;
    }

    /** The experiment with {@code id} ({@code E1}, case-insensitive). */
    public static Optional<Experiment> byId(String id) {
        return ALL.stream().filter(e -> e.id().equalsIgnoreCase(id)).findFirst();
    }
}
