package org.tomcatpush.harness.client.report.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ResultsInputException;

/** The one strictness of the one reader of results files, and the one message shape of its refusals. */
class ResultsCsvTest {

    @TempDir
    Path dir;

    @Test
    void rowsKnowTheirFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("summary.csv"), "transport,requests\nsse,10\n\nws,20\n");
        ResultsCsv.Table table = ResultsCsv.read(file);
        assertEquals(List.of("transport", "requests"), table.columns());
        assertEquals(List.of("sse", "ws"), table.rows().stream().map(SummaryRow::transport).toList());
        assertEquals(file + " line 2", table.rows().get(0).source());
        assertEquals(file + " line 4", table.rows().get(1).source(), "blank lines are counted");
        assertEquals(20.0, table.rows().get(1).figure("requests"));
    }

    @Test
    void recordShorterThanItsHeaderIsATruncatedFile() throws Exception {
        Path file = Files.writeString(dir.resolve("summary.csv"), "transport,requests,errors\nsse,10,0\nws,2");
        assertEquals(file + " line 3: has 2 fields but the header has 3 (the file looks truncated); "
                + ResultsInputException.FIX_DAMAGED, refusal(file));
    }

    @Test
    void quotedLineBreaksAreCountedInTheLineNumber() throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.csv"), "status,failure\nfailed,\"two\nlines\"\ncompleted\n");
        assertTrue(refusal(file).startsWith(file + " line 4: has 1 fields but the header has 2"), refusal(file));
    }

    @Test
    void columnNamedTwiceIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.csv"), "transport,status,status\nsse,completed,ok\n");
        assertEquals(file + " line 1: names the column 'status' twice; " + ResultsInputException.FIX_DAMAGED,
                refusal(file));
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws Exception {
        Path file = Files.write(dir.resolve("summary.csv"), new byte[] {'t', ',', 'x', '\n', (byte) 0xC3, '1', '\n'});
        assertEquals(file + ": is not UTF-8 text; " + ResultsInputException.FIX_DAMAGED, refusal(file));
    }

    @Test
    void emptyFileAndMissingFileAreRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals(empty + ": is empty (no header line); " + ResultsInputException.FIX_DAMAGED, refusal(empty));
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": is missing; " + ResultsInputException.FIX_MISSING, refusal(missing));
    }

    @Test
    void sectionsStartAtEveryHeaderLineWhenAsked() throws Exception {
        Path file = Files.writeString(dir.resolve("joined.csv"),
                "run_id,transport\na,sse\nrun_id,transport,extra\nb,ws,1\n");
        ResultsCsv.Table table = ResultsCsv.readSections(file, List.of("transport"));
        assertEquals(List.of("run_id", "transport", "extra"), table.columns());
        assertEquals("1", table.rows().get(1).cell("extra"));
        assertTrue(refusal(file).startsWith(file + " line 3: has 3 fields but the header has 2"), refusal(file));
    }

    @Test
    void strictFigureRefusesTextNamingTheRow() throws Exception {
        Path file = Files.writeString(dir.resolve("summary.csv"), "transport,latency_p99_ms\nsse,fast\nws,n/a\n");
        ResultsCsv.Table table = ResultsCsv.read(file);
        assertTrue(Double.isNaN(table.rows().get(1).figure("latency_p99_ms")), "n/a is an unknown figure");
        ResultsInputException e = assertThrows(ResultsInputException.class,
                () -> table.requireNumbers(List.of("latency_p99_ms")));
        assertEquals(file + " line 2: column latency_p99_ms is 'fast', not a number; "
                + ResultsInputException.FIX_DAMAGED, e.getMessage());
    }

    private static String refusal(Path file) {
        return assertThrows(ResultsInputException.class, () -> ResultsCsv.read(file)).getMessage();
    }
}
