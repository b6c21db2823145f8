package org.tomcatpush.harness.server.config;

/** The Tomcat HTTP/1.1 connector implementation. */
public enum Protocol {
    NIO("nio", "org.apache.coyote.http11.Http11NioProtocol"),
    NIO2("nio2", "org.apache.coyote.http11.Http11Nio2Protocol");

    private final String cliName;
    private final String protocolHandlerClass;

    Protocol(String cliName, String protocolHandlerClass) {
        this.cliName = cliName;
        this.protocolHandlerClass = protocolHandlerClass;
    }

    public String cliName() {
        return cliName;
    }

    /** The class name Tomcat's {@code Connector} takes as its protocol. */
    public String protocolHandlerClass() {
        return protocolHandlerClass;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
