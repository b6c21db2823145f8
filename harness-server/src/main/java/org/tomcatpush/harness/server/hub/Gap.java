package org.tomcatpush.harness.server.hub;

/**
 * Messages a session asked for but will never get: sequences {@code fromSeq..toSeq} (inclusive)
 * had left the ring before the session read them. Sent on the wire as
 * {@code {"gap":{"from":3,"to":17}}}.
 *
 * @param fromSeq first lost sequence
 * @param toSeq   last lost sequence, at least {@code fromSeq}
 */
public record Gap(long fromSeq, long toSeq) {

    public Gap {
        if (fromSeq < 1 || toSeq < fromSeq) {
            throw new IllegalArgumentException("a gap needs 1 <= from <= to (got " + fromSeq + ".." + toSeq + ")");
        }
    }

    /** How many messages were lost. */
    public long count() {
        return toSeq - fromSeq + 1;
    }
}
