package org.tomcatpush.harness.client.session;

import java.util.ArrayList;
import java.util.List;

/** Records what a {@link MessageScanner} reports as readable lines ("msg 42@TS", "gap 3..17", "last 45"). */
final class RecordingScannerListener implements MessageScanner.Listener {

    final List<String> seen = new ArrayList<>();

    @Override
    public void onMessage(long seq, long intendedAtMicros) {
        seen.add("msg " + seq + "@" + intendedAtMicros);
    }

    @Override
    public void onGap(long fromSeq, long toSeq) {
        seen.add("gap " + fromSeq + ".." + toSeq);
    }

    @Override
    public void onCursor(long lastSeq) {
        seen.add("last " + lastSeq);
    }
}
