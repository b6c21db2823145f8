package org.tomcatpush.harness.client.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.server.config.ConfigException;

/**
 * The runs of a scenario: every combination of the swept values, in the order of nested loops
 * written in the file's key order (the first key varies slowest, the last fastest), each with
 * the fixed settings and the scenario's thresholds (as {@code --threshold} settings). Stateless.
 */
public final class CartesianProduct {

    /** Most runs one sweep may have; beyond this a scenario file is almost certainly a mistake. */
    public static final long MAX_RUNS = 10_000;

    private CartesianProduct() {
    }

    /** The combinations of {@code scenario}, numbered from 1. */
    public static List<Combination> of(ScenarioFile scenario) {
        long count = scenario.runCount();
        if (count > MAX_RUNS) {
            throw new ConfigException(scenario.source() + ": sweep gives "
                    + count + " runs, more than " + MAX_RUNS + ": sweep fewer keys or values");
        }
        List<Axis> axes = scenario.axes();
        int total = (int) count;
        List<Combination> runs = new ArrayList<>(total);
        int[] position = new int[axes.size()];
        for (int index = 1; index <= total; index++) {
            List<Setting> swept = new ArrayList<>(axes.size());
            for (int a = 0; a < axes.size(); a++) {
                swept.add(axes.get(a).setting(position[a]));
            }
            List<Setting> settings = new ArrayList<>(scenario.fixed());
            settings.addAll(swept);
            scenario.thresholds().forEach(t -> settings.add(new Setting("threshold", t, false)));
            runs.add(new Combination(index, total, swept, settings));
            advance(position, axes);
        }
        checkNamesUnique(scenario, runs);
        return runs;
    }

    /** Two runs of one name would share a folder name: only values that differ in unusual characters can do that. */
    private static void checkNamesUnique(ScenarioFile scenario, List<Combination> runs) {
        Map<String, Combination> byName = new HashMap<>();
        for (Combination c : runs) {
            Combination same = byName.putIfAbsent(c.runName(), c);
            if (same != null) {
                throw new ConfigException(scenario.source() + ": runs " + same.index() + " (" + same.label() + ") and "
                        + c.index() + " (" + c.label() + ") would both be named '" + c.runName() + "': give values"
                        + " that differ in letters or digits");
            }
        }
    }

    /** Steps the odometer: the last axis fastest. */
    private static void advance(int[] position, List<Axis> axes) {
        for (int a = axes.size() - 1; a >= 0; a--) {
            position[a]++;
            if (position[a] < axes.get(a).values().size()) {
                return;
            }
            position[a] = 0;
        }
    }
}
