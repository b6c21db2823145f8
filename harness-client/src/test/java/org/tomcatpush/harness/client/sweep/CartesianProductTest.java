package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * The runs of a scenario: the product of the axes, numbered from 1, the first key varying slowest,
 * each run holding the fixed settings and its swept values, named by the settings it varies.
 */
@Timeout(30)
class CartesianProductTest {

    private static ScenarioFile scenario(List<Setting> fixed, Axis... axes) {
        return new ScenarioFile(Path.of("s.yaml"), "s", fixed, List.of(axes));
    }

    @Test
    void fourTransportsTimesTwoThreadCountsTimesTwoHandlersGiveSixteenRunsFirstKeySlowest() {
        ScenarioFile s = scenario(List.of(new Setting("sessions", "500", false)),
                new Axis("transport", false, List.of("short-poll", "long-poll", "sse", "ws")),
                new Axis("max-threads", false, List.of("50", "200")),
                new Axis("handler", false, List.of("async", "blocking")));

        List<Combination> runs = CartesianProduct.of(s);

        assertEquals(16, runs.size());
        assertEquals("transport=short-poll max-threads=50 handler=async", runs.get(0).label());
        assertEquals("transport=short-poll max-threads=50 handler=blocking", runs.get(1).label());
        assertEquals("transport=short-poll max-threads=200 handler=async", runs.get(2).label());
        assertEquals("transport=long-poll max-threads=50 handler=async", runs.get(4).label());
        assertEquals("transport=ws max-threads=200 handler=blocking", runs.get(15).label());
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(i + 1, runs.get(i).index());
            assertEquals(16, runs.get(i).total());
        }
        assertEquals("[3/16]", runs.get(2).position());
        assertEquals(16, runs.stream().map(Combination::label).distinct().count(), "every combination once");
    }

    @Test
    void eachRunHasTheFixedSettingsThenItsSweptValuesAsRunArguments() {
        ScenarioFile s = scenario(List.of(new Setting("sessions", "5", false), new Setting("browser", "true", true)),
                new Axis("handler", false, List.of("async", "blocking")));

        Combination second = CartesianProduct.of(s).get(1);

        assertEquals(List.of("--sessions", "5", "--browser", "--handler", "blocking", "--name", "handler=blocking",
                "--out", "runs"), second.runArgs(Path.of("runs")));
        assertEquals("--sessions 5 --browser --handler blocking", second.optionsText());
    }

    @Test
    void runNamesAreTheSweptSettingsUniqueAndSafeForFolders() {
        ScenarioFile s = scenario(List.of(), new Axis("transport", false, List.of("sse=70,ws=30", "ws")),
                new Axis("publish-rate", false, List.of("0.5", "1", "2", "5", "10")),
                new Axis("browser", true, List.of("false", "true")));

        List<Combination> runs = CartesianProduct.of(s);

        assertEquals(20, runs.size());
        assertEquals("transport=sse=70,ws=30,publish-rate=0.5,browser=false", runs.get(0).runName());
        assertEquals("transport=ws,publish-rate=10,browser=true", runs.get(19).runName());
        assertEquals(20, runs.stream().map(Combination::runName).distinct().count(), "every name differs");
        runs.forEach(r -> assertEquals(ResultsFolder.sanitize(r.runName()), r.runName(), "safe: " + r.runName()));
    }

    @Test
    void aValueWithCharactersUnfitForAFolderOrATooLongNameGetsTheIndexFirst() {
        List<Combination> odd = CartesianProduct.of(scenario(List.of(),
                new Axis("transport", false, List.of("sse=70, ws=30", "ws"))));
        assertEquals("1-transport=sse=70,_ws=30", odd.get(0).runName());
        assertEquals("transport=ws", odd.get(1).runName());

        String longValue = "x".repeat(90);
        List<Combination> longOnes = CartesianProduct.of(scenario(List.of(),
                new Axis("name-of-a-key", false, List.of(longValue + "a", longValue + "b"))));
        assertEquals("1-name-of-a-key=" + "x".repeat(64), longOnes.get(0).runName());
        assertEquals("2-name-of-a-key=" + "x".repeat(64), longOnes.get(1).runName());
    }

    @Test
    void valuesThatWouldNameTwoRunsAlikeAreBadInput() {
        ConfigException e = assertThrows(ConfigException.class, () -> CartesianProduct.of(scenario(List.of(),
                new Axis("a", false, List.of("x", "x,b=1")), new Axis("b", false, List.of("1,b=2", "2")))));
        assertTrue(e.getMessage().endsWith(": runs 1 (a=x b=1,b=2) and 4 (a=x,b=1 b=2) would both be named"
                + " 'a=x,b=1,b=2': give values that differ in letters or digits"), e.getMessage());
    }

    @Test
    void oneAxisOfOneValueIsOneRun() {
        List<Combination> runs = CartesianProduct.of(scenario(List.of(), new Axis("sessions", false, List.of("3"))));

        assertEquals(1, runs.size());
        assertEquals("sessions=3", runs.get(0).label());
    }
}
