package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E8: what each transport costs per client and per message across publish rates, and where the
 * transports trade places. Long polling comes in two variants, told apart by {@code max_batch}:
 * batched ({@code long-poll}, an answer carries every message since the cursor) and one message
 * per request ({@code long-poll max-batch 1}, as the notes describe it); in a run with
 * {@code max_batch} 1 only the long-poll row is read (the setting is the server's, so the other
 * transports of such a run are not the ones the claim is about). A sweep without the column ran
 * the server's default batch. Criteria check the claim's numbers (long polling at 2 messages/s
 * about 120 requests a minute, both variants; short polling every interval far fewer but with
 * delayed delivery; SSE and WebSocket one request per session for the whole run, many messages;
 * with max-batch 1 every message a request of its own); notes name, per metric, the rates between
 * which two variants swap order (crossovers), interpolated on a log scale of the rate. Counts
 * within 10% of each other, and times within a factor of 2, are a tie rather than an order, so
 * noise makes no crossover.
 */
public final class BandwidthExperiment implements Experiment {

    private static final String LONG_POLL = "long-poll";
    private static final String SHORT_POLL = "short-poll";
    /** Long polling with {@code --max-batch 1}: one message per answer. */
    static final String LONG_POLL_ONE = "long-poll max-batch 1";
    private static final String MAX_BATCH = "max_batch";
    private static final double CLAIM_RATE = 2.0;
    /** Counts closer than this fraction of the larger one are a tie, not an order, when looking for crossovers. */
    static final double COUNT_TIE = 0.1;
    /** Times are a tie unless one is at least twice the other: a shared machine's noise is that large. */
    static final double TIME_TIE = 0.5;

    @Override
    public String id() {
        return "E8";
    }

    @Override
    public String title() {
        return "bandwidth and requests per transport across update rates";
    }

    @Override
    public String claim() {
        return "At 2 updates/s long polling costs about 120 requests a minute per client, while short polling every"
                + " 5 s costs far fewer but delays delivery. SSE and WebSocket need one request for many messages."
                + " Where are the crossovers across update rates (0.1 to 10 messages/s)?";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        // variant (transport, or long polling one message per answer) -> rate -> row
        Map<String, TreeMap<Double, SummaryRow>> byTransport = new LinkedHashMap<>();
        for (SummaryRow r : Rows.completed(sweep)) {
            double rate = num(r, SummaryColumns.PUBLISH_RATE);
            Optional<String> variant = variant(r);
            if (Rows.known(rate) && variant.isPresent()) {
                byTransport.computeIfAbsent(variant.get(), t -> new TreeMap<>()).put(rate, r);
            }
        }
        MeasuredTable.Builder table = new MeasuredTable.Builder("messages/s", "transport", "poll interval ms",
                "requests/min per client", "requests/message", "bytes/message", "latency p50 ms", "latency p99 ms",
                "messages received");
        List<Map.Entry<String, SummaryRow>> rows = new ArrayList<>();
        byTransport.forEach((variant, byRate) -> byRate.values().forEach(r -> rows.add(Map.entry(variant, r))));
        rows.stream().sorted(Comparator.comparingDouble(e -> num(e.getValue(), SummaryColumns.PUBLISH_RATE)))
                .forEach(e -> {
                    SummaryRow r = e.getValue();
                    table.row(fmt(r, SummaryColumns.PUBLISH_RATE), e.getKey(),
                            SHORT_POLL.equals(e.getKey()) ? fmt(r, SummaryColumns.POLL_INTERVAL_MS) : "",
                            fmt(Rows.requestsPerMinutePerSession(r)), fmt(r, SummaryColumns.REQUESTS_PER_MESSAGE),
                            fmt(r, SummaryColumns.BYTES_PER_MESSAGE), fmt(r, SummaryColumns.LATENCY_P50_MS),
                            fmt(r, SummaryColumns.LATENCY_P99_MS), fmt(r, SummaryColumns.MESSAGES_RECEIVED));
                });

        Optional<SummaryRow> longPollAtClaim = at(byTransport, LONG_POLL, CLAIM_RATE);
        Optional<SummaryRow> shortPollAtClaim = at(byTransport, SHORT_POLL, CLAIM_RATE);
        Criterion.Builder longPoll = new Criterion.Builder("long polling at 2 messages/s costs about 120 requests a"
                + " minute per client (90 to 150), batched and with --max-batch 1");
        for (String variant : List.of(LONG_POLL, LONG_POLL_ONE)) {
            at(byTransport, variant, CLAIM_RATE).ifPresent(r -> {
                double rpm = Rows.requestsPerMinutePerSession(r);
                longPoll.check(variant + " at 2/s", rpm >= 90 && rpm <= 150, fmt(rpm) + " requests/min", rpm);
            });
        }
        Criterion.Builder fewer = new Criterion.Builder("short polling costs far fewer requests than long polling at"
                + " 2 messages/s (under a quarter), one per poll interval whatever the rate (within 25%)");
        shortPollAtClaim.ifPresent(s -> longPollAtClaim.ifPresent(l -> {
            double shortRpm = Rows.requestsPerMinutePerSession(s);
            double longRpm = Rows.requestsPerMinutePerSession(l);
            fewer.check("at 2/s", shortRpm < longRpm / 4, fmt(shortRpm) + " vs " + fmt(longRpm) + " requests/min",
                    shortRpm, longRpm);
        }));
        byTransport.getOrDefault(SHORT_POLL, new TreeMap<>()).forEach((rate, r) -> {
            double expected = 60_000 / num(r, SummaryColumns.POLL_INTERVAL_MS);
            double rpm = Rows.requestsPerMinutePerSession(r);
            fewer.check("short-poll at " + fmt(rate) + "/s", Math.abs(rpm - expected) <= 0.25 * expected,
                    fmt(rpm) + " requests/min, one per interval is " + fmt(expected), rpm, expected);
        });
        Criterion.Builder delayed = new Criterion.Builder("but short polling delays delivery: at every rate its"
                + " median latency is at least 10 times long polling's");
        byTransport.getOrDefault(SHORT_POLL, new TreeMap<>()).forEach((rate, s) -> at(byTransport, LONG_POLL, rate)
                .ifPresent(l -> {
                    double shortP50 = num(s, SummaryColumns.LATENCY_P50_MS);
                    double longP50 = num(l, SummaryColumns.LATENCY_P50_MS);
                    delayed.check("at " + fmt(rate) + "/s", shortP50 >= 10 * Math.max(longP50, 0.1),
                            fmt(shortP50) + " ms vs " + fmt(longP50) + " ms", shortP50, longP50);
                }));
        Criterion.Builder streams = new Criterion.Builder("SSE and WebSocket need one request for many messages:"
                + " one request per session serves the whole run (requests = sessions) at every rate");
        for (String t : List.of("sse", "ws")) {
            byTransport.getOrDefault(t, new TreeMap<>()).forEach((rate, r) -> {
                double requests = num(r, SummaryColumns.REQUESTS);
                double sessions = num(r, SummaryColumns.SESSIONS);
                streams.check(t + " at " + fmt(rate) + "/s", requests == sessions, fmt(requests) + " requests for "
                        + fmt(sessions) + " sessions, " + fmt(r, SummaryColumns.MESSAGES_RECEIVED) + " messages",
                        requests, sessions);
            });
        }
        Criterion.Builder onePerRequest = new Criterion.Builder("long polling with --max-batch 1 is one message per"
                + " request: every message received cost a request of its own (requests per message >= 1) at every"
                + " rate");
        byTransport.getOrDefault(LONG_POLL_ONE, new TreeMap<>()).forEach((rate, r) -> {
            double requests = num(r, SummaryColumns.REQUESTS);
            double messages = num(r, SummaryColumns.MESSAGES_RECEIVED);
            onePerRequest.check("at " + fmt(rate) + "/s", requests >= messages, fmt(requests) + " requests for "
                    + fmt(messages) + " messages", requests, messages);
        });
        List<String> notes = new ArrayList<>();
        notes.addAll(crossovers(byTransport, "requests/min per client", Rows::requestsPerMinutePerSession, COUNT_TIE));
        notes.addAll(crossovers(byTransport, "bytes/message", r -> num(r, SummaryColumns.BYTES_PER_MESSAGE),
                COUNT_TIE));
        notes.addAll(crossovers(byTransport, "latency p50", r -> num(r, SummaryColumns.LATENCY_P50_MS), TIME_TIE));
        notes.addAll(cheapest(byTransport));
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(longPoll.build(), fewer.build(), delayed.build(),
                streams.build(), onePerRequest.build()), notes);
    }

    /**
     * What a row stands for: its transport, or {@link #LONG_POLL_ONE} for long polling with
     * {@code max_batch} 1; empty for the other transports of a {@code max_batch} 1 run.
     */
    static Optional<String> variant(SummaryRow r) {
        if (num(r, MAX_BATCH) != 1) {
            return Optional.of(r.transport());
        }
        return LONG_POLL.equals(r.transport()) ? Optional.of(LONG_POLL_ONE) : Optional.empty();
    }

    private static Optional<SummaryRow> at(Map<String, TreeMap<Double, SummaryRow>> byTransport, String transport,
            double rate) {
        return Optional.ofNullable(byTransport.getOrDefault(transport, new TreeMap<>()).get(rate));
    }

    /**
     * For every pair of transports, the rates between which {@code metric} changes which of the
     * two is lower, skipping differences under {@code tie} times the larger figure; the crossing is
     * interpolated linearly in log(rate) between the two rates that bracket it.
     */
    static List<String> crossovers(Map<String, TreeMap<Double, SummaryRow>> byTransport, String metricName,
            ToDoubleFunction<SummaryRow> metric, double tie) {
        List<String> notes = new ArrayList<>();
        List<String> transports = List.copyOf(byTransport.keySet());
        for (int i = 0; i < transports.size(); i++) {
            for (int j = i + 1; j < transports.size(); j++) {
                String a = transports.get(i);
                String b = transports.get(j);
                Double previousRate = null;
                double previousDiff = Double.NaN;
                for (Map.Entry<Double, SummaryRow> e : byTransport.get(a).entrySet()) {
                    SummaryRow other = byTransport.get(b).get(e.getKey());
                    if (other == null) {
                        continue;
                    }
                    double va = metric.applyAsDouble(e.getValue());
                    double vb = metric.applyAsDouble(other);
                    double diff = va - vb;
                    if (Double.isNaN(diff) || Math.abs(diff) < tie * Math.max(Math.abs(va), Math.abs(vb))) {
                        continue; // too close to call: noise, not an order
                    }
                    if (previousRate != null && diff != 0 && previousDiff != 0
                            && Math.signum(diff) != Math.signum(previousDiff)) {
                        double logRate = Math.log(previousRate) + (Math.log(e.getKey()) - Math.log(previousRate))
                                * previousDiff / (previousDiff - diff);
                        notes.add(metricName + ": " + a + " and " + b + " cross between " + fmt(previousRate)
                                + " and " + fmt(e.getKey()) + " messages/s (near " + fmt(Math.exp(logRate))
                                + "); below it " + (previousDiff < 0 ? a : b) + " is lower, above it "
                                + (diff < 0 ? a : b));
                    }
                    previousRate = e.getKey();
                    previousDiff = diff;
                }
            }
        }
        if (notes.isEmpty() && !transports.isEmpty()) {
            notes.add(metricName + ": no two transports swap order across the rates measured");
        }
        return notes;
    }

    /** Per rate, the transports (long polling's two variants apart) ordered by bytes per message, cheapest first. */
    private static List<String> cheapest(Map<String, TreeMap<Double, SummaryRow>> byTransport) {
        TreeMap<Double, List<Map.Entry<String, SummaryRow>>> byRate = new TreeMap<>();
        byTransport.forEach((variant, rows) -> rows.forEach((rate, r) -> byRate.computeIfAbsent(rate,
                k -> new ArrayList<>()).add(Map.entry(variant, r))));
        List<String> notes = new ArrayList<>();
        byRate.forEach((rate, rows) -> notes.add("bytes/message at " + fmt(rate) + " messages/s, cheapest first: "
                + rows.stream().filter(e -> Rows.known(num(e.getValue(), SummaryColumns.BYTES_PER_MESSAGE)))
                        .sorted(Comparator.comparingDouble(e -> num(e.getValue(), SummaryColumns.BYTES_PER_MESSAGE)))
                        .map(e -> e.getKey() + " " + fmt(e.getValue(), SummaryColumns.BYTES_PER_MESSAGE))
                        .collect(Collectors.joining(", "))));
        return notes;
    }
}
