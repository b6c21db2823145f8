package org.tomcatpush.harness.client.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChartJsTest {

    @Test
    void umdBuildComesFromTheWebjarOnTheClasspath() {
        assertEquals("4.4.7", ChartJs.version());
        assertTrue(ChartJs.script().startsWith("/*!\n * Chart.js v4.4.7"));
        assertTrue(ChartJs.script().length() > 100_000);
    }

    @Test
    void inlinedScriptReferencesNoSourceMapAndCannotCloseItsElement() {
        assertFalse(ChartJs.script().contains("sourceMappingURL"));
        assertFalse(ChartJs.script().toLowerCase(java.util.Locale.ROOT).contains("</script"));
    }
}
