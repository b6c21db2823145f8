package org.tomcatpush.harness.client.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TemplateTest {

    @Test
    void placeholdersAreFilledInOnePassSoValuesAreNeverReinterpreted() {
        Template t = new Template("<h1>{{title}}</h1>{{body}}");

        assertEquals("<h1>{{body}}</h1>x", t.render(Map.of("title", "{{body}}", "body", "x")));
    }

    @Test
    void placeholderWithoutAValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Template("{{title}} {{missing}}").render(Map.of("title", "t")));

        assertEquals("template placeholder {{missing}} has no value", e.getMessage());
    }
}
