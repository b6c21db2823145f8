package org.tomcatpush.harness.benchmarks.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client on one plain socket, made to time a request/response round trip and
 * nothing else: the request is built once ({@link #getRequest(URI, String)}), the response is read
 * into one reused buffer and only its status line, {@code Content-Length} and {@code Connection}
 * header are looked at. It keeps the connection alive until the server answers
 * {@code Connection: close} (Tomcat's {@code maxKeepAliveRequests}), then opens a new one for the
 * next request, so the server's keep-alive settings alone decide how often it reconnects.
 *
 * <p>Not thread safe: one client per benchmark thread. A reused connection that turns out to be
 * closed (the server timed it out while idle) is retried once on a new connection; every other I/O
 * failure is thrown. Allocation-free per exchange, except for opening a connection.
 *
 * <pre>
 * byte[] request = RawHttpClient.getRequest(server.baseUri(), "/poll?since=0");
 * try (RawHttpClient client = new RawHttpClient(server.baseUri())) {
 *     int status = client.exchange(request);
 * }
 * </pre>
 */
public final class RawHttpClient implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    /** A response that takes this long is a failure, not a measurement. */
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");
    private static final byte[] CONNECTION = ascii("connection:");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding:");
    private static final byte[] CLOSE = ascii("close");

    private final InetSocketAddress server;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long connectionsOpened;
    private long exchanges;

    /** @param baseUri {@code http://HOST:PORT} of the server; nothing is connected until the first exchange */
    public RawHttpClient(URI baseUri) {
        this.server = new InetSocketAddress(baseUri.getHost(), baseUri.getPort());
    }

    /** A complete {@code GET} request for {@code pathAndQuery}, encoded once, to pass to {@link #exchange(byte[])}. */
    public static byte[] getRequest(URI baseUri, String pathAndQuery) {
        return ascii("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + baseUri.getHost() + ":" + baseUri.getPort()
                + "\r\nUser-Agent: tomcat-push-harness-jmh\r\n\r\n");
    }

    /**
     * Sends one request and reads its whole response.
     *
     * @return the response status
     * @throws IOException when the server cannot be reached, the response is malformed, or it takes
     *                     longer than {@value #READ_TIMEOUT_MS} ms
     */
    public int exchange(byte[] request) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            open();
        }
        try {
            return send(request);
        } catch (IOException e) {
            closeConnection();
            if (!reused) {
                throw e;
            }
        }
        open();
        return send(request);
    }

    /** TCP connections opened so far. */
    public long connectionsOpened() {
        return connectionsOpened;
    }

    /** Requests answered so far. */
    public long exchanges() {
        return exchanges;
    }

    /** Closes the current connection, if any. The client can be used again afterwards. */
    @Override
    public void close() {
        closeConnection();
    }

    private int send(byte[] request) throws IOException {
        out.write(request);
        int status = readResponse();
        exchanges++;
        return status;
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(server, CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            in = s.getInputStream();
            out = s.getOutputStream();
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        connectionsOpened++;
    }

    private void closeConnection() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // the connection is gone either way
            }
        }
    }

    /** Reads the head, then skips the body; closes the connection when the server said so. */
    private int readResponse() throws IOException {
        int filled = 0;
        int headEnd = -1;
        while (headEnd < 0) {
            if (filled == buffer.length) {
                throw new IOException("response head longer than " + buffer.length + " bytes");
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new IOException("the server closed the connection before answering");
            }
            int searchFrom = Math.max(0, filled - 3);
            filled += n;
            headEnd = headEnd(searchFrom, filled);
        }
        int status = status();
        long contentLength = -1;
        boolean close = false;
        int line = lineAfter(0, headEnd);
        while (line < headEnd) {
            int next = lineAfter(line, headEnd);
            if (startsWithIgnoreCase(line, CONTENT_LENGTH)) {
                contentLength = number(line + CONTENT_LENGTH.length, next);
            } else if (startsWithIgnoreCase(line, CONNECTION)) {
                close = containsIgnoreCase(line + CONNECTION.length, next, CLOSE);
            } else if (startsWithIgnoreCase(line, TRANSFER_ENCODING)) {
                throw new IOException("chunked responses are not supported; the benchmark needs Content-Length");
            }
            line = next;
        }
        if (contentLength < 0) {
            throw new IOException("response " + status + " without Content-Length");
        }
        long remaining = contentLength - (filled - headEnd);
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("the server closed the connection in the middle of a body");
            }
            remaining -= n;
        }
        if (close) {
            closeConnection();
        }
        return status;
    }

    /** Index just past the blank line ending the head, or -1. */
    private int headEnd(int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** The three digits after {@code HTTP/1.1 }. */
    private int status() throws IOException {
        int space = 0;
        while (space < buffer.length && buffer[space] != ' ') {
            space++;
        }
        int value = 0;
        for (int i = space + 1; i < space + 4; i++) {
            byte b = buffer[i];
            if (b < '0' || b > '9') {
                throw new IOException("not an HTTP status line");
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private int lineAfter(int from, int limit) {
        for (int i = from; i + 1 < limit; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i + 2;
            }
        }
        return limit;
    }

    private boolean startsWithIgnoreCase(int at, byte[] lowerPrefix) {
        if (at + lowerPrefix.length > buffer.length) {
            return false;
        }
        for (int i = 0; i < lowerPrefix.length; i++) {
            if (toLower(buffer[at + i]) != lowerPrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(int from, int to, byte[] lowerWord) {
        for (int i = from; i + lowerWord.length <= to; i++) {
            if (startsWithIgnoreCase(i, lowerWord)) {
                return true;
            }
        }
        return false;
    }

    private long number(int from, int to) throws IOException {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
                digits = true;
            } else if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                throw new IOException("bad Content-Length");
            }
        }
        if (!digits) {
            throw new IOException("empty Content-Length");
        }
        return value;
    }

    private static byte toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
