package org.tomcatpush.harness.client.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.report.model.RunInfo.Property;

/** run.json's server settings, asked ({@code settings.*}) and reported ({@code config.*}), shown once each. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigurationTableTest {

    @Test
    void eachSettingIsOneRowWithTheServersValueOnlyWhereItDiffers() {
        List<Property> server = List.of(new Property("mode", "child"),
                new Property("settings.maxThreads", "200"), new Property("settings.maxKeepAliveRequests", "10"),
                new Property("settings.keepAliveTimeoutMs", "20000"),
                new Property("config.maxThreads", "200"), new Property("config.maxKeepAliveRequests", "100"),
                new Property("config.keepAliveTimeoutMs", "n/a"), new Property("config.port", "0"));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("mode", "child");
        expected.put("maxThreads", "200");
        expected.put("maxKeepAliveRequests", "10 (the server reported 100)");
        expected.put("keepAliveTimeoutMs", "20000");
        expected.put("port", "0");
        assertEquals(expected, ConfigurationTable.merged(server));
    }
}
