package org.tomcatpush.harness.client.results;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.tomcatpush.harness.client.serverstats.ServerSample;

/**
 * Writes {@code server_samples.csv}: the server's own probe samples, one row every
 * {@code --sample-interval} ms, finer than {@code timeseries.csv}. Stateless.
 */
public final class ServerSamplesCsv {

    /** The file name inside a run folder. */
    public static final String FILE_NAME = "server_samples.csv";

    private static final String[] HEADER = {"epoch_ms", "elapsed_ms", "busy_threads", "queue_length", "connections",
        "async_in_flight", "ws_sessions", "heap_used_mb", "rss_mb"};

    private ServerSamplesCsv() {
    }

    public static void write(RunResult result, Writer out) throws IOException {
        long startMs = result.startedAt().toEpochMilli();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (ServerSample s : result.serverSamples()) {
                printer.printRecord(s.epochMs(), s.epochMs() - startMs, Figures.countCell(s.busyThreads()),
                        Figures.countCell(s.queueLength()), Figures.countCell(s.connections()), Figures.countCell(s.asyncInFlight()),
                        Figures.countCell(s.wsSessions()), Figures.megabytesCell(s.heapUsedBytes()), Figures.megabytesCell(s.rssBytes()));
            }
        }
    }
}
