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
     * The run's name: its index, zero-padded so that folders sort in sweep order, then the swept
     * values, e.g. {@code 03-sse-50-async}; safe for a folder name.
     */
    public String runName() {
        int width = Integer.toString(total).length();
        StringBuilder name = new StringBuilder(String.format("%0" + width + "d", index));
        for (Setting s : swept) {
            name.append('-').append(s.flag() ? (Boolean.parseBoolean(s.value()) ? s.key() : "no-" + s.key())
                    : s.value());
        }
        String safe = ResultsFolder.sanitize(name.toString());
        return safe.isEmpty() ? String.format("%0" + width + "d", index) : safe;
    }
}
