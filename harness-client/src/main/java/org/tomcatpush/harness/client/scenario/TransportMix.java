package org.tomcatpush.harness.client.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which transports a run uses and in what proportion: {@code sse} alone, or a weighted mix such as
 * {@code sse=70,ws=30}. Immutable.
 */
public record TransportMix(Map<Transport, Integer> weights) {

    public TransportMix {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("the transport mix is empty: name at least one transport");
        }
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
    }

    /** A mix of one transport. */
    public static TransportMix of(Transport transport) {
        return new TransportMix(Map.of(transport, 1));
    }

    /**
     * Parses {@code sse}, {@code sse,ws} (equal weights) or {@code sse=70,ws=30}.
     *
     * @throws IllegalArgumentException with a one-line message saying what is wrong
     */
    public static TransportMix parse(String text) {
        Map<Transport, Integer> weights = new EnumMap<>(Transport.class);
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty entry in transport mix '" + text
                        + "': write e.g. sse=70,ws=30");
            }
            int eq = item.indexOf('=');
            Transport transport = Transport.parse(eq < 0 ? item : item.substring(0, eq).trim());
            int weight = 1;
            if (eq >= 0) {
                String number = item.substring(eq + 1).trim();
                try {
                    weight = Integer.parseInt(number);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weight '" + number + "' of " + transport
                            + " is not a whole number: write e.g. sse=70,ws=30");
                }
                if (weight <= 0) {
                    throw new IllegalArgumentException("weight of " + transport
                            + " must be positive (got " + weight + ")");
                }
            }
            if (weights.put(transport, weight) != null) {
                throw new IllegalArgumentException("transport " + transport + " appears twice in '" + text + "'");
            }
        }
        return new TransportMix(weights);
    }

    /** The transports of this mix, in enum order. */
    public List<Transport> transports() {
        return List.copyOf(weights.keySet());
    }

    /**
     * Assigns a transport to each of {@code sessions} sessions, proportionally to the weights
     * (largest remainder), interleaved so that a ramp-up starts every transport early.
     * Deterministic: the same mix and count always give the same list.
     */
    public List<Transport> assign(int sessions) {
        return interleave(counts(sessions));
    }

    /**
     * How many of {@code sessions} sessions each transport of the mix gets, proportionally to the
     * weights (largest remainder); every transport of the mix is a key, maybe with 0. Deterministic.
     */
    public Map<Transport, Integer> counts(int sessions) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        Map<Transport, Integer> counts = new EnumMap<>(Transport.class);
        int given = 0;
        List<Transport> byRemainder = new ArrayList<>(weights.keySet());
        for (Transport t : weights.keySet()) {
            int n = (int) ((long) sessions * weights.get(t) / total);
            counts.put(t, n);
            given += n;
        }
        byRemainder.sort((a, b) -> Long.compare(
                (long) sessions * weights.get(b) % total, (long) sessions * weights.get(a) % total));
        for (int i = 0; given < sessions; i++, given++) {
            Transport t = byRemainder.get(i % byRemainder.size());
            counts.merge(t, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Orders sessions of exactly {@code counts} per transport so that each transport is spread
     * evenly over the list (the one furthest behind its share goes next). Deterministic.
     */
    public static List<Transport> interleave(Map<Transport, Integer> counts) {
        Map<Transport, Integer> ordered = new EnumMap<>(counts);
        int sessions = ordered.values().stream().mapToInt(Integer::intValue).sum();
        List<Transport> order = new ArrayList<>(sessions);
        Map<Transport, Integer> placed = new EnumMap<>(Transport.class);
        for (int i = 0; i < sessions; i++) {
            Transport best = null;
            double bestLag = Double.NEGATIVE_INFINITY;
            for (Transport t : ordered.keySet()) {
                int done = placed.getOrDefault(t, 0);
                if (done >= ordered.get(t)) {
                    continue;
                }
                double lag = (double) (i + 1) * ordered.get(t) / sessions - done;
                if (lag > bestLag) {
                    bestLag = lag;
                    best = t;
                }
            }
            order.add(best);
            placed.merge(best, 1, Integer::sum);
        }
        return order;
    }

    @Override
    public String toString() {
        if (weights.size() == 1) {
            return weights.keySet().iterator().next().cliName();
        }
        StringBuilder sb = new StringBuilder();
        weights.forEach((t, w) -> sb.append(sb.length() == 0 ? "" : ",").append(t.cliName()).append('=').append(w));
        return sb.toString();
    }
}
