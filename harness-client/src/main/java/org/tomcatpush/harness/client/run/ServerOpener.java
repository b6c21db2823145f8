package org.tomcatpush.harness.client.run;

import java.io.IOException;
import java.net.URI;
import java.util.function.Consumer;

import org.tomcatpush.harness.client.launch.NginxConfig;
import org.tomcatpush.harness.client.launch.NginxProxy;
import org.tomcatpush.harness.client.launch.ProxySettings;
import org.tomcatpush.harness.client.launch.ProxyStartException;
import org.tomcatpush.harness.client.launch.ServerProcess;
import org.tomcatpush.harness.client.launch.ServerStartException;
import org.tomcatpush.harness.client.launch.TargetGuard;
import org.tomcatpush.harness.client.results.ProxyInfo;
import org.tomcatpush.harness.client.serverstats.ControlDiscovery;

/**
 * Opens the server a {@link LoadRun} measures: the server it starts in a child JVM, a {@code --target}
 * harness server (its control connector discovered, checked by the loopback guard), or a foreign
 * application, each behind the plan's nginx when it has one. Every handle it opens is recorded in
 * the run's state and handed to {@code opened} at once, so that the run's watchdog can close it
 * even while the opening is still going on. One instance opens once.
 */
final class ServerOpener {

    private final RunPlan plan;
    private final RunState state;
    private final String targetControlToken;
    private final Consumer<ServerHandle> opened;

    /**
     * @param targetControlToken the {@code --control-token} of a {@code --target}, or {@code null}
     * @param opened             told of each handle the teardown must close (the child server, then nginx in front of it)
     */
    ServerOpener(RunPlan plan, RunState state, String targetControlToken, Consumer<ServerHandle> opened) {
        this.plan = plan;
        this.state = state;
        this.targetControlToken = targetControlToken;
        this.opened = opened;
    }

    /** The server as the sessions reach it. */
    ServerHandle open() throws ServerStartException, IOException, LoadRun.RunFailure, LoadRun.BadTarget {
        if (plan.foreignTarget()) {
            // a foreign application has no /harness/*: nothing to discover, nothing to reset
            return behindProxy(ExternalServer.foreign(plan.target()));
        }
        if (!plan.startsServer()) {
            ExternalServer external = new ExternalServer(plan.target(), discoverControl(plan.target()),
                    targetControlToken);
            return behindProxy(external);
        }
        ChildServer child = new ChildServer(ServerProcess.start(plan.serverLaunch()));
        opened.accept(child);
        return behindProxy(child);
    }

    /**
     * The server as the sessions reach it: itself, or behind the plan's nginx, which is started
     * here with its configuration in the run folder. From then on the returned handle is the one
     * every exit path closes (the teardown, the watchdog), so stopping the server stops nginx.
     */
    private ServerHandle behindProxy(ServerHandle server) throws IOException, LoadRun.RunFailure {
        state.serverStarted(server);
        if (!plan.proxy().enabled()) {
            return server;
        }
        ProxySettings settings = plan.proxy();
        NginxProxy proxy;
        try {
            proxy = NginxProxy.start(settings.binary(), server.baseUri(), settings, state.beginFolder().file(
                    NginxConfig.FILE_NAME).getParent());
        } catch (ProxyStartException | IOException e) {
            server.close();
            throw new LoadRun.RunFailure("the proxy did not start: " + e.getMessage());
        }
        ProxiedServer proxied = new ProxiedServer(server, proxy);
        opened.accept(proxied);
        state.proxyStarted(new ProxyInfo(settings.kind(), NginxProxy.version(settings.binary()),
                settings.readTimeout().toMillis(), settings.upstreamKeepalive(), proxy.baseUri().toString(),
                server.baseUri().toString(), proxy.pid()));
        state.serverStarted(proxied);
        return proxied;
    }

    /**
     * Where the target serves {@code /harness/*}: its control connector (a 308 from its workload
     * port), or the target itself (an older or other server). A control address off loopback needs
     * {@code --allow-remote}, as the target does.
     */
    private URI discoverControl(URI target) throws LoadRun.RunFailure, LoadRun.BadTarget {
        URI control;
        try {
            control = ControlDiscovery.discover(target, targetControlToken, LoadRun.START_STATS_TIMEOUT);
        } catch (IOException e) {
            throw LoadRun.RunFailure.noStats(target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadRun.RunFailure("interrupted while contacting the server");
        }
        if (!TargetGuard.permits(control, plan.allowRemote())) {
            throw new LoadRun.BadTarget("the target " + target + " serves /harness/* at " + control + ", which is not a"
                    + " loopback address: the harness only talks to 127.0.0.0/8, ::1 and localhost unless you add"
                    + " --allow-remote");
        }
        return control;
    }
}
