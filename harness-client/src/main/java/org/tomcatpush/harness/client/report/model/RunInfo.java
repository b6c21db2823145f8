package org.tomcatpush.harness.client.report.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@code run.json} says about a run (scenario, server configuration, environment, status),
 * flattened into titled tables of key/value properties for display. Immutable.
 *
 * @param sections the top-level objects of {@code run.json} in file order (top-level scalars
 *                 gathered in a section titled "run")
 * @param thresholdOutcomes how each threshold came out, as the run judged and recorded it
 *                 ({@code thresholdOutcomes}); empty when {@code run.json} records no outcomes
 *                 at all (a file written before they were recorded)
 */
public record RunInfo(List<Section> sections, Optional<List<ThresholdRecord>> thresholdOutcomes) {

    /** How a JSON {@code null} is displayed. */
    public static final String NULL = "n/a";

    public RunInfo {
        sections = List.copyOf(sections);
        thresholdOutcomes = thresholdOutcomes.map(List::copyOf);
    }

    /** Properties without recorded threshold outcomes. */
    public RunInfo(List<Section> sections) {
        this(sections, Optional.empty());
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

    /**
     * How one threshold came out on one row of {@code summary.csv}, as {@code harness run} judged
     * it and recorded it in {@code run.json}: the report shows it and never judges it again.
     *
     * @param threshold the expression as given, e.g. {@code sse:latency_p99_ms<200}
     * @param row       the transport of the row ({@code sse}, ..., {@code all})
     * @param observed  the figure judged; empty when the cell was empty
     * @param breached  whether the condition did not hold
     */
    public record ThresholdRecord(String threshold, String row, OptionalDouble observed, boolean breached) {
    }
}
