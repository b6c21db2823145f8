package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.cli.RunPlans;
import org.tomcatpush.harness.server.config.Api;
import org.tomcatpush.harness.server.config.ConfigException;

/** {@code api} as a sweep axis: each run's server gets its own {@code --api}; a bad value names the run and the fix. */
class ApiAxisTest {

    @TempDir
    Path dir;

    @Test
    void eachRunOfAnApiAxisStartsItsServerWithThatApi() throws Exception {
        Path file = SweepCli.scenario(dir, "api.yaml", """
                name: api
                fixed: {sessions: 5, duration: 2s, transport: sse}
                sweep: {api: [servlet, spring], handler: [async, blocking]}
                """);
        SweepPlan plan = SweepPlan.of(ScenarioFile.read(file, new OptionKeys(RunPlans.options())), dir.resolve("out"));

        assertEquals(List.of(Api.SERVLET, Api.SERVLET, Api.SPRING, Api.SPRING),
                plan.plans().stream().map(p -> p.serverConfig().api()).toList());
        assertEquals("api=spring handler=blocking", plan.combinations().get(3).label());
    }

    @Test
    void aBadApiInASweepIsRefusedWithOneLine() throws Exception {
        Path file = SweepCli.scenario(dir, "api.yaml", """
                name: api
                fixed: {sessions: 5, duration: 2s}
                sweep: {api: [servlet, jaxrs]}
                """);
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepPlan.of(ScenarioFile.read(file, new OptionKeys(RunPlans.options())), dir.resolve("out")));
        assertTrue(e.getMessage().contains("'jaxrs' is not an api: use servlet or spring"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
