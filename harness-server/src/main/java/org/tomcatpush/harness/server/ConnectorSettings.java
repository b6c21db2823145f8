package org.tomcatpush.harness.server;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.tomcatpush.harness.server.config.ServerConfig;

/**
 * The one place where harness knobs become Tomcat connector attributes. Each attribute is set by
 * its Tomcat name through {@link Connector#setProperty} ({@code asyncTimeout}, which belongs to the
 * Connector itself, through its setter), and a name Tomcat does not accept fails
 * start-up instead of being silently ignored. {@code keepAliveTimeout} is set only when given, so
 * Tomcat's own default (the connection timeout) applies otherwise.
 */
final class ConnectorSettings {

    private ConnectorSettings() {
    }

    /** Tomcat attribute name to value, in a stable order (also reported by {@code /harness/stats}). */
    static Map<String, String> attributes(ServerConfig config) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("address", config.host());
        attributes.put("port", Integer.toString(config.port()));
        attributes.put("maxThreads", Integer.toString(config.maxThreads()));
        attributes.put("minSpareThreads", Integer.toString(config.minSpareThreads()));
        attributes.put("maxConnections", Integer.toString(config.maxConnections()));
        attributes.put("acceptCount", Integer.toString(config.acceptCount()));
        attributes.put("connectionTimeout", Integer.toString(config.connectionTimeoutMs()));
        if (config.keepAliveTimeoutMs() != null) {
            attributes.put("keepAliveTimeout", Integer.toString(config.keepAliveTimeoutMs()));
        }
        attributes.put("maxKeepAliveRequests", Integer.toString(config.maxKeepAliveRequests()));
        attributes.put("asyncTimeout", Long.toString(config.asyncTimeoutMs()));
        if (config.virtualThreads()) {
            attributes.put("useVirtualThreads", "true");
        }
        return attributes;
    }

    /** A connector for {@code config}'s protocol with every attribute applied; it throws when it cannot bind. */
    static Connector create(ServerConfig config, Map<String, String> attributes) {
        Connector connector = new Connector(config.protocol().protocolHandlerClass());
        connector.setThrowOnFailure(true);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getKey().equals("asyncTimeout")) {
                // an attribute of the Connector itself; setProperty only reaches the protocol handler
                connector.setAsyncTimeout(Long.parseLong(attribute.getValue()));
            } else if (!connector.setProperty(attribute.getKey(), attribute.getValue())) {
                throw new IllegalStateException("Tomcat's " + config.protocol().protocolHandlerClass()
                        + " does not accept the attribute " + attribute.getKey());
            }
        }
        return connector;
    }
}
