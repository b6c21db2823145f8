package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/run.sh}, {@code scripts/harness}, the ramp sizing of {@code scripts/lib/ramp.sh} and
 * {@code scripts/client-ceiling.sh}'s refusal of a bad part, without a build or a run: run.sh's
 * arguments as it would hand them to {@code harness run} ({@code RUN_SH_DRY_RUN=1} prints them),
 * and scripts/harness's decision to rebuild, in a copy of the script beside a stand-in source
 * tree whose {@code mvn} only records that it was called.
 */
@Timeout(60)
class ScriptsTest {

    private static final Instant JAR_TIME = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path dir;

    private static Path root() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("scripts/run.sh"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("scripts/run.sh not found above " + Path.of("").toAbsolutePath());
        }
        return d;
    }

    @Test
    void runShWithoutArgumentsRunsTheDefaultScenario() throws Exception {
        assertEquals(List.of("run", "--transport", "short-poll=25,long-poll=25,sse=25,ws=25", "--sessions", "200",
                "--duration", "30s", "--publish-rate", "5", "--name", "default-mix", "--out", "/tmp/runs"),
                runSh());
    }

    @Test
    void runShLetsTheUsersOptionsReplaceTheDefaultsAndPassesTheRestOn() throws Exception {
        assertEquals(List.of("run", "--transport", "short-poll=25,long-poll=25,sse=25,ws=25", "--publish-rate", "5",
                "--name", "default-mix", "--out", "/tmp/runs", "--sessions", "10", "--duration=5s", "--handler",
                "blocking"), runSh("--sessions", "10", "--duration=5s", "--handler", "blocking"));
    }

    @Test
    void runShKeepsAValueWithSpacesAsOneArgument() throws Exception {
        assertEquals(List.of("run", "--sessions", "200", "--duration", "30s", "--publish-rate", "5", "--name",
                "default-mix", "--out", "/tmp/runs", "--transport", "sse=1, ws=1"), runSh("--transport", "sse=1, ws=1"));
    }

    @Test
    void harnessRebuildsOnlyWhenASourceOrAPomIsNewerThanTheJar() throws Exception {
        Path tree = standInTree();
        Path jar = tree.resolve("harness-client/target/harness-client.jar");

        assertEquals(0, harness(tree), "the jar is newer than every source: no build");
        for (String source : List.of("harness-server/src/main/java/A.java", "harness-client/src/test/java/B.java",
                "pom.xml", "harness-client/pom.xml")) {
            Files.setLastModifiedTime(tree.resolve(source), FileTime.from(JAR_TIME.plusSeconds(60)));
            assertEquals(1, harness(tree), source + " is newer than the jar: one build");
            Files.setLastModifiedTime(tree.resolve(source), FileTime.from(JAR_TIME.minusSeconds(60)));
        }
        Files.delete(jar);
        assertEquals(1, harness(tree), "no jar: one build");
    }

    @Test
    void theRampSizingHoldsFourSecondsOfConnectsWithinTheKernelsCapsAndHalfThePortsPerAddress() throws Exception {
        assertEquals("--accept-count 3800 --connect-timeout 15s --source-addresses 2",
                bash("ramp_flags 19000 20 4096 28232"), "950 connects/s x 4 s; 11,292 connections per address");
        assertEquals("--accept-count 2048 --connect-timeout 15s --source-addresses 2",
                bash("ramp_flags 19000 20 2048 28232 2>/dev/null"), "capped at net.core.somaxconn");
        assertEquals("--accept-count 100 --connect-timeout 15s --source-addresses 1",
                bash("ramp_flags 100 10 4096 28232"), "never below Tomcat's default");
        assertEquals("--accept-count 2000 --connect-timeout 15s --source-addresses 1",
                bash("ramp_flags 500 0 4096 28232"), "no ramp: every connect at once");
        assertEquals("1 2 5", bash("echo $(ramp_source_addresses 11292 28232) $(ramp_source_addresses 11293 28232)"
                + " $(ramp_source_addresses 19000 10000)"), "80% of half the ephemeral range per address");
        assertEquals("2 20 120", bash("echo $(ramp_seconds 1500ms) $(ramp_seconds 20s) $(ramp_seconds 2m)"));
    }

    @Test
    void clientCeilingRefusesAnUnknownPartWithOneLineAndStatus2() throws Exception {
        assertCeilingRefuses(Map.of(), List.of("polls"),
                "client-ceiling.sh: unknown part 'polls': give poll, fanout or hold (default: all three)");
    }

    @Test
    void clientCeilingRefusesAFanOutThatEndsBeforeItsSteadyWindowAndDurationsItCannotRead() throws Exception {
        assertCeilingRefuses(Map.of("FANOUT_DURATION", "40s"), List.of("fanout"),
                "client-ceiling.sh: FANOUT_DURATION=40s leaves no steady window: the figures count from"
                        + " FANOUT_RAMP + FANOUT_SETTLE_S (40 s) on, so give at least 50s (or a smaller FANOUT_SETTLE_S)");
        assertCeilingRefuses(Map.of("FANOUT_RAMP", "10"), List.of(),
                "client-ceiling.sh: FANOUT_RAMP=10 is not a duration: write it as 10s, 1500ms or 2m");
        assertCeilingRefuses(Map.of("FANOUT_SETTLE_S", "30s"), List.of("fanout"),
                "client-ceiling.sh: FANOUT_SETTLE_S=30s is not a whole number of seconds: write it as 30");
    }

    /** client-ceiling.sh with {@code env} and {@code args} exits 2 with {@code line} alone and writes nothing. */
    private void assertCeilingRefuses(Map<String, String> env, List<String> args, String line) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root().resolve("scripts/client-ceiling.sh").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("ceiling.log").toFile());
        pb.environment().put("OUT", dir.resolve("out").toString());
        pb.environment().putAll(env);
        assertEquals(2, finish(pb.start()));
        assertEquals(List.of(line), Files.readAllLines(dir.resolve("ceiling.log")));
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    /** The output of {@code script} run after sourcing scripts/lib/ramp.sh, stripped. */
    private String bash(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "source \"$0\"; " + script,
                root().resolve("scripts/lib/ramp.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("bash.log").toFile());
        pb.environment().remove("RAMP_PAUSE_S");
        pb.environment().remove("RAMP_CONNECT_TIMEOUT");
        assertEquals(0, finish(pb.start()), Files.readString(dir.resolve("bash.log")));
        return Files.readString(dir.resolve("bash.log")).strip();
    }

    /** run.sh's arguments for harness run, with OUT=/tmp/runs and no TRANSPORT, SESSIONS, ... set. */
    private List<String> runSh(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root().resolve("scripts/run.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        Map<String, String> env = pb.environment();
        List.of("TRANSPORT", "SESSIONS", "DURATION", "PUBLISH_RATE").forEach(env::remove);
        env.put("OUT", "/tmp/runs");
        env.put("RUN_SH_DRY_RUN", "1");
        assertEquals(0, finish(pb.start()), Files.readString(dir.resolve("run.log")));
        return Files.readAllLines(dir.resolve("run.log"), StandardCharsets.UTF_8);
    }

    /**
     * A copy of scripts/harness in a tree with one source per module, the poms and a jar newer
     * than all of them, and an {@code mvn} that appends a line to {@code builds.log}.
     */
    private Path standInTree() throws Exception {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("scripts"));
        Files.copy(root().resolve("scripts/harness"), tree.resolve("scripts/harness"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho built >> \"" + dir.resolve("builds.log") + "\"\n");
        Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String file : List.of("harness-server/src/main/java/A.java", "harness-client/src/test/java/B.java",
                "pom.xml", "harness-server/pom.xml", "harness-client/pom.xml", "harness-client/target/harness-client.jar")) {
            Path p = tree.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
            Files.setLastModifiedTime(p, FileTime.from(file.endsWith(".jar") ? JAR_TIME : JAR_TIME.minusSeconds(60)));
        }
        return tree;
    }

    /** Runs the stand-in scripts/harness once (its java is {@code true}); @return the builds it made */
    private int harness(Path tree) throws Exception {
        Path log = dir.resolve("builds.log");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("bash", tree.resolve("scripts/harness").toString(), "--help")
                .redirectErrorStream(true).redirectOutput(dir.resolve("harness.log").toFile());
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA", "true");
        assertEquals(0, finish(pb.start()), Files.readString(dir.resolve("harness.log")));
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private static int finish(Process p) throws Exception {
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script finished");
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }
}
