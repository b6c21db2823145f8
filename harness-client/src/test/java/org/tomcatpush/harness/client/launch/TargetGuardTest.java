package org.tomcatpush.harness.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tomcatpush.harness.server.config.ConfigException;

/** The guard's decision only: nothing here connects anywhere. */
class TargetGuardTest {

    @ParameterizedTest(name = "{0} is loopback")
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.5.5.5", "http://127.255.255.254:1",
        "http://[::1]:80", "http://localhost:8080", "http://LOCALHOST"})
    void loopbackTargetsArePermittedWithoutAllowRemote(String target) {
        URI uri = TargetGuard.parseTarget(target);
        assertTrue(TargetGuard.isLoopback(uri));
        assertTrue(TargetGuard.permits(uri, false));
        TargetGuard.check(uri, false);
    }

    @Timeout(5)
    @ParameterizedTest(name = "{0} is remote")
    @ValueSource(strings = {"http://10.1.2.3:8080", "http://example.com", "http://192.168.0.1",
        "http://[2001:db8::1]:80", "http://0.0.0.0:8080", "http://128.0.0.1", "http://127.0.0.1.example.com",
        "http://localhost.example.com", "http://does-not-exist.invalid:9"})
    void remoteLookingTargetsNeedAllowRemote(String target) {
        URI uri = TargetGuard.parseTarget(target);
        assertFalse(TargetGuard.isLoopback(uri));
        assertFalse(TargetGuard.permits(uri, false));
        assertTrue(TargetGuard.permits(uri, true));
        ConfigException e = assertThrows(ConfigException.class, () -> TargetGuard.check(uri, false));
        assertTrue(e.getMessage().contains("is not a loopback address") && e.getMessage().contains("--allow-remote"),
                e.getMessage());
        TargetGuard.check(uri, true);
    }

    @Test
    void targetIsNormalisedToSchemeHostAndPort() {
        assertEquals(URI.create("http://127.0.0.1:80"), TargetGuard.parseTarget("http://127.0.0.1"));
        assertEquals(URI.create("http://127.0.0.1:8080"), TargetGuard.parseTarget("HTTP://127.0.0.1:8080/"));
        assertEquals(URI.create("http://localhost:9000"), TargetGuard.parseTarget(" http://LocalHost:9000 "));
        assertEquals(URI.create("http://[::1]:80"), TargetGuard.parseTarget("http://[::1]:80"));
    }

    @ParameterizedTest(name = "''{0}'' is not a target")
    @ValueSource(strings = {"ftp://127.0.0.1:21", "https://127.0.0.1:8443", "127.0.0.1:8080",
        "http://127.0.0.1:8080/harness", "http://127.0.0.1:8080?x=1", "http://user@127.0.0.1:8080", "http://",
        "not a url"})
    void malformedTargetsAreRefusedWithAnExample(String target) {
        ConfigException e = assertThrows(ConfigException.class, () -> TargetGuard.parseTarget(target));
        assertTrue(e.getMessage().startsWith("--target"), e.getMessage());
        assertTrue(e.getMessage().contains("http://127.0.0.1:8080"), e.getMessage());
    }
}
