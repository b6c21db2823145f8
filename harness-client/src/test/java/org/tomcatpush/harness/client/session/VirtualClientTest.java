package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.asynchttpclient.Request;
import org.asynchttpclient.uri.Uri;
import org.junit.jupiter.api.Test;

/** A virtual client's requests go out on its own pool partition and source address, as a browser when asked. */
class VirtualClientTest {

    private static final Uri POLL = Uri.create("http://127.0.0.1:8080/poll");

    private static InetAddress address(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    @Test
    void requestsCarryTheClientsPartitionAndSourceAddress() throws Exception {
        VirtualClient client = new VirtualClient(7, address(3), address(1), false, null);
        Request request = client.get(POLL).build();
        assertEquals(address(3), request.getLocalAddress());
        assertEquals(address(1), request.getAddress(), "no name resolution per request");
        Object key = request.getChannelPoolPartitioning().getPartitionKey(POLL, null, null);
        assertEquals(new VirtualClient.PartitionKey(7, address(3)), key);
        assertSame(key, client.getPartitionKey(POLL, null, null), "the key is not rebuilt per request");
    }

    @Test
    void clientsWithTheSameIdOnAnotherAddressDoNotShareConnections() throws Exception {
        Object a = new VirtualClient(1, address(1), address(1), false, null).getPartitionKey(POLL, null, null);
        Object b = new VirtualClient(1, address(2), address(1), false, null).getPartitionKey(POLL, null, null);
        Object c = new VirtualClient(2, address(1), address(1), false, null).getPartitionKey(POLL, null, null);
        assertNotEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void browserSendsConnectionKeepAliveAndOthersSendNoConnectionHeader() throws Exception {
        Request browser = new VirtualClient(1, address(1), address(1), true, new ConnectionPermits(6)).get(POLL).build();
        Request tab = new VirtualClient(2, address(1), address(1), false, null).get(POLL).build();
        assertEquals("keep-alive", browser.getHeaders().get("Connection"));
        assertFalse(tab.getHeaders().contains("Connection"));
    }

    @Test
    void withoutACapEveryExchangeRunsAtOnce() throws Exception {
        VirtualClient client = new VirtualClient(1, address(1), address(1), false, null);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int id = i;
            client.whenConnectionFree(() -> ran.add(id));
        }
        assertEquals(10, ran.size());
        assertFalse(client.withdraw(() -> { }));
    }

    @Test
    void browserCapMakesTheSeventhExchangeWait() throws Exception {
        VirtualClient browser = new VirtualClient(1, address(1), address(1), true, new ConnectionPermits(6));
        List<Integer> ran = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            int id = i;
            browser.whenConnectionFree(() -> ran.add(id));
        }
        assertEquals(6, ran.size());
        browser.exchangeEnded();
        assertTrue(ran.contains(7));
    }
}
