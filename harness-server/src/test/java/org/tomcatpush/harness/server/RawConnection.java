package org.tomcatpush.harness.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One TCP connection speaking HTTP/1.1 by hand, for checks at the wire level: which headers the
 * server sends, when it closes the socket, what an SSE stream carries. Reads block for at most the
 * socket timeout, so a test can never hang on it.
 */
final class RawConnection implements AutoCloseable {

    /** A response: status, headers (names in lower case) and, for bounded bodies, the body. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        boolean closes() {
            String connection = header("connection");
            return connection != null && connection.equalsIgnoreCase("close");
        }
    }

    private final URI base;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(URI base) throws IOException {
        this(base, 10_000);
    }

    RawConnection(URI base, int readTimeoutMs) throws IOException {
        this(base, readTimeoutMs, null);
    }

    /** A connection from {@code localAddress} (e.g. 127.0.0.2), or the system's choice when null. */
    RawConnection(URI base, int readTimeoutMs, java.net.InetAddress localAddress) throws IOException {
        this.base = base;
        this.socket = localAddress == null ? new Socket(base.getHost(), base.getPort())
                : new Socket(java.net.InetAddress.getByName(base.getHost()), base.getPort(), localAddress, 0);
        this.socket.setSoTimeout(readTimeoutMs);
        this.socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
    }

    /** Sends {@code METHOD path HTTP/1.1} with a Host header and the extra header lines given. */
    void send(String method, String path, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        if (method.equals("POST")) {
            request.append("Content-Length: 0\r\n");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends a request and reads its whole response. */
    Response exchange(String method, String path, String... headerLines) throws IOException {
        send(method, path, headerLines);
        return readResponse();
    }

    /** Reads a complete response with a Content-Length or chunked body. */
    Response readResponse() throws IOException {
        Response head = readHead();
        byte[] body;
        String length = head.header("content-length");
        if (length != null) {
            body = readExactly(Integer.parseInt(length.trim()));
        } else if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] chunk; (chunk = readChunk()) != null; ) {
                all.write(chunk);
            }
            body = all.toByteArray();
        } else {
            body = new byte[0];
        }
        return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
    }

    /** Reads the status line and headers only (for streams). */
    Response readHead() throws IOException {
        String status = readLine();
        if (status == null) {
            throw new IOException("the server closed the connection before answering");
        }
        String[] parts = status.split(" ", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line; !(line = readLine()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(parts[1]), headers, null);
    }

    /** The next chunk of a chunked body, or null at its end. */
    byte[] readChunk() throws IOException {
        String sizeLine = readLine();
        if (sizeLine == null) {
            throw new IOException("connection closed inside a chunked body");
        }
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
        if (size == 0) {
            readLine(); // the blank line after the last chunk (no trailers)
            return null;
        }
        byte[] chunk = readExactly(size);
        readLine();
        return chunk;
    }

    /**
     * Waits for the server to close the connection.
     *
     * @return true when it closed (end of stream or reset) within the socket timeout
     */
    boolean awaitServerClose() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                throw new IOException("expected the server to close the connection, but it sent byte " + b);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("reset")) {
                return true;
            }
            throw e;
        }
    }

    /** True when nothing arrives within {@code waitMs} (the connection stays silent and open). */
    boolean silentFor(int waitMs) throws IOException {
        int previous = socket.getSoTimeout();
        socket.setSoTimeout(waitMs);
        try {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            throw new IOException("expected silence, but the server sent byte " + b);
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(previous);
        }
    }

    void setReadTimeout(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
    }

    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /** Closes abruptly (RST), like a client that vanished. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
