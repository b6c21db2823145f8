package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.ServerProcess;

/**
 * A server that dies and is replaced by a fresh one on the same port while a run drives it with
 * {@code --target}: the fresh server restarts its sequence at 1 and refuses the sessions' old
 * resume points as ahead of its newest message. Each SSE and WebSocket session then counts one
 * {@code sequence-reset} reconnect, starts a new epoch from 0 and gets everything the new ring
 * holds, so nothing of the new server's sequence is lost or duplicated.
 */
@Timeout(120)
class ServerRestartTest {

    @TempDir
    Path out;

    @Test
    void sseAndWebSocketSessionsStartANewEpochAfterARestartOnTheSamePort() throws Exception {
        int port;
        int controlPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket control = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
            controlPort = control.getLocalPort();
        }
        // the run finds the control connector once, so the fresh server takes the same control port too
        ServerProcess first = start(port, controlPort, "50"); // fast: the sessions' marks run far ahead of the second
        ServerProcess second = null;
        try (BackgroundRun run = BackgroundRun.start("--out", out.toString(), "--target",
                "http://127.0.0.1:" + port, "--transport", "sse,ws", "--sessions", "4", "--ramp-up", "0",
                "--duration", "14s", "--sse-reconnect-delay", "500ms")) {
            run.awaitFolder(out, Duration.ofSeconds(30));
            Thread.sleep(3_000); // at 50 msg/s every session's mark is far past what the second server will reach
            BackgroundRun.signal(ProcessHandle.of(first.pid()).orElseThrow(), "KILL");
            first.close();
            second = start(port, controlPort, "5");

            CliRun result = run.await(Duration.ofSeconds(60));

            assertEquals(0, result.exit(), result.err());
            List<CSVRecord> rows = RunEndToEndTest.csv(BackgroundRun.onlyFolder(out).resolve("summary.csv"));
            for (CSVRecord row : rows) {
                if (row.get("transport").equals("all")) {
                    continue;
                }
                String t = row.get("transport");
                assertEquals("2", row.get("reconnects_sequence_reset"), t + ": one new epoch per session");
                assertEquals("0", row.get("messages_lost"), t + ": the new ring replays the new sequence from 1");
                assertEquals("0", row.get("messages_duplicated"), t);
                assertTrue(Long.parseLong(row.get("messages_received")) > 0, t + " " + row.toMap());
            }
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    private static ServerProcess start(int port, int controlPort, String publishRate) throws Exception {
        return ServerProcess.start(ServerLaunch.of(ServerLaunch.currentJava(), "256m",
                List.of("--port", Integer.toString(port), "--control-port", Integer.toString(controlPort),
                        "--publish-rate", publishRate), Duration.ofSeconds(30)));
    }
}
