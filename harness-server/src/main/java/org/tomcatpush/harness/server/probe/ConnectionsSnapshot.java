package org.tomcatpush.harness.server.probe;

/**
 * The connector's connections at one instant.
 *
 * @param count          connections accepted and not yet closed (the acceptor's latch)
 * @param pollerSockets  sockets registered with the NIO poller (idle keep-alive and waiting
 *                       async connections), -1 for NIO2, which has no poller
 * @param maxConnections the connector's {@code maxConnections}, -1 = unlimited
 */
public record ConnectionsSnapshot(long count, int pollerSockets, int maxConnections) {
}
