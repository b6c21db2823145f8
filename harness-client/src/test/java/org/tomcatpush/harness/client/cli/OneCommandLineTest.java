package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.run.LoadRun;

import picocli.CommandLine;

/**
 * Every command is a class of {@code cli} reached through the one {@code harness} command line:
 * the command tree holds only {@code cli} classes, no class elsewhere in harness-client declares a
 * picocli command or a {@code main}, and the scripts start harness-client classes only through
 * {@link HarnessCli}.
 */
@Timeout(30)
class OneCommandLineTest {

    private static final String CLI_PACKAGE = HarnessCli.class.getPackageName();

    private static Path root() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("scripts"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("scripts/ not found above " + Path.of("").toAbsolutePath());
        }
        return d;
    }

    @Test
    void everyCommandOfTheTreeIsAClassOfTheCliPackage() {
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
        CommandLine harness = HarnessCli.commandLine(new CliContext(nowhere, nowhere, LoadRun.sessions()));
        List<String> names = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        walk(harness, names, outside);

        assertEquals(List.of("harness", "harness run", "harness server", "harness sweep", "harness report",
                "harness compare", "harness compare medians", "harness experiments", "harness jmh", "harness merge"),
                names);
        assertEquals(List.of(), outside, "commands outside " + CLI_PACKAGE);
    }

    @Test
    void noClassOutsideCliDeclaresACommandOrAMain() throws IOException {
        Path sources = root().resolve("harness-client/src/main/java");
        Path cli = sources.resolve(CLI_PACKAGE.replace('.', '/'));
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> !f.startsWith(cli))
                    .filter(f -> declaresCommandOrMain(read(f))).map(f -> sources.relativize(f).toString()).toList();
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void scriptsStartHarnessClientClassesOnlyThroughHarnessCli() throws IOException {
        Pattern clientClass = Pattern.compile("org\\.tomcatpush\\.harness\\.client\\.[\\w.]+");
        List<String> others = new ArrayList<>();
        try (Stream<Path> files = Files.list(root().resolve("scripts"))) {
            for (Path script : files.filter(Files::isRegularFile).sorted().toList()) {
                Matcher m = clientClass.matcher(read(script));
                while (m.find()) {
                    if (!m.group().equals(HarnessCli.class.getName())) {
                        others.add(script.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), others);
    }

    private static void walk(CommandLine command, List<String> names, List<String> outside) {
        names.add(command.getCommandSpec().qualifiedName());
        Class<?> type = command.getCommandSpec().userObject().getClass();
        if (!type.getPackageName().equals(CLI_PACKAGE)) {
            outside.add(command.getCommandSpec().qualifiedName() + " (" + type.getName() + ")");
        }
        command.getSubcommands().values().forEach(sub -> walk(sub, names, outside));
    }

    private static boolean declaresCommandOrMain(String source) {
        return source.contains("@Command(") || source.contains("@CommandLine.Command(")
                || source.matches("(?s).*public\\s+static\\s+void\\s+main\\s*\\(.*");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
