package org.tomcatpush.harness.server.probe;

import java.io.IOException;
import java.util.function.IntSupplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /harness/*} on the workload connector: every method answers {@code 308 Permanent
 * Redirect} to the same path and query on the control connector (the host the request named, the
 * control port), so {@code curl -L} and the client's discovery find it. The answer carries
 * {@code Connection: close}: a client that only asked where the control connector is leaves no
 * idle connection behind on the workload connector, whose connections the probes count.
 */
public final class ControlRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** {@code 308 Permanent Redirect} (RFC 9110): the method and body are kept, unlike 301. */
    static final int PERMANENT_REDIRECT = 308;

    private final transient IntSupplier controlPort;

    /** @param controlPort the control connector's port, read per request (it is known once Tomcat has bound it) */
    public ControlRedirectServlet(IntSupplier controlPort) {
        this.controlPort = controlPort;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String host = req.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        StringBuilder location = new StringBuilder(96).append(req.getScheme()).append("://").append(host)
                .append(':').append(controlPort.getAsInt()).append(req.getRequestURI());
        String query = req.getQueryString();
        if (query != null) {
            location.append('?').append(query);
        }
        resp.setStatus(PERMANENT_REDIRECT);
        resp.setHeader("Location", location.toString());
        resp.setHeader("Connection", "close");
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write("/harness/* is served by the control connector: " + location + "\n");
    }
}
