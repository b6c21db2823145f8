package org.tomcatpush.harness.client.serverstats;

/**
 * One read of a Tomcat connector's MBeans over JMX: its {@code ThreadPool} and its
 * {@code GlobalRequestProcessor}. Immutable; -1 where an attribute was missing or unreadable.
 *
 * @param epochMs        when it was read, the client's clock
 * @param busyThreads    {@code currentThreadsBusy} (-1 with virtual threads, as Tomcat reports it)
 * @param threads        {@code currentThreadCount}
 * @param connections    {@code connectionCount}
 * @param maxThreads     {@code maxThreads}
 * @param maxConnections {@code maxConnections}
 * @param keepAlive      {@code keepAliveCount}: connections idle between keep-alive requests
 * @param requests       {@code requestCount}, cumulative since the connector started
 * @param bytesSent      {@code bytesSent}, cumulative since the connector started
 */
public record JmxReading(long epochMs, long busyThreads, long threads, long connections, long maxThreads,
        long maxConnections, long keepAlive, long requests, long bytesSent) {
}
