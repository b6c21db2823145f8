package org.tomcatpush.harness.client.results;

/**
 * Where a run ran, for {@code run.json}. Immutable.
 *
 * @param harnessVersion    this tool's version
 * @param javaVersion       the client JVM's version
 * @param javaVendor        the client JVM's vendor
 * @param serverJava        the {@code java} that ran the server, or "external" for {@code --target}
 * @param serverJavaVersion that JVM's version, "unknown" when it could not be told
 * @param tomcatVersion     the server's Tomcat version as its stats reported it
 * @param cores             processors available to the client JVM
 * @param osName            operating system name
 * @param osVersion         operating system version
 * @param osArch            CPU architecture
 * @param openFileLimit     the client's soft open-file limit, -1 when unknown or unlimited
 * @param gitCommit         the working directory's git commit, or "unknown"
 * @param clientCost        what the client itself spent during the measured window
 */
public record RunEnvironment(String harnessVersion, String javaVersion, String javaVendor, String serverJava,
        String serverJavaVersion, String tomcatVersion, int cores, String osName, String osVersion, String osArch,
        long openFileLimit, String gitCommit, ClientCost clientCost) {

    /** An environment whose client cost was not measured. */
    public RunEnvironment(String harnessVersion, String javaVersion, String javaVendor, String serverJava,
            String serverJavaVersion, String tomcatVersion, int cores, String osName, String osVersion, String osArch,
            long openFileLimit, String gitCommit) {
        this(harnessVersion, javaVersion, javaVendor, serverJava, serverJavaVersion, tomcatVersion, cores, osName,
                osVersion, osArch, openFileLimit, gitCommit, ClientCost.UNKNOWN);
    }
}
