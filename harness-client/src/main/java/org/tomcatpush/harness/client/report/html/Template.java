package org.tomcatpush.harness.client.report.html;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text template with {@code {{name}}} placeholders, filled in one pass: text put into a
 * placeholder is never scanned again, so data or inlined scripts that happen to contain
 * {@code {{...}}} stay as they are. Immutable and thread-safe.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)}}");

    private final String text;

    public Template(String text) {
        this.text = text;
    }

    /** Loads a template from the classpath. */
    public static Template resource(String path) {
        return new Template(Resources.text(path));
    }

    /**
     * Fills every placeholder from {@code values}.
     *
     * @throws IllegalArgumentException when a placeholder has no value
     */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + values.values().stream().mapToInt(String::length).sum());
        int last = 0;
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template placeholder {{" + m.group(1) + "}} has no value");
            }
            out.append(text, last, m.start()).append(value);
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
