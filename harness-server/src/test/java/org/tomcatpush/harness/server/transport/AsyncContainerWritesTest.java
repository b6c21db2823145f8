package org.tomcatpush.harness.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.modeler.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerProbe;

/**
 * Where {@link AsyncPushResponse} writes (experiment E11): with {@code --handler async-container}
 * every piece is written on one of Tomcat's worker threads ({@code http-nio-*-exec-*}), handed
 * there by {@code AsyncContext.start()}; with {@code async} a published message is written on the
 * thread that signalled it (here the publishing thread, the hub fanning out on it). A recording
 * source on the shared push servlet path notes the thread of every piece; nothing is lost in
 * either mode.
 */
@Timeout(60)
class AsyncContainerWritesTest {

    private static final String WORKER = "http-nio-.+-exec-\\d+";
    private static final int MESSAGES = 3;

    @TempDir
    Path baseDir;

    @Test
    void asyncContainerWritesEveryPieceOnTomcatWorkerThreads() throws Exception {
        List<String> writers = pushThreeMessages("async-container");

        assertEquals(1 + MESSAGES, writers.size(), "the opening piece and one per message: " + writers);
        assertTrue(writers.stream().allMatch(name -> name.matches(WORKER)), "every piece on a worker: " + writers);
    }

    @Test
    void asyncWritesPublishedMessagesOnTheSignallingThread() throws Exception {
        List<String> writers = pushThreeMessages("async");

        assertEquals(1 + MESSAGES, writers.size(), "the opening piece and one per message: " + writers);
        // the opening piece follows Tomcat's onWritePossible; a message can join that drain only if
        // published while it still runs, so at least one of the three is written by the publisher
        assertTrue(writers.subList(1, writers.size()).contains(Thread.currentThread().getName()),
                "a message written on the publishing thread: " + writers);
    }

    /** Serves one recording stream in {@code handler} mode, publishes three messages, returns who wrote what. */
    private List<String> pushThreeMessages(String handler) throws Exception {
        Registry.disableRegistry();
        ServerConfig config = ServerConfig.parse(new String[] {"--port", "0", "--publish-rate", "0", "--handler",
                handler});
        MessageHub hub = new MessageHub(64, 0); // fans out on the publishing thread
        List<String> writers = new CopyOnWriteArrayList<>();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", "2");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", null);
        try (SessionTimer timer = new SessionTimer()) {
            TransportContext context = new TransportContext(config, hub, new ServerProbe(config, hub, Map.of())
                    .counters(), timer);
            Wrapper wrapper = Tomcat.addServlet(ctx, "recording", new RecordingServlet(context, writers));
            wrapper.setAsyncSupported(true);
            ctx.addServletMappingDecoded("/recording", "recording");
            tomcat.start();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/recording");
            HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines());
            Iterator<String> lines = response.body().iterator();
            assertEquals("open", lines.next());
            for (int i = 1; i <= MESSAGES; i++) {
                hub.publish(1);
                assertEquals("m" + i, lines.next(), "message " + i + " arrives before the next is published");
            }
            assertTrue(!lines.hasNext(), "the response ends after the last message");
        } finally {
            hub.close();
            tomcat.stop();
            tomcat.destroy();
        }
        return writers;
    }

    /** The shared push servlet path with a source that notes the thread of every piece it hands out. */
    private static final class RecordingServlet extends PushServlet {
        private static final long serialVersionUID = 1L;
        private final transient List<String> writers;

        RecordingServlet(TransportContext context, List<String> writers) {
            super(context, Endpoint.SSE);
            this.writers = writers;
        }

        @Override
        PushSource open(HttpServletRequest request, HttpServletResponse response, long cursor, long startNanos) {
            response.setContentType("text/plain");
            return new RecordingSource(context.hub(), cursor, writers);
        }

        @Override
        long asyncTimeoutMs() {
            return 0;
        }
    }

    /** {@code open}, then {@code m<seq>} per published message, one line each, complete after {@value #MESSAGES}. */
    private static final class RecordingSource implements PushSource {
        private final MessageHub hub;
        private final List<String> writers;
        private long cursor;
        private boolean opened;

        RecordingSource(MessageHub hub, long cursor, List<String> writers) {
            this.hub = hub;
            this.cursor = cursor;
            this.writers = writers;
        }

        @Override
        public void advanceTo(long nowNanos) {
            // no deadlines
        }

        @Override
        public byte[] nextPiece() {
            String line;
            if (!opened) {
                opened = true;
                line = "open";
            } else if (cursor < MESSAGES && hub.lastSeq() > cursor) {
                cursor++;
                line = "m" + cursor;
            } else {
                return null;
            }
            writers.add(Thread.currentThread().getName());
            return (line + "\n").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public boolean isComplete() {
            return cursor >= MESSAGES;
        }

        @Override
        public long contentLength() {
            return -1;
        }

        @Override
        public long cursor() {
            return cursor;
        }

        @Override
        public long nextDeadlineNanos() {
            return NO_DEADLINE;
        }

        @Override
        public long endDeadlineNanos() {
            return NO_DEADLINE;
        }

        @Override
        public boolean wantsMessages() {
            return !isComplete();
        }
    }
}
