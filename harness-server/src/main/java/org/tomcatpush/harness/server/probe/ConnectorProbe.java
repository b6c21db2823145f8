package org.tomcatpush.harness.server.probe;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Executor;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/**
 * Reads thread and connection figures straight from a started connector: its executor (active
 * count, pool size, queue) and its endpoint (open sockets, poller keys). Cheap enough to call on
 * every sample; allocates only the returned snapshot.
 *
 * <p>Connections are the endpoint's map of open sockets, not its connection latch: the acceptor
 * takes a latch slot before it waits in {@code accept()}, so the latch counts one connection too
 * many whenever the connector is below {@code maxConnections} (an idle server would show 1).
 */
final class ConnectorProbe {

    private final ServerCounters counters;
    private final ProtocolHandler protocolHandler;
    private final AbstractEndpoint<?, ?> endpoint;
    private final Map<?, ?> openSockets;

    ConnectorProbe(Connector connector, ServerCounters counters) {
        this.counters = counters;
        this.protocolHandler = connector.getProtocolHandler();
        this.endpoint = endpointOf(protocolHandler);
        this.openSockets = openSocketsOf(endpoint);
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
        long count = openSockets.size();
        int pollerSockets = endpoint instanceof NioEndpoint nio ? nio.getKeepAliveCount() : -1;
        return new ConnectionsSnapshot(count, pollerSockets, endpoint.getMaxConnections());
    }

    private static Map<?, ?> openSocketsOf(AbstractEndpoint<?, ?> endpoint) {
        // the endpoint keeps its open sockets in a protected map; getConnections() copies it on every call
        try {
            Field connections = AbstractEndpoint.class.getDeclaredField("connections");
            connections.setAccessible(true);
            return (Map<?, ?>) connections.get(endpoint);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot read the open connections of " + endpoint.getClass().getName(), e);
        }
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
