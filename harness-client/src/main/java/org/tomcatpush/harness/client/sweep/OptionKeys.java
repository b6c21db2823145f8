package org.tomcatpush.harness.client.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tomcatpush.harness.client.cli.RunPlans.RunOption;
import org.tomcatpush.harness.client.cli.Suggestions;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * The keys a scenario file may set: every {@code harness run} option by its long name without
 * dashes, except those the sweep sets itself ({@code out}, {@code name}) and those that would
 * take the runs off a fresh server of their own ({@code target}, {@code allow-remote}).
 * Immutable; checks a key and says what to write instead.
 */
public final class OptionKeys {

    private static final Map<String, String> RESERVED = Map.of(
            "out", "the sweep puts every run into its own folder: use 'harness sweep --out DIR' instead",
            "name", "the sweep names each run after its values: use the top-level 'name' for the sweep",
            "target", "a sweep starts a fresh server for every run, so it cannot drive a running one: drop it",
            "allow-remote", "a sweep only loads the servers it starts on this machine: drop it",
            "agent", "a sweep's runs each drive a server of their own, so none is a slice of a shared run: drop it",
            "start-at", "a sweep starts each run when the one before has ended: drop it");

    private final Map<String, Boolean> flags;

    /** @param runOptions the options of {@code harness run} ({@code RunPlans.options()}) */
    public OptionKeys(List<RunOption> runOptions) {
        Map<String, Boolean> known = new LinkedHashMap<>();
        runOptions.forEach(o -> known.put(o.name(), o.flag()));
        this.flags = known;
    }

    /**
     * Checks that {@code key} (found at {@code where}, e.g. {@code fixed.max-threads}) may be set.
     *
     * @return whether the option is a switch
     * @throws ConfigException naming the file, the key and what to write instead
     */
    public boolean check(String file, String where, String key) {
        if (key.startsWith("-")) {
            throw new ConfigException(file + ": " + where + ": write option keys without dashes, e.g. '"
                    + key.replaceFirst("^-+", "") + "'");
        }
        String reserved = RESERVED.get(key);
        if (reserved != null) {
            throw new ConfigException(file + ": " + where + ": " + reserved);
        }
        Boolean flag = flags.get(key);
        if (flag == null) {
            throw new ConfigException(file + ": " + where + ": '" + key + "' is not an option of 'harness run'"
                    + suggestion(key).map(s -> ": did you mean '" + s + "'?").orElse("")
                    + " (keys are run options without dashes; see 'harness run --help')");
        }
        return flag;
    }

    /** The known key closest to a mistyped one, when it is close enough to be the one meant. */
    Optional<String> suggestion(String key) {
        return Suggestions.closest(key, flags.keySet().stream().filter(k -> !RESERVED.containsKey(k)).toList());
    }
}
