package org.tomcatpush.harness.client.results;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of the machine a run's client ran on, for {@code run.json}'s {@code environment.host}:
 * which agent's folder came from where once several are merged. {@code HOSTNAME} when the
 * environment has it (a Kubernetes pod's name, most shells' host name), else the name the system
 * gives the local host, else {@code null}. Never resolves another host. Stateless.
 */
public final class AgentHost {

    private AgentHost() {
    }

    /** This machine's name, or {@code null} when it cannot be told. */
    public static String name() {
        String hostname = System.getenv("HOSTNAME");
        if (hostname != null && !hostname.isBlank()) {
            return hostname.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
