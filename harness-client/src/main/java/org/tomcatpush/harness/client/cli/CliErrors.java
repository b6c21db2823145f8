package org.tomcatpush.harness.client.cli;

import java.io.PrintWriter;
import java.util.List;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.server.config.ConfigException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every kind of bad input into one line, {@code harness: <what is wrong and how to fix
 * it>}, on stderr and exit status 2, without a stack trace: picocli's parse errors (unknown flag,
 * bad number, bad duration or mix), the {@link ResultsInputException}s of a damaged results file, and the
 * {@link ConfigException}s and
 * {@link IllegalArgumentException}s of validation. Anything else is a bug: one line, the stack
 * trace, exit status 1.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        StringBuilder line = new StringBuilder(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(": did you mean ").append(String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size())))).append('?');
            }
        }
        line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        print(cmd.getErr(), line.toString());
        return ExitStatus.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof ResultsInputException || ex instanceof ConfigException
                || ex instanceof IllegalArgumentException) {
            print(cmd.getErr(), oneLine(ex.getMessage()));
            return ExitStatus.BAD_INPUT;
        }
        print(cmd.getErr(), "unexpected error: " + oneLine(String.valueOf(ex)));
        ex.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return ExitStatus.FAILED;
    }

    /**
     * Prints the one line of a bad results input, {@code harness: <file>: <problem>; <fix>}, and
     * returns {@link ExitStatus#BAD_INPUT}: the same line whichever command read the file.
     */
    static int badInput(PrintWriter err, ResultsInputException e) {
        print(err, e.getMessage());
        return ExitStatus.BAD_INPUT;
    }

    /** Reads an {@code int} option, with a message that says what is expected. */
    static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number: write e.g. 100");
        }
    }

    /** Reads a {@code long} option, with a message that says what is expected. */
    static Long longNumber(String value) {
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number: write e.g. 30000");
        }
    }

    /** Reads a {@code double} option, refusing NaN and infinities. */
    static Double decimalNumber(String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new TypeConversionException("'" + value + "' is not a number: write e.g. 2 or 0.5");
    }

    static void print(PrintWriter err, String message) {
        err.println("harness: " + message);
        err.flush();
    }

    /** A message on one line, first letter in lower case to follow {@code harness: }. */
    static String oneLine(String message) {
        String text = message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }
}
