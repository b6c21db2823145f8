package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.util.ResourceLeakDetector.Level;
import org.junit.jupiter.api.Test;

/** A run turns Netty's buffer leak detector off unless {@code -Dio.netty.leakDetection.level} asks for a level. */
class LeakDetectionLevelTest {

    @Test
    void offUnlessAsked() {
        assertEquals(Level.DISABLED, HttpClientResources.leakDetectionLevel(null));
    }

    @Test
    void theLevelAskedForIsKept() {
        // the tests' JVM runs with -Dio.netty.leakDetection.level=simple (harness-client/pom.xml)
        assertEquals(Level.SIMPLE, HttpClientResources.leakDetectionLevel(System.getProperty("io.netty.leakDetection.level")));
    }
}
