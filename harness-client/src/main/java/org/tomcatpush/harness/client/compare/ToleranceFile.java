package org.tomcatpush.harness.client.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomcatpush.harness.client.cli.Suggestions;
import org.tomcatpush.harness.client.yaml.YamlTree;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Reads tolerance files: the defaults shipped in {@code compare/default-tolerances.yaml} and a
 * user's file given with {@code --tolerances}, in the same format:
 * <pre>
 * config: [transport, handler, sessions, ...]   # columns that identify a run (replaces the defaults)
 * metrics:                                      # per metric, overrides the default
 *   latency_p99_ms: +100% or +50ms
 * rules:                                        # per configuration, appended after the default rules
 *   - when: {transport: short-poll, max_keep_alive_requests: 10}
 *     metrics: {requests_per_connection_max: exact}
 * </pre>
 * A user's file may only name metrics the defaults know, and only configuration columns in
 * {@code when}; every problem is a {@link ResultsInputException} naming the file, the line and the fix.
 * Stateless.
 */
public final class ToleranceFile {

    /** The class-path resource of the shipped defaults. */
    public static final String DEFAULT_RESOURCE = "/compare/default-tolerances.yaml";

    private static final Set<String> TOP_LEVEL = Set.of("config", "metrics", "rules");
    private static final Set<String> RULE_KEYS = Set.of("when", "metrics");
    private static final String WHAT_TO_WRITE = "give at least one of config:, metrics:, rules: (see the shipped"
            + " default-tolerances.yaml)";

    private ToleranceFile() {
    }

    /** The shipped defaults. */
    public static ToleranceSet defaults() {
        try (InputStream in = ToleranceFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
            }
            return read("default tolerances", new InputStreamReader(in, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The defaults, overridden by {@code file}. @throws ResultsInputException on any problem with the file */
    public static ToleranceSet withOverrides(Path file) {
        ToleranceSet defaults = defaults();
        String name = "tolerance file " + file;
        if (Files.isDirectory(file)) {
            throw new ResultsInputException(name + " is a folder: give a YAML file like the shipped "
                    + "default-tolerances.yaml");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, in, defaults);
        } catch (YamlTree.BadYamlException e) {
            throw new ResultsInputException(name + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new ResultsInputException(name + " does not exist: check the path given to --tolerances");
        } catch (IOException | UncheckedIOException e) {
            throw new ResultsInputException(name + " cannot be read (" + e.getMessage()
                    + "): check the path and its permissions");
        }
    }

    /**
     * Reads one file.
     *
     * @param name the file's name for messages
     * @param base the set it overrides, or null when reading the defaults
     */
    static ToleranceSet read(String name, Reader in, ToleranceSet base) throws IOException {
        YamlTree root = YamlTree.read(in, WHAT_TO_WRITE);
        if (root.isMap() && root.fields().isEmpty()) {
            throw new ResultsInputException(name + ": the file is empty: " + WHAT_TO_WRITE);
        }
        if (!root.isMap()) {
            throw bad(name, root.line(), "must be a map with config:, metrics: and rules:");
        }
        for (Map.Entry<String, YamlTree> entry : root.fields().entrySet()) {
            if (!TOP_LEVEL.contains(entry.getKey())) {
                throw bad(name, entry.getValue().line(), "unknown key '" + entry.getKey()
                        + "': use config:, metrics: or rules:");
            }
        }
        List<String> config = root.fields().containsKey("config") ? config(name, root.fields().get("config"))
                : base == null ? List.of() : base.configColumns();
        if (config.isEmpty()) {
            throw new ResultsInputException(name + " names no config: columns: list the columns that identify a run,"
                    + " e.g. config: [transport, handler, sessions]");
        }
        Map<String, Tolerance> metrics = new LinkedHashMap<>(base == null ? Map.of() : base.metrics());
        if (root.fields().containsKey("metrics")) {
            metrics.putAll(metrics(name, root.fields().get("metrics"), base));
        }
        List<ToleranceSet.Rule> rules = new ArrayList<>(base == null ? List.of() : base.rules());
        if (root.fields().containsKey("rules")) {
            ToleranceSet known = new ToleranceSet(name, config, metrics, List.of());
            rules.addAll(rules(name, root.fields().get("rules"), known, base));
        }
        String source = base == null ? name : base.source() + " + " + name;
        return new ToleranceSet(source, config, metrics, rules);
    }

    private static List<String> config(String name, YamlTree node) {
        if (!node.isList()) {
            throw bad(name, node.line(), "config: must be a list of column names, e.g. [transport, handler]");
        }
        List<String> columns = new ArrayList<>();
        for (YamlTree item : node.items()) {
            if (!item.isScalar() || item.text().isBlank()) {
                throw bad(name, item.line(), "config: must list column names, e.g. [transport, handler]");
            }
            columns.add(item.text().strip());
        }
        return columns;
    }

    private static Map<String, Tolerance> metrics(String name, YamlTree node, ToleranceSet base) {
        if (!node.isMap()) {
            throw bad(name, node.line(), "metrics: must map metric names to tolerances, e.g. latency_p99_ms: +50%");
        }
        Map<String, Tolerance> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, YamlTree> entry : node.fields().entrySet()) {
            String metric = entry.getKey();
            YamlTree value = entry.getValue();
            if (base != null && !base.isMetric(metric)) {
                throw bad(name, value.line(), "unknown metric '" + metric + "': use a summary.csv column named in the"
                        + " shipped default-tolerances.yaml" + suggestion(metric, base.metrics().keySet()));
            }
            if (!value.isScalar()) {
                throw bad(name, value.line(), "the tolerance of " + metric + " must be text such as +25% or exact");
            }
            Direction natural = base == null ? null : base.metrics().get(metric).direction();
            try {
                metrics.put(metric, ToleranceSyntax.parse(value.text(), metric, natural));
            } catch (IllegalArgumentException e) {
                throw bad(name, value.line(), e.getMessage());
            }
        }
        return metrics;
    }

    private static List<ToleranceSet.Rule> rules(String name, YamlTree node, ToleranceSet known, ToleranceSet base) {
        if (!node.isList()) {
            throw bad(name, node.line(), "rules: must be a list of {when: {...}, metrics: {...}}");
        }
        List<ToleranceSet.Rule> rules = new ArrayList<>();
        for (YamlTree item : node.items()) {
            if (!item.isMap() || !item.fields().containsKey("when") || !item.fields().containsKey("metrics")) {
                throw bad(name, item.line(), "each rule needs when: {column: value} and metrics: {metric: tolerance}");
            }
            for (Map.Entry<String, YamlTree> key : item.fields().entrySet()) {
                if (!RULE_KEYS.contains(key.getKey())) {
                    throw bad(name, key.getValue().line(), "unknown rule key '" + key.getKey() + "': use when: and metrics:");
                }
            }
            YamlTree when = item.fields().get("when");
            if (!when.isMap() || when.fields().isEmpty()) {
                throw bad(name, when.line(), "when: must map configuration columns to values, e.g. {transport: ws}");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (Map.Entry<String, YamlTree> setting : when.fields().entrySet()) {
                if (!known.isConfig(setting.getKey())) {
                    throw bad(name, setting.getValue().line(), "when: names '" + setting.getKey()
                            + "', which is not a config: column" + suggestion(setting.getKey(), known.configColumns()));
                }
                if (!setting.getValue().isScalar()) {
                    throw bad(name, setting.getValue().line(), "when: " + setting.getKey() + " must be one value");
                }
                settings.put(setting.getKey(), setting.getValue().text());
            }
            rules.add(new ToleranceSet.Rule(settings, metrics(name, item.fields().get("metrics"),
                    base != null ? base : known)));
        }
        return rules;
    }

    private static String suggestion(String unknown, Collection<String> known) {
        return Suggestions.closest(unknown, known).map(best -> " (did you mean " + best + "?)").orElse("");
    }

    private static ResultsInputException bad(String name, int line, String problem) {
        return new ResultsInputException(name + (line > 0 ? " line " + line : "") + ": " + problem);
    }
}
