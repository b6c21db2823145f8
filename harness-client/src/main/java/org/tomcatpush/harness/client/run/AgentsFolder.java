package org.tomcatpush.harness.client.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.launch.AgentProcess;
import org.tomcatpush.harness.client.merge.RunMerge;
import org.tomcatpush.harness.client.report.SummaryTable;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ProxyInfo;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.results.RunJson;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.thresholds.ThresholdCheck;
import org.tomcatpush.harness.client.thresholds.ThresholdOutcome;
import org.tomcatpush.harness.client.thresholds.ThresholdsXml;

/**
 * The end of {@code harness run --agents N} once every agent has exited: merges the folders the
 * agents wrote into the run folder itself ({@link RunMerge}), judges the plan's thresholds on the
 * merged summary (status {@code thresholds-breached}, {@code thresholds.xml}), records the agents
 * in run.json ({@code agents}), commits the folder, prints the merged summary table as a run does
 * and gives the run's exit status. A run with no folder to merge (no agent started, none wrote
 * one, or theirs cannot be merged) still leaves a folder: its run.json says how it ended. Used
 * once, by {@link AgentsRun}.
 */
final class AgentsFolder {

    /** An agent whose ramp-up started later than this after the start time is reported. */
    private static final Duration LATE_START_NOTE = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RunPlan plan;
    private final int agentCount;
    private final List<AgentProcess> agents;
    private final PrintStream out;
    private final PrintStream err;

    /** @param agents the agents that were started (all exited now), in index order */
    AgentsFolder(RunPlan plan, int agentCount, List<AgentProcess> agents, PrintStream out, PrintStream err) {
        this.plan = plan;
        this.agentCount = agentCount;
        this.agents = List.copyOf(agents);
        this.out = out;
        this.err = err;
    }

    /**
     * Writes and commits the run folder and prints the summary.
     *
     * @param status  how the run went before the merge: completed, failed or interrupted
     * @param failure why it failed or was stopped, {@code null} when it completed
     * @param startAt the agents' start time, {@code null} when none was started
     * @return the run's exit status
     */
    int write(ResultsFolder folder, RunStatus status, String failure, Instant startAt) {
        Path dir = folder.file(AgentsRun.AGENTS_FOLDER).getParent();
        List<Path> written = agentFolders();
        List<Map<String, String>> rows = List.of();
        List<ThresholdOutcome> outcomes = List.of();
        List<String> mergeProblems = List.of();
        try {
            if (!written.isEmpty()) {
                try {
                    RunMerge.MergedRun merged = RunMerge.read(written, folder.runId());
                    mergeProblems = merged.problems();
                    if (status == RunStatus.COMPLETED && !merged.status().equals(RunStatus.COMPLETED.label())) {
                        status = RunStatus.FAILED;
                        failure = "an agent's run did not complete (status " + merged.status() + "): see "
                                + AgentsRun.AGENTS_FOLDER + "/";
                    }
                    if (status == RunStatus.COMPLETED && written.size() < agentCount) {
                        status = RunStatus.FAILED;
                        failure = (agentCount - written.size()) + " of " + agentCount + " agents wrote no run folder";
                    }
                    rows = merged.summaryRows(status.label());
                    if (status == RunStatus.COMPLETED) {
                        outcomes = ThresholdCheck.evaluate(plan.thresholds(), rows.stream().map(SummaryRow::new)
                                .toList());
                        if (ThresholdCheck.anyBreached(outcomes)) {
                            status = RunStatus.THRESHOLDS_BREACHED;
                            rows = merged.summaryRows(status.label());
                        }
                    }
                    List<ThresholdOutcome> judged = outcomes;
                    merged.writeInto(dir, status.label(), failure, plan.commandLine(), root -> {
                        RunJson.putThresholds(root, plan.thresholds(), judged);
                        if (!plan.thresholds().isEmpty()) {
                            root.with("files").put("thresholds", ThresholdsXml.FILE_NAME);
                        }
                        root.set(AgentsRun.AGENTS_FOLDER, agentsJson(startAt));
                        root.put("name", plan.name());
                    });
                    if (!plan.thresholds().isEmpty()) {
                        Files.writeString(folder.file(ThresholdsXml.FILE_NAME), ThresholdsXml.render(folder.runId(),
                                status.label(), plan.thresholds(), outcomes), StandardCharsets.UTF_8);
                    }
                } catch (ResultsInputException e) {
                    // an agent's failure stays the cause: a folder cut short by it may be what cannot be merged
                    String unmerged = "the agents' folders could not be merged: " + e.getMessage();
                    failure = status == RunStatus.COMPLETED ? unmerged : failure + "; " + unmerged;
                    status = status == RunStatus.COMPLETED ? RunStatus.FAILED : status;
                    rows = List.of();
                }
            }
            if (rows.isEmpty()) {
                writeRunJsonOnly(folder, status, failure, startAt);
            }
        } catch (IOException e) {
            err.println("harness: could not write the results: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        Path committed;
        try {
            committed = folder.commit();
        } catch (IOException e) {
            err.println("harness: could not write the results: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        lateStarts(written, startAt).forEach(err::println);
        mergeProblems.forEach(problem -> err.println("harness: warning: " + problem));
        if (rows.isEmpty()) {
            out.println("status: " + status.label() + (failure == null ? "" : ": " + failure));
            out.println("results: " + committed);
        } else {
            SummaryTable.print(rows, ProxyInfo.NONE, outcomes, status, failure, committed.toString(), out);
        }
        out.flush();
        if (!status.dataComplete()) {
            err.println("harness: run " + status.label() + ": " + failure);
            return status == RunStatus.INTERRUPTED ? ExitStatus.INTERRUPTED : ExitStatus.FAILED;
        }
        return status == RunStatus.THRESHOLDS_BREACHED ? ExitStatus.THRESHOLDS_BREACHED : ExitStatus.OK;
    }

    /**
     * A note for each agent that started its ramp-up more than {@link #LATE_START_NOTE} after
     * {@code startAt} (its JVM was not ready in time): the agents did not ramp together.
     */
    private static List<String> lateStarts(List<Path> folders, Instant startAt) {
        List<String> notes = new ArrayList<>();
        if (startAt == null) {
            return notes;
        }
        for (Path folder : folders) {
            try {
                JsonNode json = JSON.readTree(folder.resolve(RunJson.FILE_NAME).toFile());
                long lateMs = json.path("startEpochMs").asLong() - startAt.toEpochMilli();
                if (json.path("startEpochMs").isNumber() && lateMs > LATE_START_NOTE.toMillis()) {
                    notes.add("harness: note: agent " + json.path("agent").path("index").asInt() + " started its"
                            + " ramp-up " + lateMs + " ms after " + startAt + ": its JVM was not ready in time (a"
                            + " busy machine); give a later --start-at for agents that ramp together");
                }
            } catch (IOException e) {
                // the merge has read the folder already: a file unreadable now only loses the note
            }
        }
        return notes;
    }

    /** Each agent's committed run folder, in agent order; an agent that wrote none (killed, not started) has none. */
    private List<Path> agentFolders() {
        List<Path> folders = new ArrayList<>();
        for (AgentProcess agent : agents) {
            agentFolder(agent).ifPresent(folders::add);
        }
        return folders;
    }

    private static Optional<Path> agentFolder(AgentProcess agent) {
        if (!Files.isDirectory(agent.dir())) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(agent.dir())) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * run.json's {@code agents}: how many, the start time, and per agent its index, pid, exit
     * status, last stderr line and run folder (relative to the run folder; {@code null} when it wrote none).
     */
    private ObjectNode agentsJson(Instant startAt) {
        ObjectNode node = JSON.createObjectNode();
        node.put("count", agentCount);
        node.put("startAt", startAt == null ? null : startAt.toString());
        ArrayNode processes = node.putArray("processes");
        Path runDir = agents.isEmpty() ? null : agents.get(0).dir().getParent().getParent();
        for (AgentProcess agent : agents) {
            ObjectNode a = processes.addObject();
            a.put("index", agent.index());
            a.put("pid", agent.pid());
            if (agent.exitCode().isPresent()) {
                a.put("exitStatus", agent.exitCode().getAsInt());
            } else {
                a.putNull("exitStatus");
            }
            a.put("lastStderrLine", agent.lastStderrLine());
            Optional<Path> folder = agentFolder(agent);
            a.put("folder", folder.map(f -> runDir.relativize(f).toString()).orElse(null));
        }
        return node;
    }

    /** The run.json of a run none of whose agents left a folder to merge: who ran, how it ended. */
    private void writeRunJsonOnly(ResultsFolder folder, RunStatus status, String failure, Instant startAt)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", folder.runId());
        root.put("name", plan.name());
        root.put("status", status.label());
        root.put("failure", failure);
        root.set(AgentsRun.AGENTS_FOLDER, agentsJson(startAt));
        root.set("commandLine", JSON.valueToTree(plan.commandLine()));
        try (Writer w = Files.newBufferedWriter(folder.file(RunJson.FILE_NAME), StandardCharsets.UTF_8)) {
            JSON.writeValue(w, root);
        }
    }
}
