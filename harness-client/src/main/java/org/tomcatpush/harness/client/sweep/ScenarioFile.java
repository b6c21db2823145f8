package org.tomcatpush.harness.client.sweep;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.thresholds.Threshold;
import org.tomcatpush.harness.client.yaml.YamlTree;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * A sweep's scenario file, read and checked for shape: a {@code name}, a {@code fixed:} map of
 * settings every run shares and a {@code sweep:} map of lists whose cartesian product gives the
 * runs, and optionally a {@code thresholds:} list every run is judged by. Keys are
 * {@code harness run} options without dashes. Read by the one YAML reader ({@link YamlTree}): each
 * value is kept as written, a key written twice is refused. Immutable. Whether each value is
 * good for its option is checked afterwards, by building every run's plan ({@link SweepPlan}).
 *
 * <pre>
 * name: threads-vs-transport
 * fixed: {sessions: 500, duration: 30s, publish-rate: 5}
 * sweep: {transport: [short-poll, long-poll, sse, ws], max-threads: [50, 200], handler: [async, blocking]}
 * </pre>
 *
 * @param source the file read
 * @param name   the sweep's name, usable in a folder name
 * @param fixed  settings of every run, in file order
 * @param axes   swept keys in file order; the first varies slowest
 * @param thresholds the {@code thresholds:} list, {@code --threshold} expressions every run gets
 */
public record ScenarioFile(Path source, String name, List<Setting> fixed, List<Axis> axes, List<String> thresholds) {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "fixed", "sweep", "thresholds");

    public ScenarioFile {
        fixed = List.copyOf(fixed);
        axes = List.copyOf(axes);
        thresholds = List.copyOf(thresholds);
    }

    /** A scenario without thresholds. */
    public ScenarioFile(Path source, String name, List<Setting> fixed, List<Axis> axes) {
        this(source, name, fixed, axes, List.of());
    }

    /**
     * Reads and checks {@code file}.
     *
     * @param keys the options a scenario may set
     * @throws ConfigException one line naming the file, the key and the fix
     */
    public static ScenarioFile read(Path file, OptionKeys keys) {
        String where = file.toString();
        YamlTree root = parse(file, where);
        if (!root.isMap()) {
            throw new ConfigException(where + ": the top level must be a map with name, fixed and sweep,"
                    + " not " + root.kind() + " (see docs/SWEEP.md)");
        }
        for (String key : root.fields().keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new ConfigException(where + ": unknown top-level key '" + key + "': the top level takes only"
                        + " name, fixed, sweep and thresholds (run options go under fixed: or sweep:)");
            }
        }
        String name = name(root.fields().get("name"), where);
        List<Setting> fixed = fixed(root.fields().get("fixed"), where, keys);
        List<Axis> axes = axes(root.fields().get("sweep"), where, keys);
        Set<String> fixedKeys = new HashSet<>();
        fixed.forEach(s -> fixedKeys.add(s.key()));
        for (Axis axis : axes) {
            if (fixedKeys.contains(axis.key())) {
                throw new ConfigException(where + ": " + axis.key() + " is both in fixed and in sweep: keep it in"
                        + " sweep to vary it, or in fixed to hold it");
            }
        }
        return new ScenarioFile(file, name, fixed, axes, thresholds(root.fields().get("thresholds"), where));
    }

    /** The number of runs: the product of the axis sizes. */
    public long runCount() {
        long n = 1;
        for (Axis a : axes) {
            n *= a.values().size();
        }
        return n;
    }

    private static YamlTree parse(Path file, String where) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(where + ": " + (Files.exists(file) ? "is not a regular file" : "does not exist")
                    + ": give the path of a scenario file, e.g. scripts/scenarios/e1-keepalive-limit.yaml");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return YamlTree.read(in, "write a name, a fixed: map and a sweep: map (see docs/SWEEP.md)");
        } catch (YamlTree.BadYamlException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new ConfigException(where + ": is not UTF-8 text: save it as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot be read (" + e.getMessage() + "): check its permissions");
        }
    }

    private static String name(YamlTree node, String where) {
        if (node == null || node.isEmpty()) {
            throw new ConfigException(where + ": name is missing: add e.g. 'name: threads-vs-transport'");
        }
        if (!node.isScalar() || node.text().isBlank()) {
            throw new ConfigException(where + ": name must be a short text, e.g. 'name: threads-vs-transport'");
        }
        String name = node.text().strip();
        if (!name.equals(ResultsFolder.sanitize(name))) {
            throw new ConfigException(where + ": name '" + name + "' is not usable in a folder name: use letters,"
                    + " digits, '.', '_' or '-' (at most 80)");
        }
        return name;
    }

    private static List<Setting> fixed(YamlTree node, String where, OptionKeys keys) {
        List<Setting> settings = new ArrayList<>();
        if (node == null || node.isEmpty()) {
            return settings;
        }
        if (!node.isMap()) {
            throw new ConfigException(where + ": fixed must be a map of option: value, not " + node.kind()
                    + ", e.g. 'fixed: {sessions: 500, duration: 30s}'");
        }
        for (Map.Entry<String, YamlTree> e : node.fields().entrySet()) {
            String path = "fixed." + e.getKey();
            boolean flag = keys.check(where, path, e.getKey());
            if (!e.getValue().isScalar()) {
                throw new ConfigException(where + ": " + path + " must be one value, not " + e.getValue().kind()
                        + ": move it under sweep: to vary it");
            }
            settings.add(new Setting(e.getKey(), value(e.getValue(), where, path, flag), flag));
        }
        return settings;
    }

    private static List<Axis> axes(YamlTree node, String where, OptionKeys keys) {
        if (node == null || node.isEmpty()) {
            throw new ConfigException(where + ": sweep is missing: add a map of option: [values], e.g."
                    + " 'sweep: {transport: [sse, ws]}'");
        }
        if (!node.isMap() || node.fields().isEmpty()) {
            throw new ConfigException(where + ": sweep must be a map of option: [values] with at least one key,"
                    + " not " + (node.isMap() ? "an empty map" : node.kind())
                    + ", e.g. 'sweep: {transport: [sse, ws]}'");
        }
        List<Axis> axes = new ArrayList<>();
        for (Map.Entry<String, YamlTree> e : node.fields().entrySet()) {
            String path = "sweep." + e.getKey();
            boolean flag = keys.check(where, path, e.getKey());
            YamlTree list = e.getValue();
            if (!list.isList()) {
                throw new ConfigException(where + ": " + path + " must be a list of values, not " + list.kind()
                        + ": write e.g. '" + e.getKey() + ": [" + (list.isScalar() ? list.text() : "a")
                        + "]' (or move it to fixed:)");
            }
            if (list.items().isEmpty()) {
                throw new ConfigException(where + ": " + path + " is an empty list: give at least one value");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                String itemPath = path + "[" + (i + 1) + "]";
                YamlTree item = list.items().get(i);
                if (!item.isScalar()) {
                    throw new ConfigException(where + ": " + itemPath + " must be one value, not " + item.kind());
                }
                String value = value(item, where, itemPath, flag);
                if (values.contains(value)) {
                    throw new ConfigException(where + ": " + path + " lists " + value + " twice: give each value once");
                }
                values.add(value);
            }
            axes.add(new Axis(e.getKey(), flag, values));
        }
        return axes;
    }

    /** The {@code thresholds:} list, each expression parsed as {@code --threshold} parses it. */
    private static List<String> thresholds(YamlTree node, String where) {
        List<String> thresholds = new ArrayList<>();
        if (node == null || node.isEmpty()) {
            return thresholds;
        }
        if (!node.isList()) {
            throw new ConfigException(where + ": thresholds must be a list of expressions, not " + node.kind()
                    + ", e.g. 'thresholds: [\"latency_p99_ms<200\", \"messages_lost==0\"]'");
        }
        for (int i = 0; i < node.items().size(); i++) {
            YamlTree item = node.items().get(i);
            if (!item.isScalar() || item.text().isBlank()) {
                throw new ConfigException(where + ": thresholds[" + (i + 1) + "] must be an expression in quotes,"
                        + " e.g. \"latency_p99_ms<200\", not " + (item.isEmpty() ? "nothing" : item.kind()));
            }
            try {
                Threshold.parse(item.text(), SummaryCsv.header());
            } catch (ConfigException e) {
                throw new ConfigException(where + ": thresholds[" + (i + 1) + "]: " + e.getMessage());
            }
            thresholds.add(item.text().strip());
        }
        return thresholds;
    }

    /** A scalar as the option takes it on the command line, as written; a switch {@code true} or {@code false}. */
    private static String value(YamlTree node, String where, String path, boolean flag) {
        String text = node.text().strip();
        if (text.isEmpty()) {
            throw new ConfigException(where + ": " + path + " has no value: write one after the colon");
        }
        if (flag) {
            return node.asSwitch().map(String::valueOf).orElseThrow(() -> new ConfigException(where + ": " + path
                    + " is a switch: write true or false, not '" + text + "'"));
        }
        return text;
    }
}
