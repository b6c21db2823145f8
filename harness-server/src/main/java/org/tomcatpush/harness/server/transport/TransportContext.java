package org.tomcatpush.harness.server.transport;

import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.ServerCounters;

/**
 * What every transport needs, handed to each endpoint once at start-up.
 *
 * @param config   the server's knobs (handler mode, timeouts, batch size)
 * @param hub      the topic sessions read from
 * @param counters the probe counters endpoints update
 * @param timer    wakes async sessions at their deadlines
 */
public record TransportContext(ServerConfig config, MessageHub hub, ServerCounters counters, SessionTimer timer) {
}
