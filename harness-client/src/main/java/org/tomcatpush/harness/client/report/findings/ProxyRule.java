package org.tomcatpush.harness.client.report.findings;

import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.results.ProxyInfo;

/**
 * Says that a run went through a reverse proxy ({@code proxy} in run.json), with the proxy's
 * settings, and what its connection figures then describe: the client's are the client-proxy
 * hop's, the server's the proxy's own connections to Tomcat, so the two need not agree.
 */
public final class ProxyRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        if (!proxied(run)) {
            return List.of();
        }
        String kind = run.info().find("proxy.kind").orElseThrow();
        String version = run.info().find("proxy.version").map(v -> " " + v).orElse("");
        String readTimeout = run.info().find("proxy.readTimeoutMs").map(ms -> "proxy_read_timeout " + ms + " ms")
                .orElse("proxy_read_timeout unknown");
        String keepalive = run.info().find("proxy.upstreamKeepalive")
                .map(n -> n.equals("0") ? "no idle upstream connections kept" : n + " idle upstream connections kept")
                .orElse("upstream keep-alive unknown");
        return List.of(Finding.note("the sessions went through " + kind + version + " (" + readTimeout + ", "
                + keepalive + "): " + ProxyInfo.CONNECTION_ACCOUNTING_NOTE
                + ", so client and server connection counts need not agree"));
    }

    /** The run went through a proxy, as its run.json says. */
    static boolean proxied(RunData run) {
        return run.info().find("proxy.kind").filter(kind -> !kind.equals("none")).isPresent();
    }
}
