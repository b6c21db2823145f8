package org.tomcatpush.harness.client.merge;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tomcatpush.harness.client.report.RunReport;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.results.ResultsWriter;
import org.tomcatpush.harness.client.results.RunJson;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.results.ServerSamplesCsv;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.results.TimeseriesCsv;
import org.tomcatpush.harness.client.thresholds.RunThresholds;

/**
 * {@code harness merge}: one ordinary results folder from the folders of the agents of one run
 * (each the result of one client process against the same server). The folders are read and
 * checked completely before anything is written: a missing or damaged file, or a setting that
 * differs between folders (scenario, server settings, transports), is a {@link ResultsInputException}
 * naming it, and nothing is written. The merged files are written into a hidden sibling of the
 * output folder and renamed into place once complete, {@code report.html} included.
 *
 * <p>The server's own figures are taken once, from the folder with the latest reading of the
 * server's stats (the latest {@code endEpochMs}): its counters have run since the one reset of the
 * run, so that reading covers every agent's traffic. {@code run.json} names that folder under
 * {@code merge.serverStatsFrom}. Those figures are the merged run's only when the server was reset
 * exactly once during it, by agent 0 ({@link ServerResets}, {@code merge.serverResets}); otherwise
 * the client-versus-server cross-check is left blank and the merge says why.
 */
public final class RunMerge {

    /** The fix for folders that are not the agents of one run. */
    public static final String FIX_SAME_RUN = "merge only the folders of the agents of one run (the same scenario"
            + " against the same server)";

    /** run.json fields that must be the same for every agent (the scenario and the server). */
    private static final List<String> SAME_IN_RUN_JSON = List.of("scenario.target", "scenario.transport",
            "scenario.rampUpMs", "scenario.durationMs", "scenario.pollIntervalMs", "scenario.browser",
            "scenario.requestConnectionHeader", "scenario.endpoints", "server.mode", "server.pid", "server.settings",
            "proxy.kind");

    /** The field of run.json's {@code merge} object that names the agents whose clocks were off. */
    public static final String CLOCK_PROBLEM = "clockProblem";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunMerge() {
    }

    /**
     * Merges {@code runDirs} into the new folder {@code out}.
     *
     * @param commandLine the arguments of {@code harness merge}, recorded in {@code run.json}
     * @return the merged folder
     * @throws ResultsInputException on bad input (nothing written)
     * @throws IOException           when the merged folder cannot be written (nothing left behind)
     */
    public static Path merge(List<Path> runDirs, Path out, List<String> commandLine) throws IOException {
        return merge(runDirs, out, commandLine, warning -> { });
    }

    /**
     * As above, telling {@code warnings} what the user must know of the merged run, one sentence
     * each: a server that was not reset exactly once during it ({@link ServerResets}).
     */
    public static Path merge(List<Path> runDirs, Path out, List<String> commandLine, Consumer<String> warnings)
            throws IOException {
        if (runDirs.size() < 2) {
            throw new ResultsInputException("merge", "needs at least two run folders, got " + runDirs.size(),
                    "give the folder of every agent of the run");
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new ResultsInputException("--out " + out, "already exists", "give a new folder for the merged run");
        }
        String runId = target.getFileName().toString();
        MergedRun merged = read(runDirs, runId);
        Path partial = target.resolveSibling("." + runId + ".partial");
        Files.createDirectories(target.getParent());
        Files.createDirectory(partial);
        try {
            merged.writeInto(partial, merged.status(), null, commandLine, root -> { });
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
            merged.problems().forEach(warnings);
            return target;
        } finally {
            deleteTree(partial);
        }
    }

    /**
     * Reads and checks {@code runDirs} (at least one) and computes their merge as the run
     * {@code runId}, writing nothing: {@code harness run --agents N} merges its agents' folders
     * into its own run folder with it, whatever number of them wrote a folder.
     *
     * @throws ResultsInputException on bad input: a missing or damaged folder, folders of different runs
     */
    public static MergedRun read(List<Path> runDirs, String runId) {
        if (runDirs.isEmpty()) {
            throw new ResultsInputException("merge", "needs at least one run folder, got none",
                    "give the folder of every agent of the run");
        }
        List<AgentFolder> folders = new ArrayList<>();
        // agents started together by --start-at write folders of the same run id: a folder is told apart by its
        // path, an agent by its index (when its run.json records one)
        Set<Path> seen = new HashSet<>();
        Set<Integer> agents = new HashSet<>();
        for (Path dir : runDirs) {
            AgentFolder folder = AgentFolder.read(dir);
            if (!seen.add(dir.toAbsolutePath().normalize())) {
                throw new ResultsInputException(dir.toString(), "is given a second time",
                        "give each agent's folder once");
            }
            JsonNode agent = folder.runJson().path("agent");
            // a whole run records itself as agent 0 of 1: only the agents of a split run have indexes to tell apart
            if (agent.path("count").asInt(1) > 1 && !agents.add(agent.path("index").asInt())) {
                throw new ResultsInputException(dir.toString(), "is agent " + agent.path("index").asInt() + " of "
                        + agent.path("count").asInt() + " a second time", "give each agent's folder once");
            }
            folders.add(folder);
        }
        checkSameRun(folders);
        return new MergedRun(folders, runId);
    }

    /**
     * The merge of the folders of one run, computed and not yet written ({@link #read}). Its
     * figures are fixed; the status, the failure and any further {@code run.json} fields are the
     * caller's when it writes. Immutable once computed.
     */
    public static final class MergedRun {
        private final List<AgentFolder> folders;
        private final AgentFolder server;
        private final String runId;
        private final long startMs;
        private final long endMs;
        private final LatencyMerge latency = new LatencyMerge();
        private final List<String> transports;
        private final List<TimeseriesMerge.Second> seconds;
        private final ServerResets resets;

        private MergedRun(List<AgentFolder> folders, String runId) {
            this.folders = List.copyOf(folders);
            this.runId = runId;
            this.server = folders.stream().max(Comparator.comparingLong(AgentFolder::endEpochMs)).orElseThrow();
            this.startMs = folders.stream().mapToLong(AgentFolder::startEpochMs).min().orElseThrow();
            this.endMs = folders.stream().mapToLong(AgentFolder::endEpochMs).max().orElseThrow();
            folders.forEach(f -> latency.add(f.intervals()));
            this.transports = folders.get(0).summary().rows().stream().map(SummaryRow::transport)
                    .filter(t -> !SummaryColumns.ALL_TRANSPORTS.equals(t)).toList();
            this.seconds = TimeseriesMerge.seconds(folders, server, latency, transports, startMs);
            this.resets = ServerResets.of(folders, server);
        }

        /** The agents' status when they agree, else the first that did not complete. */
        public String status() {
            return RunMerge.status(folders);
        }

        /** How many folders were merged. */
        public int folders() {
            return folders.size();
        }

        /** The merged summary.csv rows, in file order, with {@code status} in their status column. */
        public List<Map<String, String>> summaryRows(String status) {
            List<Map<String, String>> rows = SummaryMerge.rows(folders, server, latency.totals(), runId, status,
                    (endMs - startMs) / 1000.0, sessionsOpenMax(seconds, transports));
            // the server's figures are the merged run's only if agent 0's reset was the one reset during it
            resets.blankCrossCheckUnlessExact(rows);
            return rows;
        }

        /**
         * What the user must know of the merged run, one sentence each: a server that was not reset
         * exactly once during it ({@link ServerResets#problem()}), an agent whose clock was off the
         * server's ({@link #clockProblems}); empty when there is nothing.
         */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (resets.problem() != null) {
                problems.add(resets.problem());
            }
            problems.addAll(clockProblems(folders));
            return problems;
        }

        /**
         * Writes the merged files into the existing folder {@code dir}: summary.csv, timeseries.csv,
         * latency.hlog, server_samples.csv (the server folder's), run.json and, last, report.html.
         * An agent's folder inside {@code dir} is named in run.json by its path relative to
         * {@code dir}, so the folder can be moved.
         *
         * @param failure   the run's failure, or {@code null} to keep the server folder's
         * @param additions adds fields to run.json before it is written (and the report reads it)
         */
        public void writeInto(Path dir, String status, String failure, List<String> commandLine,
                Consumer<ObjectNode> additions) throws IOException {
            List<Map<String, String>> summary = summaryRows(status);
            ObjectNode runJson = runJson(folders, server, runId, status, startMs, endMs, summary, dir);
            resets.writeTo(((ObjectNode) runJson.path("merge")).putObject("serverResets"));
            if (failure != null) {
                runJson.put("failure", failure);
            }
            runJson.set("commandLine", JSON.valueToTree(commandLine));
            additions.accept(runJson);
            writeSummary(folders.get(0).summary().columns(), summary, dir.resolve(SummaryCsv.FILE_NAME));
            try (Writer w = Files.newBufferedWriter(dir.resolve(TimeseriesCsv.FILE_NAME), StandardCharsets.UTF_8)) {
                TimeseriesMerge.write(folders.get(0).timeseries().columns(), seconds, w);
            }
            latency.write(dir.resolve(ResultsWriter.LATENCY_LOG), startMs);
            Path samples = server.dir().resolve(ServerSamplesCsv.FILE_NAME);
            if (Files.exists(samples)) {
                Files.copy(samples, dir.resolve(ServerSamplesCsv.FILE_NAME));
            }
            JSON.writeValue(dir.resolve(RunJson.FILE_NAME).toFile(), runJson);
            RunReport.write(dir);
        }
    }

    /** The refusal of two folders that differ in a setting: both folders, the setting, both values. */
    static ResultsInputException differ(AgentFolder first, AgentFolder other, String setting, String firstValue,
            String otherValue) {
        return new ResultsInputException(other.dir().toString(), "differs from " + first.dir() + " in " + setting
                + " ('" + otherValue + "' vs '" + firstValue + "')", FIX_SAME_RUN);
    }

    private static void checkSameRun(List<AgentFolder> folders) {
        AgentFolder first = folders.get(0);
        List<String> transports = first.summary().rows().stream().map(SummaryRow::transport).toList();
        for (AgentFolder other : folders.subList(1, folders.size())) {
            for (String field : SAME_IN_RUN_JSON) {
                JsonNode a = at(first.runJson(), field);
                JsonNode b = at(other.runJson(), field);
                if (!a.equals(b)) {
                    String differing = a.isObject() && b.isObject() ? field + "." + firstDifference(a, b) : field;
                    throw differ(first, other, "run.json " + differing, text(at(first.runJson(), differing)),
                            text(at(other.runJson(), differing)));
                }
            }
            List<String> otherTransports = other.summary().rows().stream().map(SummaryRow::transport).toList();
            if (!transports.equals(otherTransports)) {
                throw differ(first, other, "summary.csv transport rows", String.join(",", transports),
                        String.join(",", otherTransports));
            }
            if (!first.summary().columns().equals(other.summary().columns())) {
                throw differ(first, other, "summary.csv columns (written by another version of the harness)",
                        first.summary().columns().size() + " columns", other.summary().columns().size() + " columns");
            }
            if (!first.timeseries().columns().equals(other.timeseries().columns())) {
                throw differ(first, other, "timeseries.csv columns", String.join(",", first.timeseries().columns()),
                        String.join(",", other.timeseries().columns()));
            }
        }
    }

    private static String firstDifference(JsonNode a, JsonNode b) {
        Set<String> keys = new TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        return keys.stream().filter(k -> !a.path(k).equals(b.path(k))).findFirst().orElse("?");
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String key : dotted.split("\\.")) {
            node = node.path(key);
        }
        return node;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? "absent" : node.isValueNode() ? node.asText() : node.toString();
    }

    /** The merged status: the agents' when they agree, else the first that did not complete. */
    private static String status(List<AgentFolder> folders) {
        List<String> statuses = folders.stream().map(f -> f.runJson().path("status").asText("")).toList();
        return statuses.stream().filter(s -> !s.equals(RunStatus.COMPLETED.label())).findFirst()
                .orElse(statuses.get(0));
    }

    /** Per summary row, the most sessions open at once over the agents: the peak of the per-second sums. */
    private static Map<String, Long> sessionsOpenMax(List<TimeseriesMerge.Second> seconds, List<String> transports) {
        Map<String, Long> max = new LinkedHashMap<>();
        TimeseriesMerge.max(seconds, "sessions").ifPresent(m -> {
            max.put(SummaryColumns.ALL_TRANSPORTS, (long) m);
            if (transports.size() == 1) {
                max.put(transports.get(0), (long) m);
            }
        });
        if (transports.size() > 1) {
            for (String t : transports) {
                TimeseriesMerge.max(seconds, t.replace('-', '_') + "_sessions").ifPresent(m -> max.put(t, (long) m));
            }
        }
        return max;
    }

    /**
     * The merged run.json: the server folder's, with the merged run's id, status and times, the
     * summed sessions and stats failures, each agent's run id, folder (relative to {@code mergedDir}
     * when inside it), host, times and agent slice under {@code merge.agents}, and the folder of the server's reading under {@code merge.serverStatsFrom}.
     * Thresholds were judged per agent and are not carried over.
     */
    private static ObjectNode runJson(List<AgentFolder> folders, AgentFolder server, String runId, String status,
            long startMs, long endMs, List<Map<String, String>> summary, Path mergedDir) {
        Path merged = mergedDir.toAbsolutePath().normalize();
        ObjectNode root = server.runJson().deepCopy();
        root.put("runId", runId);
        root.put("status", status);
        root.put("startedAt", Instant.ofEpochMilli(startMs).toString());
        root.put("endedAt", Instant.ofEpochMilli(endMs).toString());
        root.put("startEpochMs", startMs);
        root.put("endEpochMs", endMs);
        root.put("measuredDurationS", (endMs - startMs) / 1000.0);
        root.remove("agent");
        // each agent has a clock of its own: its offset to the server is in its entry under merge.agents
        root.remove("clockOffset");
        root.put("statsFailures", folders.stream().mapToLong(f -> f.runJson().path("statsFailures").asLong()).sum());
        ObjectNode scenario = (ObjectNode) root.with("scenario");
        // the sessions of the merged summary (each agent's planned slice, added): whatever run.json's own says
        ObjectNode perTransport = scenario.putObject("sessionsPerTransport");
        for (Map<String, String> row : summary) {
            if (SummaryColumns.ALL_TRANSPORTS.equals(row.get("transport"))) {
                scenario.put("sessions", Long.parseLong(row.get("sessions")));
            } else {
                perTransport.put(row.get("transport"), Long.parseLong(row.get("sessions")));
                if (summary.size() == 1) {
                    scenario.put("sessions", Long.parseLong(row.get("sessions")));
                }
            }
        }
        root.putArray(RunThresholds.RUN_JSON_KEY);
        root.putArray(RunThresholds.RUN_JSON_OUTCOMES_KEY);
        ObjectNode merge = root.putObject("merge");
        ArrayNode agents = merge.putArray("agents");
        for (AgentFolder f : folders) {
            ObjectNode a = agents.addObject();
            a.put("runId", f.runId());
            Path folder = f.dir().toAbsolutePath().normalize();
            a.put("folder", folder.startsWith(merged) ? merged.relativize(folder).toString() : folder.toString());
            a.put("host", f.host());
            a.put("status", f.runJson().path("status").asText(""));
            a.put("startEpochMs", f.startEpochMs());
            a.put("endEpochMs", f.endEpochMs());
            a.put("sessions", (long) f.summary().rows().get(f.summary().rows().size() - 1).figure("sessions"));
            if (f.agent().isObject()) {
                a.set("agent", f.agent().deepCopy());
            }
            JsonNode clock = f.runJson().path("clockOffset");
            if (clock.isObject()) {
                a.set("clockOffset", clock.deepCopy());
            }
        }
        List<String> clockProblems = clockProblems(folders);
        merge.put(CLOCK_PROBLEM, clockProblems.isEmpty() ? null : String.join("; ", clockProblems));
        ObjectNode from = merge.putObject("serverStatsFrom");
        from.put("runId", server.runId());
        from.put("reason", "the latest reading of the server's stats (endEpochMs " + server.endEpochMs()
                + "): its counters ran from the run's one reset and cover every agent's traffic");
        return root;
    }

    /**
     * The agents whose clock was off the server's, each with the sentence its own run wrote
     * ({@code clockOffset.problem}, from {@code ClockOffset.problem}), not judged again here.
     */
    private static List<String> clockProblems(List<AgentFolder> folders) {
        List<String> problems = new ArrayList<>();
        for (AgentFolder f : folders) {
            JsonNode problem = f.runJson().path("clockOffset").path("problem");
            if (problem.isTextual()) {
                problems.add("agent " + f.agent().path("index").asInt(0) + " (" + f.runId() + "): " + problem.asText());
            }
        }
        return problems;
    }

    private static void writeSummary(List<String> columns, List<Map<String, String>> rows, Path file)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, format)) {
            for (Map<String, String> row : rows) {
                printer.printRecord(row.values());
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
