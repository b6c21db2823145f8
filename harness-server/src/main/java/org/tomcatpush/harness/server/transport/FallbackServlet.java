package org.tomcatpush.harness.server.transport;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * The default servlet ({@code /}): every path no transport serves gets a one-line 404 naming the
 * endpoints; {@code /ws} without a WebSocket upgrade gets 426. It also gives Tomcat a servlet to
 * map {@code /ws} to, without which its WebSocket filter would never see the upgrade request.
 */
final class FallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("UTF-8");
        if (Endpoint.WS.path().equals(req.getRequestURI())) {
            resp.setStatus(426);
            resp.setHeader("Upgrade", "websocket");
            resp.getWriter().write(Endpoint.WS.path() + " is a WebSocket endpoint: connect with a WebSocket client\n");
        } else {
            resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
            resp.getWriter().write("no endpoint " + req.getRequestURI() + ": use /poll, /longpoll, /sse, /ws"
                    + " or /harness/stats\n");
        }
    }
}
