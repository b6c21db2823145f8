package org.tomcatpush.harness.client.session;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;

import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.AsyncHttpClientConfig;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.tomcatpush.harness.client.accounting.ConnectionAccounting;
import org.tomcatpush.harness.client.scenario.Scenario;

/**
 * The async-http-client of a run, configured for measuring rather than for convenience, with the
 * event loops it runs on and the timer of the sessions, which schedules on those loops (owned here
 * so that closing waits for them to stop):
 * <ul>
 *   <li>no request or read timeout (-1): they would cut long-lived streams; polls time out on
 *       their session's own timer ({@code --request-timeout});</li>
 *   <li>no automatic retry: an unexpected close is counted, never replayed (a browser's one retry
 *       after a stale connection is the poll session's own, and counted);</li>
 *   <li>keep-alive on, pooled connections never expired by the client (idle timeout 0, no TTL), so
 *       only the server closes idle connections and such closes are the server's;</li>
 *   <li>no connection caps of its own (AHC's would block a thread; browsers cap themselves);</li>
 *   <li>a WebSocket frame limit far above any payload, no decompression, no cookies, no redirects;</li>
 *   <li>the native epoll transport when available, one event loop per core;</li>
 *   <li>body parts handed over without copying ({@code LAZY}), valid during the callback only;</li>
 *   <li>the connection accounting installed on every new HTTP and WebSocket connection;</li>
 *   <li>the {@link EventLoopDelay} probe on every event loop;</li>
 *   <li>Netty's buffer leak detector off, unless {@code -Dio.netty.leakDetection.level} asks for
 *       it: at its default level it records a stack trace for one buffer in 128, about a thousand
 *       a second in a short poll as fast as possible, CPU the load generator would take from the
 *       server it shares a machine with.</li>
 * </ul>
 */
final class HttpClientResources {

    static final int WEBSOCKET_MAX_FRAME_BYTES = 64 * 1024 * 1024;
    private static final String EPOLL = "io.netty.channel.epoll.Epoll";
    private static final String EPOLL_EVENT_LOOP_GROUP = "io.netty.channel.epoll.EpollEventLoopGroup";
    private static final String LEAK_DETECTION_LEVEL = "io.netty.leakDetection.level";

    private final EventLoopGroup eventLoops;
    private final EventLoopTimer timer;
    private final EventLoopTimer rampUpTimer;
    private final AsyncHttpClient client;
    private final EventLoopDelay eventLoopDelay;

    private HttpClientResources(EventLoopGroup eventLoops, EventLoopTimer timer, AsyncHttpClient client) {
        this.eventLoops = eventLoops;
        this.timer = timer;
        this.rampUpTimer = EventLoopTimer.inTurn(eventLoops);
        this.client = client;
        this.eventLoopDelay = new EventLoopDelay(eventLoops);
    }

    static HttpClientResources create(Scenario scenario, ConnectionAccounting accounting) {
        ResourceLeakDetector.setLevel(leakDetectionLevel(System.getProperty(LEAK_DETECTION_LEVEL)));
        int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        EventLoopGroup eventLoops = newEventLoopGroup(epollAvailable(), ioThreads);
        boolean epoll = isNative(eventLoops);
        // pacing, reconnect delays and the ramp-up run on the event loops' own deadline queues
        EventLoopTimer timer = new EventLoopTimer(eventLoops);
        AsyncHttpClientConfig config = new DefaultAsyncHttpClientConfig.Builder()
                .setEventLoopGroup(eventLoops)
                .setUseNativeTransport(epoll)
                .setUseOnlyEpollNativeTransport(true)
                .setIoThreadsCount(ioThreads)
                .setNettyTimer(timer)
                .setThreadPoolName("harness-client")
                .setConnectTimeout(scenario.connectTimeout())
                .setRequestTimeout(Duration.ofMillis(-1))
                .setReadTimeout(Duration.ofMillis(-1))
                .setMaxRequestRetry(0)
                .setKeepAlive(true)
                .setPooledConnectionIdleTimeout(Duration.ZERO)
                .setConnectionTtl(Duration.ofMillis(-1))
                .setMaxConnections(-1)
                .setMaxConnectionsPerHost(-1)
                .setWebSocketMaxFrameSize(WEBSOCKET_MAX_FRAME_BYTES)
                .setEnableAutomaticDecompression(false)
                .setFollowRedirect(false)
                .setCookieStore(null)
                .setTcpNoDelay(true)
                .setUserAgent("tomcat-push-harness")
                .setResponseBodyPartFactory(AsyncHttpClientConfig.ResponseBodyPartFactory.LAZY)
                .setHttpAdditionalChannelInitializer(accounting.channelInitializer())
                .setWsAdditionalChannelInitializer(accounting.channelInitializer())
                .build();
        return new HttpClientResources(eventLoops, timer, new DefaultAsyncHttpClient(config));
    }

    /**
     * Netty's leak detection level for a run, given the system property's value: none when it is
     * not set, else the level Netty read from it.
     */
    static ResourceLeakDetector.Level leakDetectionLevel(String asked) {
        return asked == null ? ResourceLeakDetector.Level.DISABLED : ResourceLeakDetector.getLevel();
    }

    AsyncHttpClient client() {
        return client;
    }

    EventLoopTimer timer() {
        return timer;
    }

    /** The ramp-up's timer: its task goes to the event loops in turn, so sessions open from all of them. */
    EventLoopTimer rampUpTimer() {
        return rampUpTimer;
    }

    /** How late the event loops ran, from their start until {@link #close}. */
    EventLoopDelay eventLoopDelay() {
        return eventLoopDelay;
    }

    /** Closes the client, then stops its event loops and timer, waiting at most about {@code timeout}. */
    void close(Duration timeout) {
        // the lateness of the shutdown is not the load's
        eventLoopDelay.close();
        try {
            client.close();
        } catch (Exception e) {
            // closing anyway: the event loops below are what holds resources
        }
        eventLoops.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(timeout.toMillis() + 250);
        timer.stop();
    }

    /**
     * Netty's epoll classes are a runtime dependency only (netty-bom scopes the native transports
     * so), hence reflection, as async-http-client itself does.
     */
    private static boolean epollAvailable() {
        try {
            return (Boolean) Class.forName(EPOLL).getMethod("isAvailable").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("deprecation")
    private static boolean isNative(EventLoopGroup eventLoops) {
        return !(eventLoops instanceof NioEventLoopGroup);
    }

    /** AHC 3.0.9 recognises only the classic (deprecated in Netty 4.2) event loop group classes. */
    @SuppressWarnings("deprecation")
    private static EventLoopGroup newEventLoopGroup(boolean epoll, int threads) {
        ThreadFactory threadFactory = new DefaultThreadFactory("harness-client-io", true);
        if (epoll) {
            try {
                return (EventLoopGroup) Class.forName(EPOLL_EVENT_LOOP_GROUP)
                        .getConstructor(int.class, ThreadFactory.class).newInstance(threads, threadFactory);
            } catch (ReflectiveOperationException | LinkageError e) {
                // fall back to NIO below
            }
        }
        return new NioEventLoopGroup(threads, threadFactory);
    }
}
