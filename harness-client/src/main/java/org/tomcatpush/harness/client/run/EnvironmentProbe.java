package org.tomcatpush.harness.client.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.tomcatpush.harness.client.launch.JavaRuntime;
import org.tomcatpush.harness.client.launch.OpenFileLimit;
import org.tomcatpush.harness.client.results.ClientCost;
import org.tomcatpush.harness.client.results.RunEnvironment;

/** Collects the {@link RunEnvironment} of a run. Stateless. */
final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    /**
     * @param serverJava        the server's java binary, or "external"
     * @param serverJavaVersion its version, or "unknown"
     * @param tomcatVersion     as the server's stats reported it
     * @param clientCost        what the client spent during the window
     */
    static RunEnvironment collect(String harnessVersion, String serverJava, String serverJavaVersion,
            String tomcatVersion, ClientCost clientCost) {
        JavaRuntime java = JavaRuntime.current();
        return new RunEnvironment(harnessVersion, java.version(), java.vendor(), serverJava, serverJavaVersion,
                tomcatVersion, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                OpenFileLimit.current().orElse(-1), gitCommit(), clientCost);
    }

    /** {@code git rev-parse HEAD} in the working directory, or "unknown". */
    static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            git.getOutputStream().close();
            try (InputStream in = git.getInputStream()) {
                if (!git.waitFor(5, TimeUnit.SECONDS) || git.exitValue() != 0) {
                    git.destroyForcibly();
                    return "unknown";
                }
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return out.matches("[0-9a-f]{40,64}") ? out : "unknown";
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
