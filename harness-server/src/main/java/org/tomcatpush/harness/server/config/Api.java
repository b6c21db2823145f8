package org.tomcatpush.harness.server.config;

/**
 * Which programming model serves the four push endpoints, on the same embedded Tomcat and
 * connector: {@code servlet} the harness's own Servlet async and JSR-356 code, {@code spring}
 * Spring MVC 7 ({@code SseEmitter}, {@code DeferredResult}, a plain handler method and a Spring
 * {@code WebSocketHandler}) behind a {@code DispatcherServlet}. Both speak the same wire protocol
 * (docs/PROTOCOL.md); docs/SERVER.md says where Spring answers a timeout its own way.
 */
public enum Api {
    SERVLET("servlet"),
    SPRING("spring");

    private final String cliName;

    Api(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
