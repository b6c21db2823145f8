package org.tomcatpush.harness.client.results;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.tomcatpush.harness.server.config.Api;
import org.tomcatpush.harness.server.config.ServerConfig;

/**
 * The server knobs a result row is keyed by, whether the harness started the server (from its
 * {@link ServerConfig}) or drove a running one (from the configuration its stats reported).
 * Immutable; -1 or "unknown" where a running server did not say.
 *
 * @param keepAliveTimeoutMs the effective keep-alive timeout (the connection timeout when unset)
 * @param maxBatch           most messages in one poll or long-poll answer ({@code --max-batch})
 * @param api                the push endpoints' programming model ({@code servlet} or {@code spring})
 */
public record ServerSettings(String handler, String protocol, int maxThreads, int maxConnections, int acceptCount,
        int keepAliveTimeoutMs, int maxKeepAliveRequests, boolean virtualThreads, double publishRate,
        int payloadBytes, long sseTimeoutMs, int maxBatch, String api) {

    /** Settings of a server the harness started; {@code virtualThreads} is passed apart (see RunPlan). */
    public static ServerSettings of(ServerConfig config, boolean virtualThreads) {
        return new ServerSettings(config.handler().cliName(), config.protocol().cliName(), config.maxThreads(),
                config.maxConnections(), config.acceptCount(), config.effectiveKeepAliveTimeoutMs(),
                config.maxKeepAliveRequests(), virtualThreads, config.publishRate(), config.payloadBytes(),
                config.sseTimeoutMs(), config.maxBatch(), config.api().cliName());
    }

    /** Settings as a running server reported them in the {@code config} object of its stats. */
    public static ServerSettings from(JsonNode config) {
        int connectionTimeoutMs = config.path("connectionTimeoutMs").asInt(-1);
        JsonNode keepAlive = config.path("keepAliveTimeoutMs");
        return new ServerSettings(text(config.path("handler")), text(config.path("protocol")),
                config.path("maxThreads").asInt(-1), config.path("maxConnections").asInt(-1),
                config.path("acceptCount").asInt(-1),
                keepAlive.isNumber() ? keepAlive.asInt() : connectionTimeoutMs,
                config.path("maxKeepAliveRequests").asInt(-1), config.path("virtualThreads").asBoolean(false),
                config.path("publishRate").asDouble(-1), config.path("payloadBytes").asInt(-1),
                config.path("sseTimeoutMs").asLong(-1), config.path("maxBatch").asInt(-1),
                // a server that does not report its api predates --api: it is the servlet flavour
                config.has("api") ? text(config.path("api")) : Api.SERVLET.cliName());
    }

    private static String text(JsonNode node) {
        // an enum is reported by its constant name (ASYNC_CONTAINER); the CLI spells it async-container
        return node.isValueNode() ? node.asText().toLowerCase(Locale.ROOT).replace('_', '-') : "unknown";
    }
}
