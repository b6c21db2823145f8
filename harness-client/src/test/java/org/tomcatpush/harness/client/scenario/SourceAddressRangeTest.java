package org.tomcatpush.harness.client.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** Each agent spreads its connections over source addresses of its own; a whole run over 127.0.0.1 .. K. */
class SourceAddressRangeTest {

    @Test
    void aWholeRunCyclesThroughTheFirstKAddresses() {
        SourceAddressRange one = SourceAddressRange.of(AgentSlice.WHOLE, 1);
        assertEquals("127.0.0.1", address(one, 0));
        assertEquals("127.0.0.1", address(one, 7));
        SourceAddressRange four = SourceAddressRange.of(AgentSlice.WHOLE, 4);
        assertEquals("127.0.0.3", address(four, 2));
        assertEquals("127.0.0.1", address(four, 4));
        assertEquals("127.0.1.4", address(SourceAddressRange.of(AgentSlice.WHOLE, 300), 259), "past .255 into the third octet");
        assertEquals("127.0.0.1 .. 127.0.0.4", four.toString());
    }

    @Test
    void agentIOfNTakesTheKAddressesAfterTheAgentsBeforeIt() {
        assertEquals("127.0.0.1 .. 127.0.0.1", SourceAddressRange.of(AgentSlice.parse("0/3"), 1).toString());
        assertEquals("127.0.0.2 .. 127.0.0.2", SourceAddressRange.of(AgentSlice.parse("1/3"), 1).toString());
        assertEquals("127.0.0.3 .. 127.0.0.3", SourceAddressRange.of(AgentSlice.parse("2/3"), 1).toString());

        SourceAddressRange second = SourceAddressRange.of(AgentSlice.parse("1/3"), 4);
        assertEquals("127.0.0.5 .. 127.0.0.8", second.toString());
        // agent 1's virtual clients are numbered from where agent 0's end: still only its own addresses
        assertEquals("127.0.0.5", address(second, 12));
        assertEquals("127.0.0.6", address(second, 13));
        assertEquals("127.0.0.8", address(second, 15));
        assertEquals("127.0.0.5", address(second, 16));
        assertEquals("127.0.0.9 .. 127.0.0.12", SourceAddressRange.of(AgentSlice.parse("2/3"), 4).toString());
    }

    @Test
    void onlyAnIpv4LoopbackTargetIsReachedFromTheRange() throws Exception {
        assertTrue(SourceAddressRange.appliesTo(InetAddress.getByName("127.0.0.1")));
        assertTrue(SourceAddressRange.appliesTo(InetAddress.getByName("127.3.0.9")));
        assertFalse(SourceAddressRange.appliesTo(InetAddress.getByName("::1")));
        assertFalse(SourceAddressRange.appliesTo(InetAddress.getByName("10.0.0.7")));
    }

    private static String address(SourceAddressRange range, int clientId) {
        return range.address(clientId).getHostAddress();
    }
}
