package org.tomcatpush.harness.client.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The one note of a run against a foreign application ({@code --endpoints}): that the
 * client-versus-server cross-checks are absent (there is no server ledger), where the server-side
 * figures came from, and why the sequence and latency columns of a transport are empty when they
 * are. One wording, shown by the CLI after the run and by the report's findings. Stateless.
 */
public final class ForeignTargetNote {

    private ForeignTargetNote() {
    }

    /** The note of a finished run; {@code publishTimeField} is {@code --publish-time-field} or {@code null}. */
    public static String of(RunResult result, String publishTimeField) {
        List<String> unsequenced = new ArrayList<>();
        List<String> untimed = new ArrayList<>();
        for (TransportResult t : result.transports()) {
            if (t.client().messagesReceived() == 0) {
                continue;
            }
            if (!t.client().sequenceChecked()) {
                unsequenced.add(t.name());
            }
            if (t.latency().count() == 0) {
                untimed.add(t.name());
            }
        }
        boolean jmx = result.finalServerStats() != null && result.finalServerStats().readOverJmx();
        return text(jmx, unsequenced, untimed, publishTimeField);
    }

    /**
     * The note's text.
     *
     * @param jmx         the server-side figures were read over JMX
     * @param unsequenced transports whose messages had no sequence check (empty messages_lost/duplicated)
     * @param untimed     transports whose messages had no delivery latency (empty latency columns)
     */
    public static String text(boolean jmx, List<String> unsequenced, List<String> untimed, String publishTimeField) {
        StringBuilder note = new StringBuilder("the target is not harness-server (--endpoints), so the"
                + " client-versus-server cross-checks are absent (no server ledger); ");
        note.append(jmx ? "busy threads, connections and server requests were read from Tomcat's MBeans over JMX"
                : "there are no server-side figures (add --jmx to read Tomcat's MBeans)");
        if (!unsequenced.isEmpty()) {
            note.append("; messages_lost and messages_duplicated are empty for ").append(String.join(", ", unsequenced))
                    .append(": only SSE events with a numeric id: are sequence-checked");
        }
        if (!untimed.isEmpty()) {
            note.append("; latency is empty for ").append(String.join(", ", untimed)).append(publishTimeField == null
                    ? ": no --publish-time-field names the JSON field of a message's publish time"
                    : ": no message carried a number in the JSON field '" + publishTimeField + "'");
        }
        return note.toString();
    }
}
