package org.tomcatpush.harness.client.launch;

import java.io.IOException;

/**
 * Stands in for harness-server in {@link ServerProcessTest}: behaves as its first argument that is not a flag says,
 * and ignores the others (the launcher always passes {@code --exit-on-stdin-eof} and the flags).
 * Never opens a socket.
 */
public final class FakeServerMain {

    private FakeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElseThrow();
        switch (mode) {
            case "listen" -> {
                System.out.println("starting");
                System.out.println(ServerProcess.CONTROL_PREFIX + "http://127.0.0.1:45688");
                System.out.println(ServerProcess.LISTENING_PREFIX + "http://127.0.0.1:45678");
                System.out.flush();
                waitForStdinEof();
            }
            case "listen-wildcard" -> {
                System.out.println(ServerProcess.CONTROL_PREFIX + "http://0.0.0.0:45689");
                System.out.println(ServerProcess.LISTENING_PREFIX + "http://0.0.0.0:45679");
                System.out.flush();
                waitForStdinEof();
            }
            case "listen-without-control" -> {
                // a server from before the control connector: stats on the workload port
                System.out.println(ServerProcess.LISTENING_PREFIX + "http://127.0.0.1:45681");
                System.out.flush();
                waitForStdinEof();
            }
            case "refuse" -> {
                System.err.println("harness-server: port 8080 is in use: stop what holds it or give --port 0");
                System.exit(2);
            }
            case "crash" -> {
                System.err.println("something broke");
                System.exit(3);
            }
            case "silent" -> Thread.sleep(120_000);
            case "stubborn" -> {
                // ignores SIGTERM: its shutdown hook never finishes, so only a kill stops it
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(120_000);
                    } catch (InterruptedException ignored) {
                        // keep the JVM up
                    }
                }));
                System.out.println(ServerProcess.CONTROL_PREFIX + "http://127.0.0.1:45690");
                System.out.println(ServerProcess.LISTENING_PREFIX + "http://127.0.0.1:45680");
                System.out.flush();
                Thread.sleep(120_000);
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void waitForStdinEof() throws IOException {
        while (System.in.read() >= 0) {
            // the launcher never writes; EOF means it closed the pipe
        }
    }
}
