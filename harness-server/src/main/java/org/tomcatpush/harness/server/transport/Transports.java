package org.tomcatpush.harness.server.transport;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * Mounts the four push transports on a context: {@code /poll}, {@code /longpoll} and {@code /sse}
 * as async-capable servlets, {@code /ws} as a programmatic JSR-356 endpoint through Tomcat's
 * {@link WsSci}.
 */
public final class Transports {

    private Transports() {
    }

    /** Adds every transport to {@code ctx}; call before the server starts. */
    public static void install(Context ctx, TransportContext context) {
        addServlet(ctx, Endpoint.POLL, new PollServlet(context));
        addServlet(ctx, Endpoint.LONGPOLL, new LongPollServlet(context));
        addServlet(ctx, Endpoint.SSE, new SseServlet(context));
        installFallback(ctx);
        ctx.addServletContainerInitializer(new WsSci(), null);
        ctx.addServletContainerInitializer(new WsRegistration(context), null);
    }

    /** Answers every path no transport serves with a one-line 404 ({@code /ws} without an upgrade: 426). */
    public static void installFallback(Context ctx) {
        Tomcat.addServlet(ctx, "fallback", new FallbackServlet()).setAsyncSupported(true);
        ctx.addServletMappingDecoded("/", "fallback");
    }

    private static void addServlet(Context ctx, Endpoint endpoint, PushServlet servlet) {
        Wrapper wrapper = Tomcat.addServlet(ctx, endpoint.key(), servlet);
        wrapper.setAsyncSupported(true);
        ctx.addServletMappingDecoded(endpoint.path(), endpoint.key());
    }

    /** Registers {@code /ws} once {@link WsSci} has created the container (initialisers run in order). */
    private static final class WsRegistration implements ServletContainerInitializer {

        private final TransportContext context;

        WsRegistration(TransportContext context) {
            this.context = context;
        }

        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext servletContext) throws ServletException {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            ServerEndpointConfig config = ServerEndpointConfig.Builder.create(WsPushEndpoint.class, Endpoint.WS.path())
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public <T> T getEndpointInstance(Class<T> endpointClass) {
                            return endpointClass.cast(new WsPushEndpoint(context));
                        }
                    })
                    .build();
            try {
                container.addEndpoint(config);
            } catch (DeploymentException e) {
                throw new ServletException("cannot register the WebSocket endpoint " + Endpoint.WS.path(), e);
            }
        }
    }
}
