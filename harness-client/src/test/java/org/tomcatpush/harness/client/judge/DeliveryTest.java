package org.tomcatpush.harness.client.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DeliveryTest {

    @Test
    void everyMessageOnceIsLossless() {
        Delivery d = Delivery.of(Rows.row());

        assertEquals(Outcome.FAILS, d.anyLost());
        assertEquals(Outcome.FAILS, d.anyDuplicated());
        assertEquals(Outcome.HOLDS, d.lossless());
        assertEquals(Outcome.HOLDS, d.deliveredOnce());
        assertEquals(Outcome.FAILS, d.nothingDelivered());
    }

    @Test
    void oneLostMessageIsALoss() {
        Delivery d = Delivery.of(Rows.with("messages_lost", "1"));

        assertEquals(Outcome.HOLDS, d.anyLost());
        assertEquals(Outcome.FAILS, d.lossless());
        assertEquals(Outcome.FAILS, d.deliveredOnce());
    }

    @Test
    void nothingReceivedWhileTheServerPublishedIsNothingDelivered() {
        Delivery d = Delivery.of(Rows.with("messages_received", "0"));

        assertEquals(Outcome.HOLDS, d.nothingDelivered());
        assertEquals(Outcome.HOLDS, d.lossless(), "nothing lost, nothing duplicated");
        assertEquals(Outcome.FAILS, d.deliveredOnce(), "but nothing delivered");
    }

    @Test
    void missingCountsAreNoDataNotAnAllClear() {
        assertEquals(Outcome.NO_DATA, Delivery.of(Rows.with("messages_duplicated", "")).lossless());
        assertEquals(Outcome.NO_DATA, Delivery.of(Rows.with("messages_duplicated", "")).deliveredOnce());
        assertEquals(Outcome.NO_DATA, Delivery.of(Rows.with("messages_received", "0"), OptionalDouble.empty())
                .nothingDelivered(), "whether the server published is unknown");
    }
}
