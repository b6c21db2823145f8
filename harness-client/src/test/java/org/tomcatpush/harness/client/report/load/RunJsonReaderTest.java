package org.tomcatpush.harness.client.report.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.report.model.RunInfo;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunJsonReaderTest {

    @Test
    void topLevelObjectsBecomeSectionsWithDottedKeys() throws Exception {
        RunInfo info = RunJsonReader.toRunInfo(new ObjectMapper().readTree("""
                {"name": "e1", "failure": null, "commandLine": ["run", "--sessions", "20"],
                 "server": {"tomcatVersion": "11.0.27", "settings": {"maxThreads": 200}},
                 "runs": [{"id": 1}, {"id": 2}]}
                """));

        assertEquals(List.of("run", "server", "runs"), info.sections().stream().map(RunInfo.Section::title).toList());
        assertEquals(List.of(new RunInfo.Property("name", "e1"), new RunInfo.Property("failure", "n/a"),
                new RunInfo.Property("commandLine", "run, --sessions, 20")), info.sections().get(0).properties());
        assertEquals(List.of(new RunInfo.Property("tomcatVersion", "11.0.27"),
                new RunInfo.Property("settings.maxThreads", "200")), info.sections().get(1).properties());
        assertEquals(List.of(new RunInfo.Property("[0].id", "1"), new RunInfo.Property("[1].id", "2")),
                info.sections().get(2).properties());
        assertEquals(Optional.of("200"), info.find("server.settings.maxThreads"));
        assertEquals(Optional.of("e1"), info.find("name"));
    }
}
