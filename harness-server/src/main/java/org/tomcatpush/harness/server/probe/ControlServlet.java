package org.tomcatpush.harness.server.probe;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The control endpoints under {@code /harness/}, served on the control connector only: {@code GET
 * stats} (the probe as JSON, {@code ?series=true} adds the time series), {@code POST reset}
 * (zeroes the probe, 204) and {@code POST publish?count=N} (publishes N messages now, answers
 * {@code {"last":SEQ}}) and {@code POST gc} (a full collection now, answers the heap left after
 * it: {@code {"heapUsedBytes":N,"rssBytes":N,"gcMillis":N}}, the baseline and held-state readings
 * of a run's heap per session). Any other path gets a 404 naming them. None of them is counted as
 * workload: they never pass the workload connector.
 */
public final class ControlServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Most messages one publish request may ask for. */
    static final int MAX_PUBLISH_COUNT = 1_000_000;

    private final transient ServerProbe probe;

    public ControlServlet(ServerProbe probe) {
        this.probe = probe;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/stats".equals(req.getPathInfo())) {
            notFound(req, resp);
            return;
        }
        boolean series = Boolean.parseBoolean(req.getParameter("series"));
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        StatsReport.MAPPER.writeValue(resp.getOutputStream(), StatsReport.render(probe, series));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getPathInfo();
        if ("/reset".equals(action)) {
            probe.reset();
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else if ("/publish".equals(action)) {
            publish(req, resp);
        } else if ("/gc".equals(action)) {
            collectGarbage(resp);
        } else {
            notFound(req, resp);
        }
    }

    private void publish(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String countParam = req.getParameter("count");
        int count;
        try {
            count = countParam == null ? 1 : Integer.parseInt(countParam.trim());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_PUBLISH_COUNT) {
            badRequest(resp, "count=" + countParam + " is not a message count: give 1 to " + MAX_PUBLISH_COUNT);
            return;
        }
        long last = probe.hub().publish(count);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write("{\"last\":" + last + "}");
    }

    private static void collectGarbage(HttpServletResponse resp) throws IOException {
        long startNanos = System.nanoTime();
        long heapUsedBytes = ProcessMemory.heapUsedAfterGcBytes();
        long gcMillis = (System.nanoTime() - startNanos) / 1_000_000;
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write("{\"heapUsedBytes\":" + heapUsedBytes + ",\"rssBytes\":" + ProcessMemory.rssBytes()
                + ",\"gcMillis\":" + gcMillis + "}");
    }

    private static void notFound(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write("no control endpoint " + req.getMethod() + " " + req.getRequestURI()
                + ": use GET /harness/stats, POST /harness/reset, POST /harness/publish?count=N or POST /harness/gc\n");
    }

    static void badRequest(HttpServletResponse resp, String message) throws IOException {
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(message + "\n");
    }
}
