package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.run.LoadRun;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

@Timeout(30)
class HelpTest {

    @Test
    void runHelpListsEveryOptionWithItsDefault() {
        CliRun run = CliRun.of(List.of("run", "--help"));
        assertEquals(0, run.exit());
        CommandLine cl = HarnessCli.commandLine(new CliContext(new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()), LoadRun.sessions()));
        List<OptionSpec> options = cl.getSubcommands().get("run").getCommandSpec().options();
        assertTrue(options.size() > 40, "every scenario option and every server flag");
        for (OptionSpec option : options) {
            assertTrue(run.out().contains(option.longestName()), option.longestName() + " is missing from --help");
            if (!option.usageHelp() && !option.versionHelp()) {
                String description = String.join(" ", option.description()).toLowerCase(Locale.ROOT);
                assertTrue(description.contains("default"), option.longestName() + " does not state its default");
            }
        }
        assertTrue(run.out().contains("--port=PORT"));
        assertTrue(run.out().replaceAll("\\s+", " ").contains("(its LISTENING line tells which). Default: 0."),
                "run starts its server on an ephemeral port by default");
        assertTrue(run.out().contains("a plain number other than 0 is refused"));
    }

    @Test
    void everyRunOptionIsInTheClientGuide() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("basedir", "."))
                .resolve("../docs/CLIENT.md"));
        CommandLine cl = HarnessCli.commandLine(new CliContext(new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()), LoadRun.sessions()));
        List<String> missing = cl.getSubcommands().get("run").getCommandSpec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .map(OptionSpec::longestName)
                .filter(name -> !doc.contains("`" + name + "`") && !doc.contains("`" + name + " "))
                .toList();
        assertEquals(List.of(), missing, "run options missing from docs/CLIENT.md");
    }

    @Test
    void everyCommandHasHelp() {
        for (List<String> args : List.of(List.of("--help"), List.of("server", "--help"), List.of("run", "-h"))) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exit(), args.toString());
            assertTrue(run.out().startsWith("Usage: harness"), run.out());
        }
        assertTrue(CliRun.of(List.of("--help")).out().contains("run") && CliRun.of(List.of("--help")).out()
                .contains("server"));
        assertTrue(CliRun.of(List.of("server", "--help")).out().contains("--max-keep-alive-requests=N"));
    }

    @Test
    void versionNamesTheHarnessTomcatAndJava() {
        CliRun run = CliRun.of(List.of("--version"));
        assertEquals(0, run.exit());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("harness "), run.out());
        assertTrue(lines.get(1).startsWith("Tomcat 11.0.27"), run.out());
        assertTrue(lines.get(1).contains("Java " + System.getProperty("java.version")), run.out());
    }
}
