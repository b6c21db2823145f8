package org.tomcatpush.harness.server.probe;

import java.io.IOException;

import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletException;

import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Counts every request where Tomcat sees it: when it starts (requests per endpoint, and the
 * connection and request in the {@link ConnectionLedger}, so held streams count while they are
 * open) and when it ends. Tomcat calls an {@link AccessLog} at the end of every request, after the
 * response is complete, async and upgraded ones included, which is where the ledger learns whether
 * the response closed the connection, or a transport cut it ({@link ServerCloses#markCut}).
 * Control requests ({@code /harness/*}) are left out of every workload figure, and so is an async
 * dispatch, which resumes a request already counted.
 */
final class LedgerValve extends ValveBase implements AccessLog {

    private final ServerCounters counters;
    private final ConnectionLedger ledger;

    LedgerValve(ServerCounters counters, ConnectionLedger ledger) {
        super(true);
        this.counters = counters;
        this.ledger = ledger;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.isAsyncDispatching()) {
            // the same request resumed (Spring finishes a DeferredResult or an emitter this way):
            // it was counted when it started
            getNext().invoke(request, response);
            return;
        }
        Endpoint endpoint = Endpoint.of(request.getDecodedRequestURI());
        boolean workload = endpoint != Endpoint.CONTROL;
        if (workload) {
            counters.requestStarted(endpoint);
        }
        String connectionId = connectionId(request);
        if (connectionId != null && ledger.requestStarted(connectionId, workload)) {
            // once per connection: its client's address, to tell apart agents bound to their own addresses
            ledger.connectionFrom(request.getRemoteAddr());
        }
        getNext().invoke(request, response);
    }

    @Override
    public void log(Request request, Response response, long time) {
        String connectionId = connectionId(request);
        if (connectionId == null) {
            return;
        }
        boolean closing = "close".equalsIgnoreCase(response.getHeader("Connection"));
        ledger.requestEnded(connectionId, closing, ServerCloses.cutOf(request));
    }

    @Override
    public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
        // the ledger reads the connection, not request attributes
    }

    @Override
    public boolean getRequestAttributesEnabled() {
        return false;
    }

    private static String connectionId(Request request) {
        try {
            ServletConnection connection = request.getServletConnection();
            return connection != null ? connection.getConnectionId() : null;
        } catch (RuntimeException e) {
            // the connection was already torn down (client vanished): nothing to attribute
            return null;
        }
    }
}
