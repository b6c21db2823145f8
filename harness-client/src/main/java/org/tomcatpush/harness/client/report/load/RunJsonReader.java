package org.tomcatpush.harness.client.report.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tomcatpush.harness.client.report.model.RunInfo.Property;
import org.tomcatpush.harness.client.report.model.RunInfo.Section;
import org.tomcatpush.harness.client.report.model.RunInfo.ThresholdRecord;
import org.tomcatpush.harness.client.thresholds.RunThresholds;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Reads {@code run.json} (a JSON object) into a {@link RunInfo}: each top-level object becomes a
 * section, nested keys are dotted, arrays of scalars are joined. The reader assumes nothing about
 * which keys exist, so the report shows whatever the run recorded. The threshold outcomes the run
 * recorded ({@code thresholdOutcomes}) are also read as such, for the report to show, not re-judge.
 */
public final class RunJsonReader {

    public static final String FILE_NAME = "run.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunJsonReader() {
    }

    /** Reads {@code file}. */
    public static RunInfo read(Path file) throws ResultsInputException {
        ResultsCsv.requireReadable(file);
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw ResultsInputException.damaged(file, "is not valid JSON (" + ResultsInputException.describe(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw ResultsInputException.damaged(file, "does not hold a JSON object");
        }
        RunInfo info = toRunInfo(root);
        JsonNode outcomes = root.get(RunThresholds.RUN_JSON_OUTCOMES_KEY);
        return outcomes == null ? info : new RunInfo(info.sections(), Optional.of(thresholdOutcomes(file, outcomes)));
    }

    /** The outcomes {@code harness run} recorded, each as {@code RunJson} writes it. */
    private static List<ThresholdRecord> thresholdOutcomes(Path file, JsonNode array) {
        if (!array.isArray()) {
            throw ResultsInputException.damaged(file, RunThresholds.RUN_JSON_OUTCOMES_KEY + " is not a list");
        }
        List<ThresholdRecord> records = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode o = array.get(i);
            JsonNode observed = o.path("observed");
            if (!o.path("threshold").isTextual() || !o.path("row").isTextual() || !o.path("breached").isBoolean()
                    || !(observed.isNumber() || observed.isNull())) {
                throw ResultsInputException.damaged(file, RunThresholds.RUN_JSON_OUTCOMES_KEY + "[" + i + "] lacks its threshold,"
                        + " row, observed or breached");
            }
            records.add(new ThresholdRecord(o.get("threshold").asText(), o.get("row").asText(), observed.isNumber()
                    ? OptionalDouble.of(observed.asDouble()) : OptionalDouble.empty(), o.get("breached").asBoolean()));
        }
        return records;
    }

    static RunInfo toRunInfo(JsonNode root) {
        List<Property> topLevel = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject() || (value.isArray() && !isScalarArray(value))) {
                List<Property> properties = new ArrayList<>();
                flatten("", value, properties);
                sections.add(new Section(field.getKey(), properties));
            } else {
                topLevel.add(new Property(field.getKey(), display(value)));
            }
        }
        if (!topLevel.isEmpty()) {
            sections.add(0, new Section(Section.RUN, topLevel));
        }
        return new RunInfo(sections);
    }

    private static void flatten(String prefix, JsonNode node, List<Property> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(join(prefix, field.getKey()), field.getValue(), out);
            }
        } else if (node.isArray() && !isScalarArray(node)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.add(new Property(prefix.isEmpty() ? "value" : prefix, display(node)));
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private static boolean isScalarArray(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String display(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(RunJsonReader::display)
                    .collect(Collectors.joining(", "));
        }
        return node.isNull() || node.isMissingNode() ? RunInfo.NULL : node.asText();
    }
}
