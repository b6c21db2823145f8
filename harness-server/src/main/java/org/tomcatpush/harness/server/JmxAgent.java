package org.tomcatpush.harness.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;

import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

import org.tomcatpush.harness.server.config.ConfigException;

/**
 * {@code --jmx-port N}: a JMX RMI connector for the platform MBean server, where the embedded
 * Tomcat registers its MBeans ({@code Tomcat:type=ThreadPool,...}), at
 * {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:N/jmxrmi}. Its RMI registry and connector listen
 * on 127.0.0.1 only, and their stubs name 127.0.0.1, so nothing outside this machine can reach
 * them. For comparing the harness's own probes with what any Tomcat shows over JMX.
 */
final class JmxAgent implements AutoCloseable {

    private final Registry registry;
    private final JMXConnectorServer connector;
    private final JMXServiceURL url;

    private JmxAgent(Registry registry, JMXConnectorServer connector, JMXServiceURL url) {
        this.registry = registry;
        this.connector = connector;
        this.url = url;
    }

    /** Starts the connector on 127.0.0.1:{@code port}. @throws ConfigException when the port is taken */
    static JmxAgent start(int port) {
        // the stubs handed to clients name this host: loopback, whatever the machine's name resolves to
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        RMIServerSocketFactory loopback = new LoopbackSockets();
        Registry registry;
        try {
            registry = LocateRegistry.createRegistry(port, null, loopback);
        } catch (IOException e) {
            // the RemoteException's message spans lines (its nested cause): the port is what went wrong
            throw new ConfigException("--jmx-port " + port + " is already in use on 127.0.0.1 (or cannot be bound):"
                    + " choose a free port");
        }
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            JMXConnectorServer connector = JMXConnectorServerFactory.newJMXConnectorServer(url,
                    Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, loopback),
                    ManagementFactory.getPlatformMBeanServer());
            connector.start();
            return new JmxAgent(registry, connector, url);
        } catch (IOException e) {
            unexport(registry);
            throw new ConfigException("--jmx-port " + port + ": the JMX connector did not start ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
    }

    /** Where a JMX client connects. */
    JMXServiceURL url() {
        return url;
    }

    @Override
    public void close() {
        try {
            connector.stop();
        } catch (IOException ignored) {
            // stopping anyway
        }
        unexport(registry);
    }

    private static void unexport(Registry registry) {
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException ignored) {
            // not exported any more
        }
    }

    /** Server sockets on 127.0.0.1 only; equal to each other, so RMI may share a port between them. */
    private static final class LoopbackSockets implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 0, InetAddress.getLoopbackAddress());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LoopbackSockets;
        }

        @Override
        public int hashCode() {
            return LoopbackSockets.class.hashCode();
        }
    }
}
