package org.tomcatpush.harness.client.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.tomcatpush.harness.client.results.ResultsFolder;

/**
 * One run of a sweep: its place in the sweep, the values of the swept keys and every setting
 * the run gets (fixed ones first, then swept ones). Immutable.
 *
 * @param index    1-based position in the sweep
 * @param total    runs in the sweep
 * @param swept    the swept keys' values, in scenario order
 * @param settings fixed then swept settings, each key once, then one {@code threshold} per threshold
 */
public record Combination(int index, int total, List<Setting> swept, List<Setting> settings) {

    public Combination {
        swept = List.copyOf(swept);
        settings = List.copyOf(settings);
    }

    /** The arguments of {@code harness run} for this combination, its results going to {@code outDir}. */
    public List<String> runArgs(Path outDir) {
        List<String> args = new ArrayList<>();
        settings.forEach(s -> args.addAll(s.args()));
        args.add("--name");
        args.add(runName());
        args.add("--out");
        args.add(outDir.toString());
        return args;
    }

    /** The options as a user would type them after {@code harness run} (without name and out). */
    public String optionsText() {
        return settings.stream().flatMap(s -> s.args().stream()).collect(Collectors.joining(" "));
    }

    /** {@code transport=sse max-threads=50 handler=async}. */
    public String label() {
        return swept.stream().map(Setting::label).collect(Collectors.joining(" "));
    }

    /** {@code [3/16]}. */
    public String position() {
        return "[" + index + "/" + total + "]";
    }

    /**
     * The run's name, the settings the sweep varies in scenario order, e.g.
     * {@code max-keep-alive-requests=5,transport=short-poll} (its folder is
     * {@code <yyyyMMdd-HHmmss>-<name>}). When that text is not usable as it stands (a value with a
     * character outside {@code [A-Za-z0-9._=,-]}, or longer than 80 characters), the zero-padded
     * index comes first and the rest is made safe and cut: {@code 03-transport=a_b,...}, so names
     * stay unique within the sweep ({@link CartesianProduct} checks that they are).
     */
    public String runName() {
        String label = swept.stream().map(Setting::label).collect(Collectors.joining(","));
        if (!label.isEmpty() && label.equals(ResultsFolder.sanitize(label))
                && label.length() <= ResultsFolder.MAX_NAME_CHARS) {
            return label;
        }
        int width = Integer.toString(total).length();
        String indexed = String.format("%0" + width + "d", index);
        String safe = ResultsFolder.sanitize(indexed + "-" + label);
        return safe.isEmpty() || label.isEmpty() ? indexed : safe;
    }
}
