package org.tomcatpush.harness.server;

import org.apache.catalina.Context;
import org.apache.catalina.Service;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardEngine;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.core.StandardService;
import org.apache.catalina.core.StandardThreadExecutor;
import org.apache.catalina.realm.NullRealm;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.tomcatpush.harness.server.config.Protocol;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.probe.ControlAccess;
import org.tomcatpush.harness.server.probe.ControlRedirectServlet;
import org.tomcatpush.harness.server.probe.ControlServlet;
import org.tomcatpush.harness.server.probe.ServerProbe;

/**
 * The control connector: {@code /harness/*} on a port of its own ({@code --control-port}, same
 * {@code --host}) served by a few platform threads of its own, in a Tomcat Service of its own
 * (engine, host and a context that holds only the control servlet and its token guard). However
 * busy the workload connector is, even with every worker held by a blocking handler, a probe
 * request gets a thread at once; and as it never passes the workload connector or context, the
 * workload's probes (busy threads, connections, the per-connection ledger) never see the probe
 * traffic. The workload context keeps only a redirect to it ({@link ControlRedirectServlet}).
 */
final class ControlService {

    /** Worker threads of the control connector: stats, reset and publish are short. */
    static final int THREADS = 4;

    private static final String NAME = "harness-control";
    private static final String HOST = "localhost";
    private static final String CONTROL_SERVLET = "harness-control";
    private static final String CONTROL_GUARD = "harness-control-guard";
    private static final String REDIRECT_SERVLET = "harness-control-redirect";

    private ControlService() {
    }

    /**
     * Adds the control Service to {@code tomcat} (before it starts) and returns its connector.
     *
     * @param controlAccess the token guard, or {@code null} for open control endpoints
     */
    static Connector add(Tomcat tomcat, ServerConfig config, ServerProbe probe, ControlAccess controlAccess) {
        StandardThreadExecutor executor = new StandardThreadExecutor();
        executor.setName(NAME + "-executor");
        executor.setNamePrefix(NAME + "-exec-");
        executor.setMaxThreads(THREADS);
        executor.setMinSpareThreads(1);
        executor.setDaemon(true);

        Connector connector = new Connector(Protocol.NIO.protocolHandlerClass());
        connector.setThrowOnFailure(true);
        set(connector, "address", config.host());
        set(connector, "port", Integer.toString(config.controlPort()));
        // one stats connection serves a whole run: never close it for having served many requests
        set(connector, "maxKeepAliveRequests", "-1");
        connector.getProtocolHandler().setExecutor(executor);

        StandardEngine engine = new StandardEngine();
        engine.setName(NAME);
        engine.setDefaultHost(HOST);
        engine.setRealm(new NullRealm());
        StandardHost host = new StandardHost();
        host.setName(HOST);
        engine.addChild(host);

        Service service = new StandardService();
        service.setName(NAME);
        service.setContainer(engine);
        service.addExecutor(executor);
        service.addConnector(connector);
        tomcat.getServer().addService(service);

        Context ctx = tomcat.addContext(host, "", null);
        Tomcat.addServlet(ctx, CONTROL_SERVLET, new ControlServlet(probe));
        ctx.addServletMappingDecoded("/harness/*", CONTROL_SERVLET);
        // anything else on this port gets the control servlet's 404 naming its endpoints
        ctx.addServletMappingDecoded("/", CONTROL_SERVLET);
        if (controlAccess != null) {
            FilterDef guard = new FilterDef();
            guard.setFilterName(CONTROL_GUARD);
            guard.setFilter(controlAccess);
            ctx.addFilterDef(guard);
            FilterMap guarded = new FilterMap();
            guarded.setFilterName(CONTROL_GUARD);
            guarded.addURLPatternDecoded("/*");
            ctx.addFilterMap(guarded);
        }
        return connector;
    }

    /** Answers {@code /harness/*} on the workload context with a redirect to {@code control}. */
    static void redirectFrom(Context workload, Connector control) {
        Tomcat.addServlet(workload, REDIRECT_SERVLET, new ControlRedirectServlet(control::getLocalPort));
        workload.addServletMappingDecoded("/harness/*", REDIRECT_SERVLET);
    }

    private static void set(Connector connector, String attribute, String value) {
        if (!connector.setProperty(attribute, value)) {
            throw new IllegalStateException("Tomcat's connector does not accept the attribute " + attribute);
        }
    }
}
