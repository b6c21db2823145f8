package org.tomcatpush.harness.client.report.model;

import java.util.List;
import java.util.Optional;

/**
 * What {@code run.json} says about a run (scenario, server configuration, environment, status),
 * flattened into titled tables of key/value properties for display. Immutable.
 *
 * @param sections the top-level objects of {@code run.json} in file order (top-level scalars
 *                 gathered in a section titled "run")
 */
public record RunInfo(List<Section> sections) {

    /** How a JSON {@code null} is displayed. */
    public static final String NULL = "n/a";

    public RunInfo {
        sections = List.copyOf(sections);
    }

    /** A run with no {@code run.json} properties. */
    public static RunInfo empty() {
        return new RunInfo(List.of());
    }

    /**
     * The value of the first of {@code keys} present with a value, each a dotted path such as
     * {@code scenario.name} (section title, then the property key); a top-level key needs no
     * section. JSON {@code null} counts as absent.
     */
    public Optional<String> find(String... keys) {
        for (String key : keys) {
            for (Section section : sections) {
                for (Property p : section.properties()) {
                    if (p.value().isBlank() || p.value().equals(NULL)) {
                        continue;
                    }
                    String dotted = section.title() + "." + p.key();
                    if (dotted.equals(key) || (section.title().equals(Section.RUN) && p.key().equals(key))) {
                        return Optional.of(p.value());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One titled table.
     *
     * @param title      the top-level key in {@code run.json}
     * @param properties its properties; nested keys are dotted ({@code jvm.version})
     */
    public record Section(String title, List<Property> properties) {

        /** Title of the section that gathers the top-level scalars of {@code run.json}. */
        public static final String RUN = "run";

        public Section {
            properties = List.copyOf(properties);
        }
    }

    /** One displayed value; arrays of scalars are joined with ", ". */
    public record Property(String key, String value) {
    }
}
