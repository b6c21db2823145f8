package org.tomcatpush.harness.client.cli;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean ...?" for mistyped names (scenario keys, tolerance metrics, columns): the known
 * name closest to the unknown one by edit distance, when it is close enough to be the one meant.
 * Stateless.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code unknown}, if it is at most {@code max(2, length / 4)} edits
     * away; ties go to the first in iteration order.
     */
    public static Optional<String> closest(String unknown, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(unknown, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, unknown.length() / 4) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
