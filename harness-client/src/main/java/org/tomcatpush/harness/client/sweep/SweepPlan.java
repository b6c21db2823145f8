package org.tomcatpush.harness.client.sweep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomcatpush.harness.client.cli.RunPlans;
import org.tomcatpush.harness.client.launch.NewestJava;
import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.run.RunPlan;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * A validated sweep: the scenario, where its folder goes, and one {@link RunPlan} per
 * combination, each built and checked exactly as {@code harness run} builds and checks its
 * options. Nothing runs and nothing is written until every combination has passed, so a bad value
 * in the last run stops the sweep before the first. Immutable.
 *
 * <p>{@code server-java: newest} is resolved here, once, to the newest Java of a JVM folder
 * ({@link NewestJava}). When there is none, or a run with virtual threads finds it older than 21,
 * that run is not bad input but cannot run on this machine: it is planned (its other values
 * checked) on this JVM's java, never started, and recorded as not run with the reason
 * ({@link #notRunReason}); the other runs go on.
 *
 * @param scenario     the scenario file
 * @param outDir       where the sweep folder is created
 * @param combinations the runs, in order
 * @param plans        the validated plan of each combination (results going to {@code outDir})
 * @param newestJava   what {@code server-java: newest} stands for; empty when no JDK was found
 * @param jvmFolder    the folder {@code newest} was looked for in
 */
public record SweepPlan(ScenarioFile scenario, Path outDir, List<Combination> combinations, List<RunPlan> plans,
        Optional<NewestJava.Jdk> newestJava, Path jvmFolder) {

    private static final Pattern OPTION = Pattern.compile("--([a-z0-9][a-z0-9-]*)");
    private static final String SERVER_JAVA = "server-java";
    private static final String VIRTUAL_THREADS = "virtual-threads";

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
        return of(scenario, outDir, NewestJava.STANDARD_FOLDER);
    }

    /** As {@link #of(ScenarioFile, Path)}, with {@code server-java: newest} looked for in {@code jvmFolder}. */
    static SweepPlan of(ScenarioFile scenario, Path outDir, Path jvmFolder) {
        List<Combination> combinations = CartesianProduct.of(scenario);
        Optional<NewestJava.Jdk> newest = NewestJava.in(jvmFolder);
        List<RunPlan> plans = new ArrayList<>(combinations.size());
        for (Combination c : combinations) {
            try {
                RunPlans.PlannedRun run = RunPlans.planRun(args(c, outDir, newest));
                if (notRunReason(c, newest, jvmFolder).isEmpty()) {
                    RunPlans.checkBeforeStart(run);
                }
                plans.add(run.plan());
            } catch (ConfigException e) {
                throw new ConfigException(scenario.source() + ": " + blame(c, e.getMessage()) + ": " + e.getMessage());
            }
        }
        return new SweepPlan(scenario, outDir, combinations, plans, newest, jvmFolder);
    }

    /** The run's plan again, with its results going to {@code runsDir} (the sweep's folder). */
    public RunPlan planInto(int i, Path runsDir) {
        return runInto(i, runsDir).plan();
    }

    /** As {@link #planInto}, with how the run is carried out: in this process, or as its {@code agents: N}. */
    public RunPlans.PlannedRun runInto(int i, Path runsDir) {
        return RunPlans.planRun(args(combinations.get(i), runsDir, newestJava));
    }

    /**
     * Why run {@code i} (0-based) cannot run on this machine, or empty when it can: it asks for
     * {@code server-java: newest} and no JDK was found, or none new enough for its virtual threads.
     */
    public Optional<String> notRunReason(int i) {
        return notRunReason(combinations.get(i), newestJava, jvmFolder);
    }

    private static Optional<String> notRunReason(Combination c, Optional<NewestJava.Jdk> newest, Path jvmFolder) {
        boolean asksForNewest = c.settings().stream()
                .anyMatch(s -> s.key().equals(SERVER_JAVA) && NewestJava.isKeyword(s.value()));
        boolean virtualThreads = c.settings().stream()
                .anyMatch(s -> s.key().equals(VIRTUAL_THREADS) && s.value().equals("true"));
        return asksForNewest ? NewestJava.unusableFor(virtualThreads, newest, jvmFolder) : Optional.empty();
    }

    /** The run's arguments, {@code newest} replaced by the Java it stands for (this JVM's when there is none). */
    private static List<String> args(Combination c, Path outDir, Optional<NewestJava.Jdk> newest) {
        List<String> args = new ArrayList<>(c.runArgs(outDir));
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--" + SERVER_JAVA) && NewestJava.isKeyword(args.get(i + 1))) {
                args.set(i + 1, newest.map(NewestJava.Jdk::java).orElse(ServerLaunch.currentJava()).toString());
            }
        }
        return args;
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
