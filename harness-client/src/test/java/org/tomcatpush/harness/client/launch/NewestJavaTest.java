package org.tomcatpush.harness.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --server-java newest} on fake JVM folders: the newest JDK by its release file, JDKs
 * without a release file or a java left out, and the one-line reasons when there is none or it is
 * too old for virtual threads.
 */
@Timeout(30)
class NewestJavaTest {

    @TempDir
    Path jvm;

    /** A JDK folder with a release file stating {@code version} and, when {@code withJava}, an executable bin/java. */
    private Path jdk(String name, String version, boolean withJava) throws Exception {
        Path home = Files.createDirectories(jvm.resolve(name));
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version
                    + "\"\nJAVA_RUNTIME_VERSION=\"" + version + "+1\"\n");
        }
        if (withJava) {
            Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
            Files.writeString(java, "#!/bin/sh\n");
            assertTrue(java.toFile().setExecutable(true));
        }
        return home.resolve("bin/java");
    }

    @Test
    void picksTheNewestVersionNotTheLastName() throws Exception {
        jdk("java-17-openjdk-amd64", "17.0.15", true);
        Path temurin25 = jdk("temurin-25-jdk-amd64", "25.0.3", true);
        jdk("zulu-21-amd64", "21.0.9", true);

        Optional<NewestJava.Jdk> newest = NewestJava.in(jvm);

        assertEquals(temurin25, newest.orElseThrow().java());
        assertEquals(25, newest.get().version().feature());
        assertEquals(Optional.empty(), NewestJava.unusableFor(true, newest, jvm));
    }

    @Test
    void aJdkWithoutReleaseFileOrJavaIsNoCandidate() throws Exception {
        Path java21 = jdk("java-21", "21.0.2", true);
        jdk("java-25-no-java", "25.0.1", false);
        jdk("java-26-no-release", null, true);
        Files.writeString(jvm.resolve(".java-17.jinfo"), "name=java-17\n"); // Debian's alternatives file

        assertEquals(java21, NewestJava.in(jvm).orElseThrow().java());
    }

    @Test
    void equalVersionsChooseTheFirstFolderByName() throws Exception {
        Path first = jdk("a-jdk-21", "21.0.2", true);
        jdk("b-jdk-21", "21.0.2", true);

        assertEquals(first, NewestJava.in(jvm).orElseThrow().java());
    }

    @Test
    void noneFoundInAnEmptyOrMissingFolderNamesTheFolderAndTheFix() throws Exception {
        assertEquals(Optional.empty(), NewestJava.in(jvm));
        assertEquals(Optional.empty(), NewestJava.in(jvm.resolve("absent")));

        String reason = NewestJava.unusableFor(false, NewestJava.in(jvm), jvm).orElseThrow();

        assertEquals("--server-java newest: no JDK under " + jvm + " (none with a release file and bin/java):"
                + " install one (e.g. apt-get install openjdk-21-jdk) or give --server-java PATH", reason);
    }

    @Test
    void onlyAJava17IsFineForPlatformThreadsButNotForVirtualThreads() throws Exception {
        Path java17 = jdk("java-17-openjdk-amd64", "17.0.15", true);
        jdk("java-1.8.0-openjdk-amd64", "1.8.0_392", true); // a pre-9 version string: no candidate

        Optional<NewestJava.Jdk> newest = NewestJava.in(jvm);

        assertEquals(java17, newest.orElseThrow().java());
        assertEquals(Optional.empty(), NewestJava.unusableFor(false, newest, jvm));
        assertEquals("--server-java newest with --virtual-threads: no Java 21 or later under " + jvm + " (the newest"
                + " is 17.0.15): install one (e.g. apt-get install openjdk-21-jdk) or give --server-java PATH",
                NewestJava.unusableFor(true, newest, jvm).orElseThrow());
    }
}
