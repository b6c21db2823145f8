package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.cli.RunPlans;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;
import org.tomcatpush.harness.client.run.LoadRun;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * {@code server-java: newest} in a sweep, on fake JVM folders: resolved once to the newest JDK's
 * java; a run it cannot serve (no JDK, or virtual threads on a Java older than 21) is recorded as
 * not run with the reason while the others stay planned; a bad value is still bad input.
 */
@Timeout(60)
class SweepPlanNewestJavaTest {

    private static final String YAML = """
            name: newest
            fixed: {transport: sse, sessions: 2, duration: 1s, ramp-up: 0s, server-java: newest}
            sweep: {virtual-threads: [false, true]}
            """;

    @TempDir
    Path dir;

    private ScenarioFile scenario(String yaml) throws Exception {
        Path file = dir.resolve("newest.yaml");
        Files.writeString(file, yaml);
        return ScenarioFile.read(file, new OptionKeys(RunPlans.options()));
    }

    private Path fakeJdk(Path jvm, String name, String version) throws Exception {
        Path bin = Files.createDirectories(jvm.resolve(name).resolve("bin"));
        Files.writeString(jvm.resolve(name).resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        assertTrue(java.toFile().setExecutable(true));
        return java;
    }

    @Test
    void withOnlyAJava17ThePlatformRunUsesItAndTheVirtualThreadRunIsNotRun() throws Exception {
        Path jvm = Files.createDirectories(dir.resolve("jvm"));
        Path java17 = fakeJdk(jvm, "java-17-openjdk-amd64", "17.0.15");

        SweepPlan plan = SweepPlan.of(scenario(YAML), dir.resolve("out"), jvm);

        assertEquals(java17, plan.plans().get(0).serverJava());
        assertEquals(Optional.empty(), plan.notRunReason(0));
        assertEquals(Optional.of("--server-java newest with --virtual-threads: no Java 21 or later under " + jvm
                + " (the newest is 17.0.15): install one (e.g. apt-get install openjdk-21-jdk) or give --server-java"
                + " PATH"), plan.notRunReason(1));
    }

    @Test
    void withNoJdkEveryRunIsRecordedAsNotRunWithTheReasonAndTheSweepStillWritesItsFiles() throws Exception {
        Path jvm = Files.createDirectories(dir.resolve("empty-jvm"));
        SweepPlan plan = SweepPlan.of(scenario(YAML), dir.resolve("out"), jvm);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new SweepRunner(plan, LoadRun.sessions(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute();

        assertEquals(SweepRunner.EXIT_SOME_FAILED, exit);
        List<Path> folders;
        try (var list = Files.list(dir.resolve("out"))) {
            folders = list.toList();
        }
        assertEquals(1, folders.size(), folders.toString());
        List<SummaryRow> rows = SweepTable.read(folders.get(0).resolve("sweep.csv")).rows();
        assertEquals(2, rows.size());
        String reason = "--server-java newest: no JDK under " + jvm + " (none with a release file and bin/java):"
                + " install one (e.g. apt-get install openjdk-21-jdk) or give --server-java PATH";
        for (SummaryRow r : rows) {
            assertEquals(Optional.of("not-run"), r.text("status"));
            assertEquals(Optional.of(reason), r.text("failure"));
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("[2/2] virtual-threads=true: not run: " + reason),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDryRunSaysWhichRunsWillNotRunAndWhy() throws Exception {
        Path jvm = Files.createDirectories(dir.resolve("jvm"));
        fakeJdk(jvm, "java-17-openjdk-amd64", "17.0.15");
        SweepPlan plan = SweepPlan.of(scenario(YAML), dir.resolve("out"), jvm);

        List<String> lines = DryRun.describe(plan, new StartupOverhead(StartupOverhead.FALLBACK, false, "assumed"));

        assertTrue(lines.get(1).startsWith("[1/2] virtual-threads=false: harness run "), lines.get(1));
        assertTrue(!lines.get(1).contains("will not run"), lines.get(1));
        assertTrue(lines.get(2).endsWith("--virtual-threads (will not run: --server-java newest with"
                + " --virtual-threads: no Java 21 or later under " + jvm + " (the newest is 17.0.15): install one"
                + " (e.g. apt-get install openjdk-21-jdk) or give --server-java PATH)"), lines.get(2));
    }

    @Test
    void aMisspeltValueIsStillBadInputNamingTheKey() throws Exception {
        ScenarioFile scenario = scenario(YAML.replace("server-java: newest", "server-java: nwest"));

        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepPlan.of(scenario, dir.resolve("out"), dir.resolve("jvm")));

        assertTrue(e.getMessage().contains(": fixed.server-java = nwest (run 1 of 2): --server-java nwest is not an"
                + " executable file"), e.getMessage());
    }
}
