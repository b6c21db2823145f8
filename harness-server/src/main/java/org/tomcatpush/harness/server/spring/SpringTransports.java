package org.tomcatpush.harness.server.spring;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.transport.TransportContext;
import org.tomcatpush.harness.server.transport.Transports;

/**
 * Mounts the four push transports on a context the Spring MVC way ({@code --api spring}): one
 * {@link DispatcherServlet} (no Spring Boot) mapped to {@code /poll}, {@code /longpoll}, {@code /sse}
 * and {@code /ws}, whose application context is {@link SpringPushConfig}. Every other path keeps the
 * servlet flavour's one-line 404. Only {@code HarnessServer} with {@code --api spring} calls this
 * class, so a servlet server never loads a Spring class.
 */
public final class SpringTransports {

    // held strongly: java.util.logging forgets the level of a logger that is garbage collected
    private static final Logger SPRING = Logger.getLogger("org.springframework");
    private static Logger contextLog;

    private SpringTransports() {
    }

    /** Adds every transport to {@code ctx}; call before the server starts. */
    public static void install(Context ctx, TransportContext context) {
        // the server prints only its own lines, as with Tomcat's logging; the DispatcherServlet
        // announces its start through the context's log, which embedded Tomcat leaves at INFO
        SPRING.setLevel(Level.WARNING);
        contextLog = Logger.getLogger(ctx.getLogName());
        contextLog.setLevel(Level.WARNING);
        AnnotationConfigWebApplicationContext web = new AnnotationConfigWebApplicationContext();
        web.register(SpringPushConfig.class);
        web.addBeanFactoryPostProcessor(factory -> factory.registerSingleton("transportContext", context));
        Wrapper wrapper = Tomcat.addServlet(ctx, "spring", new DispatcherServlet(web));
        wrapper.setAsyncSupported(true);
        wrapper.setLoadOnStartup(1);
        for (Endpoint endpoint : new Endpoint[] {Endpoint.POLL, Endpoint.LONGPOLL, Endpoint.SSE, Endpoint.WS}) {
            ctx.addServletMappingDecoded(endpoint.path(), "spring");
        }
        Transports.installFallback(ctx);
        // creates the JSR-356 container Spring's upgrade strategy hands the /ws upgrade to
        ctx.addServletContainerInitializer(new WsSci(), null);
    }
}
