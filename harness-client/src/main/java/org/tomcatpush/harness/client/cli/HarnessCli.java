package org.tomcatpush.harness.client.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.run.Load;
import org.tomcatpush.harness.client.run.LoadRun;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code harness}: the command-line entry point of the tool ({@code java -jar harness-client.jar},
 * {@code scripts/harness}), and the only one: every command is a class of this package.
 * Subcommands: {@code run} (a load run against a server it starts, or a running one),
 * {@code server} (harness-server in the foreground), {@code sweep} (the cartesian product of run
 * options), {@code report} (a run folder's report.html, drawn again), {@code compare} (a CI
 * regression gate), {@code experiments} (the claims judged from their sweeps) and {@code jmh}
 * (JMH results as CSV and HTML). Exit status ({@link ExitStatus}): 0 success, 1 run failed
 * (compare: a regression), 2 bad input, 3 thresholds breached, 130 interrupted; bad input is
 * always one line on stderr.
 */
@Command(name = "harness", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        subcommands = {RunCommand.class, ServerCommand.class, SweepCommand.class, ReportCommand.class,
                CompareCommand.class, ExperimentsCommand.class, JmhReportCommand.class, MergeCommand.class},
        description = "Measures what push transports (short poll, long poll, SSE, WebSocket) cost on Apache Tomcat.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'harness COMMAND --help' for the options of a command."})
public final class HarnessCli implements Callable<Integer> {

    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    @Spec
    CommandSpec spec;

    private HarnessCli() {
    }

    public static void main(String[] args) {
        // the HTTP client's libraries log through SLF4J, which has no provider here: keep it from
        // warning about that on every run (the harness reports through its own files)
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the command line and returns its exit status; never calls {@code System.exit}.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, LoadRun.sessions());
    }

    /** As {@link #execute(String[], PrintStream, PrintStream)}, with the sessions made by {@code loads}. */
    static int execute(String[] args, PrintStream out, PrintStream err, Load.Factory loads) {
        return commandLine(new CliContext(out, err, loads)).execute(args);
    }

    /** The configured picocli command line. */
    static CommandLine commandLine(CliContext context) {
        CliErrors errors = new CliErrors();
        CommandLine cl = new CommandLine(new HarnessCli(), new CommandFactory(context));
        RunCommand.useEphemeralPortByDefault(cl.getSubcommands().get("run").getCommandSpec());
        cl.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        cl.registerConverter(Integer.class, CliErrors::wholeNumber);
        cl.registerConverter(Integer.TYPE, CliErrors::wholeNumber);
        cl.registerConverter(Long.class, CliErrors::longNumber);
        cl.registerConverter(Long.TYPE, CliErrors::longNumber);
        cl.registerConverter(Double.class, CliErrors::decimalNumber);
        cl.registerConverter(Double.TYPE, CliErrors::decimalNumber);
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        return cl;
    }

    /** {@code harness} alone: says what to type. */
    @Override
    public Integer call() {
        CliErrors.print(spec.commandLine().getErr(), "name a command: "
                + String.join(", ", spec.subcommands().keySet()) + " (see 'harness --help')");
        return ExitStatus.BAD_INPUT;
    }

    /** Creates the commands with the context they need. */
    private static final class CommandFactory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        CommandFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(context));
            }
            if (type == SweepCommand.class) {
                return type.cast(new SweepCommand(context.out(), context.err(), context.loads()));
            }
            if (type == HarnessCli.class) {
                return type.cast(new HarnessCli());
            }
            return fallback.create(type);
        }
    }
}
