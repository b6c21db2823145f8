package org.tomcatpush.harness.client.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code java} binary is: its version and vendor, asked of the binary itself
 * ({@code java -XshowSettings:properties -version}). Used to refuse {@code --virtual-threads} on
 * a server Java older than 21 before starting it, and to record the server JVM in run.json.
 * Immutable.
 *
 * @param feature the feature release, e.g. 17 or 25
 * @param version the full {@code java.version}
 * @param vendor  {@code java.vendor}
 */
public record JavaRuntime(int feature, String version, String vendor) {

    private static final Pattern PROPERTY = Pattern.compile("^\\s*(java\\.version|java\\.vendor) = (.*)$",
            Pattern.MULTILINE);

    /** The running JVM. */
    public static JavaRuntime current() {
        return new JavaRuntime(Runtime.version().feature(), System.getProperty("java.version"),
                System.getProperty("java.vendor"));
    }

    /**
     * Asks {@code javaBinary} what it is; empty when it does not run, does not answer within
     * {@code timeout}, or does not print Java properties.
     */
    public static Optional<JavaRuntime> probe(Path javaBinary, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(javaBinary.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            process.getOutputStream().close();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(process.getInputStream(), output), "java-probe-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            reader.join(1_000);
            String text;
            synchronized (output) {
                text = output.toString(StandardCharsets.UTF_8);
            }
            return parse(text);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }

    /** Reads the output of {@code java -XshowSettings:properties -version}. */
    static Optional<JavaRuntime> parse(String output) {
        String version = null;
        String vendor = "unknown";
        Matcher m = PROPERTY.matcher(output);
        while (m.find()) {
            if (m.group(1).equals("java.version")) {
                version = m.group(2).trim();
            } else {
                vendor = m.group(2).trim();
            }
        }
        if (version == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JavaRuntime(Runtime.Version.parse(version).feature(), version, vendor));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the probe reads what it got
        }
    }
}
