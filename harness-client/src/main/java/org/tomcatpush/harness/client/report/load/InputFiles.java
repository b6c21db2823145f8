package org.tomcatpush.harness.client.report.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checks and fix hints every reader of a run folder shares, so that all messages read alike. */
final class InputFiles {

    static final String FIX_MISSING = "point RUN_DIR at a complete run folder written by 'harness run' "
            + "(results/runs/<run>); an interrupted run has to be run again";
    static final String FIX_CORRUPT = "the file is damaged or was not written by 'harness run': "
            + "run the scenario again or restore the file from the original run";

    private InputFiles() {
    }

    /** Fails unless {@code file} is a readable regular file. */
    static void requireReadable(Path file) throws ReportInputException {
        if (!Files.exists(file)) {
            throw new ReportInputException(file, "is missing", FIX_MISSING);
        }
        if (!Files.isRegularFile(file)) {
            throw new ReportInputException(file, "is not a regular file", FIX_MISSING);
        }
        if (!Files.isReadable(file)) {
            throw new ReportInputException(file, "is not readable", "give the current user read permission on it");
        }
    }

    /** The exception for a file whose content cannot be used. */
    static ReportInputException corrupt(Path file, String problem) {
        return new ReportInputException(file, problem, FIX_CORRUPT);
    }

    static ReportInputException corrupt(Path file, String problem, Throwable cause) {
        return new ReportInputException(file, problem, FIX_CORRUPT, cause);
    }
}
