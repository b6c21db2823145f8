package org.tomcatpush.harness.client.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Reads the file JMH writes with {@code -rf json}: an array with one object per benchmark and
 * parameter combination. Tolerates what JMH writes for missing statistics ({@code "NaN"} as a
 * string) and ignores fields it does not know. Stateless and thread safe.
 */
public final class JmhJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIX = "give the JSON file JMH wrote with -rf json (scripts/jmh.sh writes them to results/jmh/)";

    private JmhJsonReader() {
    }

    /**
     * Parses a JMH JSON result file.
     *
     * @throws ResultsInputException when the file is missing, is not JSON, or is not a JMH result
     *                              array (the message names the file and the entry at fault)
     */
    public static List<JmhResult> read(Path file) throws ResultsInputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ResultsInputException(file, "does not exist", FIX);
        } catch (JsonProcessingException e) {
            throw new ResultsInputException(file, "is not valid JSON (" + e.getOriginalMessage() + ")", FIX, e);
        } catch (IOException e) {
            throw new ResultsInputException(file, "cannot be read (" + e.getMessage() + ")", FIX, e);
        }
        if (root == null || !root.isArray()) {
            throw new ResultsInputException(file, "is not a JMH result array", FIX);
        }
        if (root.isEmpty()) {
            throw new ResultsInputException(file, "holds no results (did every benchmark fail?)",
                    "look at the JMH output for the failure, fix it and run again");
        }
        List<JmhResult> results = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            try {
                results.add(entry(root.get(i)));
            } catch (IllegalArgumentException e) {
                throw new ResultsInputException(file, "entry " + (i + 1) + ": " + e.getMessage(), FIX);
            }
        }
        return results;
    }

    private static JmhResult entry(JsonNode node) {
        String benchmark = text(node, "benchmark");
        JsonNode metric = required(node, "primaryMetric");
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null && paramsNode.isObject()) {
            for (Map.Entry<String, JsonNode> p : paramsNode.properties()) {
                params.put(p.getKey(), p.getValue().asText());
            }
        }
        double low = Double.NaN;
        double high = Double.NaN;
        JsonNode confidence = metric.get("scoreConfidence");
        if (confidence != null && confidence.isArray() && confidence.size() == 2) {
            low = number(confidence.get(0));
            high = number(confidence.get(1));
        }
        Map<Double, Double> percentiles = new LinkedHashMap<>();
        JsonNode percentilesNode = metric.get("scorePercentiles");
        if (percentilesNode != null && percentilesNode.isObject() && "sample".equals(node.path("mode").asText())) {
            for (Map.Entry<String, JsonNode> p : percentilesNode.properties()) {
                percentiles.put(Double.parseDouble(p.getKey()), number(p.getValue()));
            }
        }
        int iterations = 0;
        JsonNode raw = metric.get("rawData");
        if (raw != null && raw.isArray()) {
            for (JsonNode fork : raw) {
                iterations += fork.size();
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String key : List.of("jdkVersion", "vmName", "vmVersion", "jmhVersion")) {
            environment.put(key, node.path(key).asText(""));
        }
        environment.put("jvmArgs", join(node.get("jvmArgs")));
        environment.put("warmup", node.path("warmupIterations").asInt() + " x " + node.path("warmupTime").asText(""));
        environment.put("measurement", node.path("measurementIterations").asInt() + " x "
                + node.path("measurementTime").asText(""));
        return new JmhResult(benchmark, text(node, "mode"), node.path("threads").asInt(1), node.path("forks").asInt(),
                params, number(required(metric, "score")), number(metric.get("scoreError")), low, high,
                text(metric, "scoreUnit"), iterations, percentiles, environment);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    /** A number, or JMH's {@code "NaN"} / {@code "Infinity"} strings; NaN when absent. */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + node.asText() + "\" is not a number");
        }
    }

    private static String join(JsonNode array) {
        if (array == null || !array.isArray()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(" ", parts);
    }
}
