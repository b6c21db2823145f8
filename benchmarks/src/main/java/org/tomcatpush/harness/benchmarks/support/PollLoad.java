package org.tomcatpush.harness.benchmarks.support;

import java.io.IOException;

import org.tomcatpush.harness.server.HarnessServer;

/**
 * A harness-server and one {@link RawHttpClient} per benchmark thread, each asking
 * {@code GET /poll?since=0} (nothing is published, so every answer is the same small empty
 * batch). The poll benchmarks share it so that they differ only in the server flags they pass.
 *
 * <p>Thread safety: {@link #poll(int)} may be called concurrently with different thread indexes;
 * each index must be used by one thread only. Start and close from one thread.
 *
 * <pre>
 * try (PollLoad load = PollLoad.start(threads, "--max-keep-alive-requests", "1")) {
 *     load.poll(threadIndex);
 * }
 * </pre>
 */
public final class PollLoad implements AutoCloseable {

    private static final String POLL = "/poll?since=0";

    private final HarnessServer server;
    private final RawHttpClient[] clients;
    private final byte[] request;

    private PollLoad(HarnessServer server, int clientThreads) {
        this.server = server;
        this.request = RawHttpClient.getRequest(server.baseUri(), POLL);
        this.clients = new RawHttpClient[clientThreads];
        for (int i = 0; i < clientThreads; i++) {
            clients[i] = new RawHttpClient(server.baseUri());
        }
    }

    /**
     * Starts the server with {@code serverFlags} (see {@link BenchServers#start(String...)}) and
     * prepares one client per thread; connections open on the first poll.
     */
    public static PollLoad start(int clientThreads, String... serverFlags) {
        if (clientThreads < 1) {
            throw new IllegalArgumentException("client threads must be at least 1 (got " + clientThreads + ")");
        }
        return new PollLoad(BenchServers.start(serverFlags), clientThreads);
    }

    /**
     * One {@code /poll} round trip on the client of thread {@code threadIndex}.
     *
     * @return the response status, always 200
     * @throws IOException when the exchange fails or the status is not 200
     */
    public int poll(int threadIndex) throws IOException {
        int status = clients[threadIndex].exchange(request);
        if (status != 200) {
            throw new IOException("/poll answered " + status + " instead of 200");
        }
        return status;
    }

    /** The server under test. */
    public HarnessServer server() {
        return server;
    }

    /** TCP connections the clients opened so far, all threads. */
    public long connectionsOpened() {
        long sum = 0;
        for (RawHttpClient client : clients) {
            sum += client.connectionsOpened();
        }
        return sum;
    }

    /** Polls answered so far, all threads. */
    public long polls() {
        long sum = 0;
        for (RawHttpClient client : clients) {
            sum += client.exchanges();
        }
        return sum;
    }

    /** One line for the benchmark log: how many polls each connection carried. */
    public String connectionSummary() {
        long connections = connectionsOpened();
        long polls = polls();
        return String.format("%d polls on %d connections (%.1f polls per connection)", polls, connections,
                connections == 0 ? 0.0 : (double) polls / connections);
    }

    /** Closes every client connection, then the server. */
    @Override
    public void close() {
        for (RawHttpClient client : clients) {
            client.close();
        }
        server.close();
    }
}
