package org.tomcatpush.harness.client.sweep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomcatpush.harness.client.cli.RunPlans;
import org.tomcatpush.harness.client.run.RunPlan;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * A validated sweep: the scenario, where its folder goes, and one {@link RunPlan} per
 * combination, each built and checked exactly as {@code harness run} builds and checks its
 * options. Nothing runs and nothing is written until every combination has passed, so a bad value
 * in the last run stops the sweep before the first. Immutable.
 *
 * @param scenario     the scenario file
 * @param outDir       where the sweep folder is created
 * @param combinations the runs, in order
 * @param plans        the validated plan of each combination (results going to {@code outDir})
 */
public record SweepPlan(ScenarioFile scenario, Path outDir, List<Combination> combinations, List<RunPlan> plans) {

    private static final Pattern OPTION = Pattern.compile("--([a-z0-9][a-z0-9-]*)");

    public SweepPlan {
        combinations = List.copyOf(combinations);
        plans = List.copyOf(plans);
    }

    /**
     * Builds and checks the plan of every combination.
     *
     * @throws ConfigException naming the file, the key (when the message names an option of the
     *                         file) or the run, and the fix
     */
    public static SweepPlan of(ScenarioFile scenario, Path outDir) {
        List<Combination> combinations = CartesianProduct.of(scenario);
        List<RunPlan> plans = new ArrayList<>(combinations.size());
        for (Combination c : combinations) {
            try {
                RunPlan plan = RunPlans.plan(c.runArgs(outDir));
                RunPlans.checkBeforeStart(plan);
                plans.add(plan);
            } catch (ConfigException e) {
                throw new ConfigException(scenario.source() + ": " + blame(c, e.getMessage()) + ": " + e.getMessage());
            }
        }
        return new SweepPlan(scenario, outDir, combinations, plans);
    }

    /** The run's plan again, with its results going to {@code runsDir} (the sweep's folder). */
    public RunPlan planInto(int i, Path runsDir) {
        return RunPlans.plan(combinations.get(i).runArgs(runsDir));
    }

    /** The sum of the runs' durations (each counted from the start of its ramp-up). */
    public Duration totalDuration() {
        return plans.stream().map(RunPlan::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Where a problem lies: the first setting of the run that the message names
     * ({@code sweep.max-threads = 0 (run 3 of 8)}), else the run itself.
     */
    static String blame(Combination c, String message) {
        Matcher m = OPTION.matcher(message);
        while (m.find()) {
            Optional<String> where = settingNamed(c, m.group(1));
            if (where.isPresent()) {
                return where.get() + " (run " + c.index() + " of " + c.total() + ")";
            }
        }
        return "run " + c.index() + " of " + c.total() + (c.label().isEmpty() ? "" : " (" + c.label() + ")");
    }

    private static Optional<String> settingNamed(Combination c, String key) {
        for (Setting s : c.swept()) {
            if (s.key().equals(key)) {
                return Optional.of("sweep." + key + " = " + s.value());
            }
        }
        for (Setting s : c.settings()) {
            if (s.key().equals(key)) {
                return Optional.of("fixed." + key + " = " + s.value());
            }
        }
        return Optional.empty();
    }
}
