package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.apache.catalina.util.ServerInfo;

import picocli.CommandLine.IVersionProvider;

/**
 * The {@code --version} text: the harness's version (from the jar's Maven metadata, or
 * "development build" when run from classes), the embedded Tomcat's and the running Java's.
 */
public final class HarnessVersion implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.tomcatpush/harness-client/pom.properties";

    /** This tool's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = HarnessVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "development build");
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "harness " + version(),
            "Tomcat " + ServerInfo.getServerNumber() + ", Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vendor") + ")"
        };
    }
}
