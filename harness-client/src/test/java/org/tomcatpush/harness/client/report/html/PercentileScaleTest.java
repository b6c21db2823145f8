package org.tomcatpush.harness.client.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PercentileScaleTest {

    @Test
    void percentilesSitAtOneOverOneMinusP() {
        assertEquals(1, PercentileScale.position(0, 1000, 1), 1e-9);
        assertEquals(2, PercentileScale.position(50, 1000, 1), 1e-9);
        assertEquals(10, PercentileScale.position(90, 1000, 1), 1e-9);
        assertEquals(100, PercentileScale.position(99, 1000, 1), 1e-6);
        assertEquals(1000, PercentileScale.position(99.9, 1000, 1), 1e-6);
    }

    @Test
    void theMaximumSitsAtOneInCount() {
        assertEquals(2400, PercentileScale.position(100, 2400, 512), 1e-9);
    }

    @Test
    void theMaximumIsNeverLeftOfThePointBeforeIt() {
        assertEquals(4096, PercentileScale.position(100, 10, 4096), 1e-9);
    }
}
