package org.tomcatpush.harness.client.session;

import java.net.InetAddress;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;

import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.channel.ChannelPoolPartitioning;
import org.asynchttpclient.proxy.ProxyServer;
import org.asynchttpclient.uri.Uri;

/**
 * One client as the server sees it: a browser tab (each session alone) or, with browser emulation,
 * a browser shared by several sessions. It owns its keep-alive connections, which no other virtual
 * client may reuse: the connection pool is partitioned by {@link PartitionKey}, which holds the
 * client's id and its local source address (async-http-client's pool would otherwise hand out a
 * connection bound to another address). A browser also caps its concurrent exchanges at
 * {@code Scenario.BROWSER_CONNECTIONS_PER_ORIGIN}. Immutable apart from its permits; thread-safe.
 */
final class VirtualClient implements ChannelPoolPartitioning {

    /** The pool partition of one virtual client's connections. */
    record PartitionKey(int clientId, InetAddress localAddress) {
    }

    private final PartitionKey partitionKey;
    private final InetAddress targetAddress;
    private final boolean keepAliveHeader;
    private final ConnectionPermits permits;

    /**
     * @param keepAliveHeader send {@code Connection: keep-alive} (as a browser does, by default)
     * @param permits         the browser's connection cap, or {@code null} for no cap (a single session
     *                        never has more than one exchange at a time)
     */
    VirtualClient(int clientId, InetAddress localAddress, InetAddress targetAddress, boolean keepAliveHeader,
            ConnectionPermits permits) {
        this.partitionKey = new PartitionKey(clientId, localAddress);
        this.targetAddress = targetAddress;
        this.keepAliveHeader = keepAliveHeader;
        this.permits = permits;
    }

    @Override
    public Object getPartitionKey(Uri uri, String virtualHost, ProxyServer proxyServer) {
        return partitionKey;
    }

    PartitionKey partitionKey() {
        return partitionKey;
    }

    /** A GET of {@code uri} on this client's connections (with {@code Connection: keep-alive} when it sends it). */
    RequestBuilder get(Uri uri) {
        RequestBuilder builder = new RequestBuilder("GET", true)
                .setUri(uri)
                .setAddress(targetAddress)
                .setLocalAddress(partitionKey.localAddress())
                .setChannelPoolPartitioning(this);
        if (keepAliveHeader) {
            builder.setHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return builder;
    }

    /**
     * Runs {@code exchange} once the client may open one more (at once without a cap).
     *
     * @return true when it ran at once, false when it waits for one of the browser's connections
     */
    boolean whenConnectionFree(Runnable exchange) {
        if (permits == null) {
            exchange.run();
            return true;
        }
        return permits.acquire(exchange);
    }

    /** Ends an exchange started by {@link #whenConnectionFree(Runnable)}. */
    void exchangeEnded() {
        if (permits != null) {
            permits.release();
        }
    }

    /** Withdraws an exchange still waiting for a connection; returns whether it was waiting. */
    boolean withdraw(Runnable exchange) {
        return permits != null && permits.withdraw(exchange);
    }
}
