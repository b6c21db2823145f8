package org.tomcatpush.harness.client.results;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Writes {@code timeseries.csv}: one row per second of the run. A mixed run adds, per transport,
 * {@code <transport>_sessions}, {@code <transport>_messages_per_s} and {@code <transport>_requests_per_s}
 * (the transport name with {@code -} written as {@code _}). Stateless.
 */
public final class TimeseriesCsv {

    /** The file name inside a run folder. */
    public static final String FILE_NAME = "timeseries.csv";

    private static final List<String> BASE_COLUMNS = List.of("elapsed_s", "epoch_ms", "sessions", "messages_per_s",
            "requests_per_s", "busy_threads", "queue_length", "server_connections", "client_connections",
            "reconnects", "connect_failures", "errors", "latency_p99_ms", "client_cpu_ms",
            // the server's own cost (issue 11)
            "server_cpu_ms");

    private TimeseriesCsv() {
    }

    /** The column names for a run of {@code transports}. */
    public static List<String> header(List<Transport> transports) {
        List<String> header = new ArrayList<>(BASE_COLUMNS);
        if (transports.size() > 1) {
            for (Transport t : transports) {
                String prefix = t.cliName().replace('-', '_');
                header.add(prefix + "_sessions");
                header.add(prefix + "_messages_per_s");
                header.add(prefix + "_requests_per_s");
            }
        }
        return header;
    }

    public static void write(RunResult result, Writer out) throws IOException {
        List<Transport> transports = result.setup().scenario().mix().transports();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header(transports).toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (TimeseriesRow row : result.timeseries()) {
                List<Object> cells = new ArrayList<>(List.of(row.elapsedS(), row.epochMs(), row.sessions(),
                        Figures.cell(row.messagesPerS()), Figures.cell(row.requestsPerS()),
                        Figures.countCell(row.busyThreads()), Figures.countCell(row.queueLength()),
                        Figures.countCell(row.serverConnections()), row.clientConnectionsOpen(), row.reconnects(),
                        row.connectFailures(), row.errors(), Figures.cell(row.latencyP99Ms()),
                        Figures.cell(row.clientCpuMs()), Figures.cell(row.serverCpuMs())));
                if (transports.size() > 1) {
                    for (Transport t : transports) {
                        TimeseriesRow.TransportSecond second = row.perTransport().get(t);
                        cells.add(second == null ? "" : second.sessions());
                        cells.add(second == null ? "" : Figures.cell(second.messagesPerS()));
                        cells.add(second == null ? "" : Figures.cell(second.requestsPerS()));
                    }
                }
                printer.printRecord(cells);
            }
        }
    }
}
