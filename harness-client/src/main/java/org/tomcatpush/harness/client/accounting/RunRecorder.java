package org.tomcatpush.harness.client.accounting;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;

/** One {@link TransportRecorder} per transport of a run's mix. Thread-safe; fixed at construction. */
public final class RunRecorder {

    private final Map<Transport, TransportRecorder> recorders;

    public RunRecorder(TransportMix mix) {
        Map<Transport, TransportRecorder> map = new EnumMap<>(Transport.class);
        for (Transport t : mix.transports()) {
            map.put(t, new TransportRecorder(t));
        }
        this.recorders = Collections.unmodifiableMap(map);
    }

    /** @throws IllegalArgumentException if the transport is not part of the run's mix */
    public TransportRecorder forTransport(Transport transport) {
        TransportRecorder r = recorders.get(transport);
        if (r == null) {
            throw new IllegalArgumentException("transport " + transport + " is not part of this run");
        }
        return r;
    }

    /** The recorders in transport order. */
    public Map<Transport, TransportRecorder> all() {
        return recorders;
    }
}
