package org.tomcatpush.harness.client.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tomcatpush.harness.server.config.ConfigException;

/** {@code --endpoints}: a foreign application's paths per transport, and every way to get the spec wrong. */
class EndpointsTest {

    @Test
    void everyTransportTakesItsPathAndPollIsShortPoll() {
        Endpoints e = Endpoints.parse("sse=/events,ws=/socket,poll=/api/poll,long-poll=/api/wait", "ts");

        assertTrue(e.foreign());
        assertEquals("ts", e.publishTimeField());
        assertEquals(Map.of(Transport.SSE, "/events", Transport.WS, "/socket", Transport.SHORT_POLL, "/api/poll",
                Transport.LONG_POLL, "/api/wait"), e.paths());
        assertEquals("/api/poll", Endpoints.parse("short-poll=/api/poll", null).path(Transport.SHORT_POLL));
    }

    @Test
    void harnessServersOwnEndpointsAreNotForeign() {
        assertFalse(Endpoints.HARNESS.foreign());
        assertEquals("/longpoll", Endpoints.HARNESS.path(Transport.LONG_POLL));
    }

    @Test
    void aMixTransportWithoutAPathIsRefused() {
        Endpoints e = Endpoints.parse("sse=/events", null);
        ConfigException refused = assertThrows(ConfigException.class,
                () -> e.requireCovers(TransportMix.parse("sse=50,ws=50")));
        assertEquals("--transport sse=50,ws=50 includes ws, which --endpoints sse=/events gives no path: add"
                + " ws=/path to --endpoints, or drop it from --transport", refused.getMessage());
        e.requireCovers(TransportMix.parse("sse"));
    }

    @Test
    void badSpecsAreRefusedWithOneLineEach() {
        assertRefused("sse", "--endpoints 'sse': 'sse' has no '=': write TRANSPORT=/path");
        assertRefused("sse=/a,,ws=/b", "--endpoints 'sse=/a,,ws=/b': '' has no '=': write TRANSPORT=/path");
        assertRefused("mqtt=/m", "--endpoints 'mqtt=/m': unknown transport 'mqtt': use sse, ws, poll (or short-poll)"
                + " or long-poll");
        assertRefused("sse=events", "--endpoints 'sse=events': the path of sse 'events' must start with /");
        assertRefused("sse=", "--endpoints 'sse=': the path of sse '' must start with /");
        assertRefused("sse=/a,sse=/b", "--endpoints 'sse=/a,sse=/b': sse is given twice: give each transport once");
        assertRefused("poll=/a,short-poll=/b",
                "--endpoints 'poll=/a,short-poll=/b': short-poll is given twice: give each transport once");
        assertRefused("sse=/a?x=1", "--endpoints 'sse=/a?x=1': the path of sse '/a?x=1' must be a plain path"
                + " (no query, space or #)");
    }

    private static void assertRefused(String spec, String message) {
        ConfigException refused = assertThrows(ConfigException.class, () -> Endpoints.parse(spec, null));
        assertEquals(message, refused.getMessage());
    }
}
