package org.tomcatpush.harness.client.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code --server-java newest} runs the server on: the newest Java installed in a JVM folder,
 * by default the distribution's standard one ({@code /usr/lib/jvm}). Each JDK is told by its
 * {@code release} file ({@code JAVA_VERSION="25.0.3"}), so nothing is started to find it; a JDK
 * counts when its {@code bin/java} is executable. Of equal versions the first folder by name
 * wins, so the choice is the same every time. A run with virtual threads needs the newest to be
 * Java {@value #VIRTUAL_THREADS_FEATURE} or later ({@link #unusableFor}). Stateless.
 *
 * <pre>
 * Optional&lt;NewestJava.Jdk&gt; newest = NewestJava.in(NewestJava.STANDARD_FOLDER);
 * Optional&lt;String&gt; why = NewestJava.unusableFor(true, newest, NewestJava.STANDARD_FOLDER); // virtual threads
 * </pre>
 */
public final class NewestJava {

    /** The {@code --server-java} value that asks for the newest installed Java. */
    public static final String KEYWORD = "newest";
    /** Where Debian and Ubuntu (and their JDK packages, Temurin's included) install JVMs. */
    public static final Path STANDARD_FOLDER = Path.of("/usr/lib/jvm");
    /** The first Java with virtual threads. */
    public static final int VIRTUAL_THREADS_FEATURE = 21;

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?([^\"\\s]+)\"?\\s*$",
            Pattern.MULTILINE);

    /**
     * One installed JDK.
     *
     * @param java    its {@code bin/java}
     * @param version the version its {@code release} file states
     */
    public record Jdk(Path java, Runtime.Version version) {
    }

    private NewestJava() {
    }

    /** Whether a {@code --server-java} value asks for the newest Java rather than naming a binary. */
    public static boolean isKeyword(String value) {
        return KEYWORD.equals(value);
    }

    /** The newest JDK directly under {@code jvmFolder}; empty when there is none (or no such folder). */
    public static Optional<Jdk> in(Path jvmFolder) {
        if (!Files.isDirectory(jvmFolder)) {
            return Optional.empty();
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(jvmFolder)) {
            folders = list.sorted().toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        return folders.stream().flatMap(folder -> version(folder)
                        .filter(v -> Files.isExecutable(folder.resolve("bin/java")))
                        .map(v -> new Jdk(folder.resolve("bin/java"), v)).stream())
                // of equal versions the first folder by name: the greatest under reversed name order
                .max(Comparator.comparing(Jdk::version).thenComparing(Jdk::java, Comparator.reverseOrder()));
    }

    /**
     * Why a run cannot use {@code newest} (found in {@code jvmFolder}), in one line naming the
     * folder and the fix; empty when it can: a JDK was found and, with {@code virtualThreads}, it
     * is Java {@value #VIRTUAL_THREADS_FEATURE} or later.
     */
    public static Optional<String> unusableFor(boolean virtualThreads, Optional<Jdk> newest, Path jvmFolder) {
        if (newest.isEmpty()) {
            return Optional.of("--server-java " + KEYWORD + ": no JDK under " + jvmFolder + " (none with a release"
                    + " file and bin/java): install one (e.g. apt-get install openjdk-21-jdk) or give --server-java"
                    + " PATH");
        }
        if (virtualThreads && newest.get().version().feature() < VIRTUAL_THREADS_FEATURE) {
            return Optional.of("--server-java " + KEYWORD + " with --virtual-threads: no Java "
                    + VIRTUAL_THREADS_FEATURE + " or later under " + jvmFolder + " (the newest is "
                    + newest.get().version() + "): install one (e.g. apt-get install openjdk-21-jdk) or give"
                    + " --server-java PATH");
        }
        return Optional.empty();
    }

    /** The version a JDK folder's {@code release} file states; empty without a readable one. */
    static Optional<Runtime.Version> version(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            return m.find() ? Optional.of(Runtime.Version.parse(m.group(1))) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // unreadable, or a pre-9 version such as 1.8.0_392: not a candidate
        }
    }
}
