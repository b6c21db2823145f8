package org.tomcatpush.harness.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tomcatpush.harness.client.scenario.AgentSlice;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code harness run} arguments of each agent of {@code harness run --agents N}, rebuilt from
 * picocli's parse of the parent's command line (each matched option with the strings it was
 * given, in the order given), never by editing the raw arguments. Forwarded: every scenario
 * option and, with {@code --target}, the target's ({@code --target}, {@code --endpoints},
 * {@code --jmx}, {@code --control-token}, {@code --allow-remote} ...). Dropped: the parent's own
 * ({@link #PARENT_OPTIONS}: the agents' folders, names, start time and count are the parent's,
 * and thresholds are judged once, on the merged summary) and, when the parent starts the server,
 * every flag of that server ({@link #SERVER_LAUNCH_OPTIONS} and the server mixin's). Added per
 * agent: {@code --target} and {@code --control-token} of the server the parent started,
 * {@code --agent I/N}, {@code --start-at}, {@code --out} and {@code --name}. Immutable.
 *
 * <pre>
 * AgentArguments args = AgentArguments.of(parseResult, plan.startsServer());
 * List&lt;String&gt; agentOne = args.forAgent(new AgentSlice(1, 3), server.baseUri(), null, startAt, dir, "agent-1");
 * </pre>
 */
final class AgentArguments {

    /** Options of the parent run only. */
    static final Set<String> PARENT_OPTIONS = Set.of("--agents", "--out", "--name", "--threshold", "--start-at");

    /** Options of the server JVM the parent starts, besides the server's own flags. */
    static final Set<String> SERVER_LAUNCH_OPTIONS = Set.of("--server-java", "--server-heap", "--listen-timeout");

    private final List<String> forwarded;
    private final boolean parentStartsServer;

    private AgentArguments(List<String> forwarded, boolean parentStartsServer) {
        this.forwarded = List.copyOf(forwarded);
        this.parentStartsServer = parentStartsServer;
    }

    /**
     * The arguments of the agents of the parsed {@code run} command.
     *
     * @param run                picocli's parse of {@code harness run} (the subcommand's own result)
     * @param parentStartsServer the parent starts the server (no {@code --target}): its flags are not forwarded
     */
    static AgentArguments of(ParseResult run, boolean parentStartsServer) {
        Set<String> dropped = new HashSet<>(PARENT_OPTIONS);
        if (parentStartsServer) {
            dropped.addAll(SERVER_LAUNCH_OPTIONS);
            run.commandSpec().mixins().get("server").options().forEach(o -> dropped.add(o.longestName()));
        }
        List<String> args = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OptionSpec option : run.matchedOptions()) {
            String name = option.longestName();
            if (dropped.contains(name) || !seen.add(name)) {
                continue;
            }
            if (option.arity().max() == 0) {
                args.add(name); // a switch: given means on
                continue;
            }
            for (String value : run.matchedOption(name).originalStringValues()) {
                args.add(name);
                args.add(value);
            }
        }
        return new AgentArguments(args, parentStartsServer);
    }

    /** The options forwarded to every agent, before the per-agent ones. */
    List<String> forwarded() {
        return forwarded;
    }

    /**
     * The full {@code harness run} arguments of one agent.
     *
     * @param target       the server the parent started ({@code null} when it forwards {@code --target})
     * @param controlToken that server's control token, or {@code null} when it needs none
     * @param out          the folder that receives the agent's run folder
     */
    List<String> forAgent(AgentSlice agent, URI target, String controlToken, Instant startAt, Path out, String name) {
        List<String> args = new ArrayList<>(forwarded);
        if (parentStartsServer) {
            args.add("--target");
            args.add(target.toString());
            if (controlToken != null) {
                args.add("--control-token");
                args.add(controlToken);
            }
        }
        args.addAll(List.of("--agent", agent.toString(), "--start-at", startAt.toString(), "--out", out.toString(),
                "--name", name));
        return List.copyOf(args);
    }
}
