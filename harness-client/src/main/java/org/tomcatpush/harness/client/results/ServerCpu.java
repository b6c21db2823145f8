package org.tomcatpush.harness.client.results;

import java.util.List;

/**
 * The server's CPU cost over a run's measured window, from its process CPU time as
 * {@code /harness/stats} reports it ({@code process.cpuNanos}), read at the start of the ramp-up
 * and once a second after ({@link TimeseriesRow#serverCpuMs()}): the one place that turns those
 * readings into {@code server_cpu_s} and {@code server_cpu_us_per_message}, for a run and for a
 * merge of agents' runs. Stateless.
 */
public final class ServerCpu {

    private ServerCpu() {
    }

    /**
     * The server's CPU time over the seconds of a run, s: the sum of their readings (a second
     * whose stats request failed is carried by the next that answered); NaN when none was known
     * (a server that does not report it, a foreign application).
     */
    public static double seconds(List<TimeseriesRow> rows) {
        double ms = 0;
        boolean known = false;
        for (TimeseriesRow row : rows) {
            if (Double.isFinite(row.serverCpuMs())) {
                ms += row.serverCpuMs();
                known = true;
            }
        }
        return known ? ms / 1000 : Double.NaN;
    }

    /**
     * The server's CPU time per delivered message, microseconds: {@code cpuS} over the messages
     * the sessions received (one delivery is one message to one session); NaN when either is
     * unknown or nothing was delivered.
     */
    public static double microsPerMessage(double cpuS, long messagesReceived) {
        return Double.isFinite(cpuS) && messagesReceived > 0 ? cpuS * 1e6 / messagesReceived : Double.NaN;
    }
}
