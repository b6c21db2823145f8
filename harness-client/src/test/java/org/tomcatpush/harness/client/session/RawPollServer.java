package org.tomcatpush.harness.client.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on a loopback ephemeral port for the failures a real Tomcat produces only by
 * chance: a thread per connection reads each request's head and then does what its {@link Mode}
 * says. It counts the requests it read and the connections it accepted. Every thread is a daemon and
 * {@link #close()} closes every socket.
 */
final class RawPollServer implements AutoCloseable {

    /** What the server does with the requests of each connection. */
    enum Mode {
        /** Reads every request and never answers. */
        NEVER_ANSWER,
        /**
         * Answers a connection's first request with a kept-alive empty poll answer, then closes the
         * connection the moment its second request has been read, without answering: the keep-alive
         * race, made deterministic.
         */
        CLOSE_ON_SECOND_REQUEST
    }

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 24\r\nKeep-Alive: timeout=60\r\n\r\n{\"last\":0,\"messages\":[]}")
            .getBytes(StandardCharsets.US_ASCII);

    private final Mode mode;
    private final ServerSocket listener;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RawPollServer(Mode mode) throws IOException {
        this.mode = mode;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "raw-poll-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawPollServer start(Mode mode) throws IOException {
        return new RawPollServer(mode);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Request heads read so far, every connection. */
    int requests() {
        return requests.get();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(socket), "raw-poll-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int onConnection = 1; readRequestHead(in); onConnection++) {
                requests.incrementAndGet();
                if (mode == Mode.CLOSE_ON_SECOND_REQUEST) {
                    if (onConnection >= 2) {
                        return; // close without answering, right as the request arrived
                    }
                    out.write(ANSWER);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    /** Reads up to the blank line that ends a request head; false at the end of the stream. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            matched = switch (matched) {
                case 0, 2 -> b == '\r' ? matched + 1 : 0;
                case 1, 3 -> b == '\n' ? matched + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }
}
