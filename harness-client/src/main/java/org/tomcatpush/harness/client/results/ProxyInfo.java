package org.tomcatpush.harness.client.results;

/**
 * The reverse proxy a run went through, as {@code run.json} records it ({@code proxy}). Immutable.
 *
 * @param kind              {@code none} or {@code nginx}
 * @param version           the proxy's version ({@code nginx -v}), {@code null} without a proxy
 * @param readTimeoutMs     its {@code proxy_read_timeout}, -1 without a proxy
 * @param upstreamKeepalive idle connections it keeps to the server (0 = a new one per request), -1 without a proxy
 * @param listen            where the sessions went, e.g. {@code http://127.0.0.1:40001}, {@code null} without a proxy
 * @param upstream          the server's workload connector behind it, {@code null} without a proxy
 * @param pid               the proxy's process id, -1 without a proxy
 */
public record ProxyInfo(String kind, String version, long readTimeoutMs, int upstreamKeepalive, String listen,
        String upstream, long pid) {

    /** No proxy: the sessions talked to the server directly. */
    public static final ProxyInfo NONE = new ProxyInfo("none", null, -1, -1, null, null, -1);

    /** What the connection figures of a proxied run describe, as run.json, the report and the summary say it. */
    public static final String CONNECTION_ACCOUNTING_NOTE = "through the proxy, the client's connection accounting"
            + " (connections, closes by cause, requests per connection) describes the client-proxy hop; the"
            + " server's connection and request counts describe the proxy's own connections to Tomcat";

    /** The sessions went through a proxy. */
    public boolean proxied() {
        return !"none".equals(kind);
    }
}
