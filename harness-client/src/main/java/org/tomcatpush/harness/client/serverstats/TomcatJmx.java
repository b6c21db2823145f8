package org.tomcatpush.harness.client.serverstats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads one Tomcat connector's figures from its MBeans over a JMX connector ({@code --jmx}):
 * {@code DOMAIN:type=ThreadPool,name=*} and {@code DOMAIN:type=GlobalRequestProcessor,name=*}, the
 * domain being the engine's name ({@code Catalina} in a standalone Tomcat, {@code Tomcat} in an
 * embedded one such as Spring Boot's). Of several connectors it takes the one whose name ends in
 * the target's port ({@code "http-nio-127.0.0.1-8080"}, {@code "http-nio-8080"}), or the only
 * one. Uses only {@code javax.management}. Confined to one thread at a time; blocking calls.
 */
public final class TomcatJmx implements AutoCloseable {

    private static final String[] POOL_ATTRIBUTES = {"currentThreadsBusy", "currentThreadCount", "connectionCount",
        "maxThreads", "maxConnections", "keepAliveCount"};
    private static final String[] PROCESSOR_ATTRIBUTES = {"requestCount", "bytesSent"};

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final ObjectName threadPool;
    private final ObjectName requestProcessor;
    private final Map<String, Long> settings;

    private TomcatJmx(JMXConnector connector, MBeanServerConnection mbeans, ObjectName threadPool,
            ObjectName requestProcessor, Map<String, Long> settings) {
        this.connector = connector;
        this.mbeans = mbeans;
        this.threadPool = threadPool;
        this.requestProcessor = requestProcessor;
        this.settings = settings;
    }

    /**
     * Connects to {@code url} and finds the MBeans of the connector on {@code port}.
     *
     * @throws IOException with a one-line message when the URL does not answer within
     *                     {@code timeoutMs} or holds no such connector
     */
    public static TomcatJmx connect(JMXServiceURL url, int port, long timeoutMs) throws IOException {
        JMXConnector connector = connectWithin(url, timeoutMs);
        try {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            ObjectName pool = pickThreadPool(mbeans, port, url);
            // the connector's request processor has the same domain and name as its thread pool
            ObjectName processor = new ObjectName(pool.getDomain() + ":type=GlobalRequestProcessor,name="
                    + pool.getKeyProperty("name"));
            return new TomcatJmx(connector, mbeans, pool, processor, settings(mbeans, pool.getDomain(), port));
        } catch (MalformedObjectNameException e) {
            closeQuietly(connector);
            throw new IOException(url + " names a ThreadPool MBean without a usable name: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            closeQuietly(connector);
            throw e;
        }
    }

    /** The ThreadPool MBean read, e.g. {@code Tomcat:type=ThreadPool,name="http-nio-127.0.0.1-8080"}. */
    public ObjectName threadPool() {
        return threadPool;
    }

    /**
     * The connector's settings as its {@code ProtocolHandler} MBean gives them, read once at
     * connect, under the names of harness-server's config ({@code maxKeepAliveRequests},
     * {@code keepAliveTimeoutMs}, {@code acceptCount}, {@code connectionTimeoutMs}); empty when it
     * has none.
     */
    public Map<String, Long> settings() {
        return settings;
    }

    /** Reads the connector's figures now. @throws IOException when the connection failed */
    public JmxReading read() throws IOException {
        long epochMs = System.currentTimeMillis();
        long[] pool = attributes(mbeans, threadPool, POOL_ATTRIBUTES);
        long[] processor = attributes(mbeans, requestProcessor, PROCESSOR_ATTRIBUTES);
        return new JmxReading(epochMs, pool[0], pool[1], pool[2], pool[3], pool[4], pool[5], processor[0],
                processor[1]);
    }

    @Override
    public void close() {
        closeQuietly(connector);
    }

    private static long[] attributes(MBeanServerConnection mbeans, ObjectName name, String[] attributes)
            throws IOException {
        long[] values = new long[attributes.length];
        Arrays.fill(values, -1);
        AttributeList list;
        try {
            list = mbeans.getAttributes(name, attributes);
        } catch (JMException e) {
            return values;
        }
        for (Attribute a : list.asList()) {
            for (int i = 0; i < attributes.length; i++) {
                if (attributes[i].equals(a.getName()) && a.getValue() instanceof Number n) {
                    values[i] = n.longValue();
                }
            }
        }
        return values;
    }

    private static Map<String, Long> settings(MBeanServerConnection mbeans, String domain, int port)
            throws IOException {
        Map<String, Long> settings = new LinkedHashMap<>();
        ObjectName handler = null;
        try {
            for (ObjectName n : mbeans.queryNames(new ObjectName(domain + ":type=ProtocolHandler,*"), null)) {
                if (servesPort(mbeans, n, n.getKeyProperty("port"), port)) {
                    handler = n;
                }
            }
        } catch (JMException e) {
            return settings;
        }
        if (handler == null) {
            return settings;
        }
        String[] attributes = {"maxKeepAliveRequests", "keepAliveTimeout", "acceptCount", "connectionTimeout"};
        String[] names = {"maxKeepAliveRequests", "keepAliveTimeoutMs", "acceptCount", "connectionTimeoutMs"};
        long[] values = attributes(mbeans, handler, attributes);
        for (int i = 0; i < names.length; i++) {
            if (values[i] >= 0) {
                settings.put(names[i], values[i]);
            }
        }
        return Map.copyOf(settings);
    }

    /**
     * The ThreadPool of the connector on {@code port}: the one whose name ends in the port, or whose
     * {@code localPort} is it (a connector started on port 0 is named {@code ...-auto-1}), or the
     * only one there is.
     */
    private static ObjectName pickThreadPool(MBeanServerConnection mbeans, int port, JMXServiceURL url)
            throws IOException {
        Set<ObjectName> names;
        try {
            names = mbeans.queryNames(new ObjectName("*:type=ThreadPool,name=*"), null);
        } catch (JMException e) {
            throw new IOException(e.getMessage());
        }
        List<ObjectName> onPort = new ArrayList<>();
        for (ObjectName n : names) {
            String name = n.getKeyProperty("name");
            String unquoted = name.startsWith("\"") ? ObjectName.unquote(name) : name;
            if (servesPort(mbeans, n, unquoted.substring(unquoted.lastIndexOf('-') + 1), port)) {
                onPort.add(n);
            }
        }
        if (onPort.size() == 1) {
            return onPort.get(0);
        }
        if (onPort.isEmpty() && names.size() == 1) {
            return names.iterator().next();
        }
        throw new IOException(names.isEmpty()
                ? url + " has no *:type=ThreadPool MBean: is it a Tomcat with its MBean registry enabled"
                        + " (Spring Boot: server.tomcat.mbeanregistry.enabled=true)?"
                : url + " has " + names.size() + " *:type=ThreadPool MBeans and not exactly one is the connector of"
                        + " port " + port + ": " + names);
    }

    /** Whether the MBean {@code n} belongs to the connector on {@code port}: by its name, or its {@code localPort}. */
    private static boolean servesPort(MBeanServerConnection mbeans, ObjectName n, String portInName, int port)
            throws IOException {
        if (Integer.toString(port).equals(portInName)) {
            return true;
        }
        return attributes(mbeans, n, new String[] {"localPort"})[0] == port;
    }

    private static JMXConnector connectWithin(JMXServiceURL url, long timeoutMs) throws IOException {
        ExecutorService connecting = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "harness-jmx-connect");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<JMXConnector> future = connecting.submit(() -> JMXConnectorFactory.connect(url));
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(url + " did not answer within " + timeoutMs + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IOException(url + " does not answer (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse(""))
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + url);
        } finally {
            connecting.shutdownNow();
        }
    }

    private static void closeQuietly(JMXConnector connector) {
        try {
            connector.close();
        } catch (IOException ignored) {
            // the server side is gone already
        }
    }
}
