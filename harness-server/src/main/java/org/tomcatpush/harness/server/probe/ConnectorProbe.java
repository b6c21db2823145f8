package org.tomcatpush.harness.server.probe;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/**
 * Reads thread and connection figures straight from a started connector: its executor (active
 * count, pool size, queue) and its endpoint (connection latch, poller keys). Cheap enough to call
 * on every sample; allocates only the returned snapshot.
 */
final class ConnectorProbe {

    private final ServerCounters counters;
    private final ProtocolHandler protocolHandler;
    private final AbstractEndpoint<?, ?> endpoint;

    ConnectorProbe(Connector connector, ServerCounters counters) {
        this.counters = counters;
        this.protocolHandler = connector.getProtocolHandler();
        this.endpoint = endpointOf(protocolHandler);
    }

    /** The worker threads now. */
    ThreadsSnapshot threads() {
        Executor executor = protocolHandler.getExecutor();
        if (executor instanceof ThreadPoolExecutor pool) {
            return new ThreadsSnapshot(pool.getActiveCount(), ThreadsSnapshot.EXECUTOR_ACTIVE, pool.getPoolSize(),
                    pool.getQueue().size(), endpoint.getMaxThreads(), false);
        }
        // virtual threads: Tomcat reports -1 busy, so count the harness handlers executing instead
        return new ThreadsSnapshot(counters.handlersInProgress(), ThreadsSnapshot.HANDLERS_IN_PROGRESS, -1, -1,
                endpoint.getMaxThreads(), true);
    }

    /** The connections now. */
    ConnectionsSnapshot connections() {
        long count = endpoint.getConnectionCount();
        if (count < 0) {
            // no connection latch when maxConnections is unlimited: count the open sockets
            count = endpoint.getConnections().size();
        }
        int pollerSockets = endpoint instanceof NioEndpoint nio ? nio.getKeepAliveCount() : -1;
        return new ConnectionsSnapshot(count, pollerSockets, endpoint.getMaxConnections());
    }

    private static AbstractEndpoint<?, ?> endpointOf(ProtocolHandler handler) {
        // AbstractProtocol keeps its endpoint protected; the probe needs its public counters
        try {
            Method getEndpoint = AbstractProtocol.class.getDeclaredMethod("getEndpoint");
            getEndpoint.setAccessible(true);
            return (AbstractEndpoint<?, ?>) getEndpoint.invoke(handler);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot read the endpoint of " + handler.getClass().getName(), e);
        }
    }
}
