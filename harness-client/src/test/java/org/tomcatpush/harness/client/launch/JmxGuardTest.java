package org.tomcatpush.harness.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.tomcatpush.harness.server.config.ConfigException;

/** The loopback guard of {@code --jmx}, decided from the URL alone: nothing here connects anywhere. */
class JmxGuardTest {

    @Test
    void aLoopbackRegistryIsAllowed() {
        assertTrue(JmxGuard.permits(JmxGuard.parse("service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi"), false));
        assertTrue(JmxGuard.permits(JmxGuard.parse("service:jmx:rmi:///jndi/rmi://localhost:9010/jmxrmi"), false));
        assertTrue(JmxGuard.permits(JmxGuard.parse("service:jmx:rmi:///jndi/rmi://[::1]:9010/jmxrmi"), false));
        assertTrue(JmxGuard.permits(JmxGuard.parse("service:jmx:jmxmp://127.0.0.2:5555"), false));
    }

    @Test
    void aRemoteHostNeedsAllowRemote() {
        var remoteRegistry = JmxGuard.parse("service:jmx:rmi:///jndi/rmi://10.1.2.3:9010/jmxrmi");
        var remoteConnector = JmxGuard.parse("service:jmx:rmi://10.1.2.3:9011/jndi/rmi://127.0.0.1:9010/jmxrmi");
        var remoteName = JmxGuard.parse("service:jmx:rmi:///jndi/rmi://tomcat.example:9010/jmxrmi");

        assertEquals(List.of("10.1.2.3"), JmxGuard.hosts(remoteRegistry));
        assertEquals(List.of("10.1.2.3", "127.0.0.1"), JmxGuard.hosts(remoteConnector));
        assertFalse(JmxGuard.permits(remoteRegistry, false));
        assertFalse(JmxGuard.permits(remoteConnector, false));
        assertFalse(JmxGuard.permits(remoteName, false));
        assertTrue(JmxGuard.permits(remoteRegistry, true));
        ConfigException refused = assertThrows(ConfigException.class, () -> JmxGuard.check(remoteRegistry, false));
        assertEquals("--jmx service:jmx:rmi:///jndi/rmi://10.1.2.3:9010/jmxrmi is not on a loopback address: the"
                + " harness only connects to 127.0.0.0/8, ::1 and localhost unless you add --allow-remote",
                refused.getMessage());
    }

    @Test
    void aUrlThatIsNotAJmxServiceUrlIsRefused() {
        ConfigException refused = assertThrows(ConfigException.class, () -> JmxGuard.parse("rmi://127.0.0.1:9010"));
        assertEquals("--jmx 'rmi://127.0.0.1:9010' is not a JMX service URL: write e.g."
                + " service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi", refused.getMessage());
    }
}
