/**
 * The engine of the load client: one small state machine per session and transport, mirroring the
 * server's endpoints ({@link org.tomcatpush.harness.client.session.ShortPollSession},
 * {@link org.tomcatpush.harness.client.session.LongPollSession},
 * {@link org.tomcatpush.harness.client.session.SseSession},
 * {@link org.tomcatpush.harness.client.session.WebSocketSession}), all on one async-http-client
 * and one timer, driven by {@link org.tomcatpush.harness.client.session.LoadGenerator}.
 *
 * <p>What they share lives once: lifecycle, recording and sequence checking in {@code Session},
 * request/answer polling in {@code PollSession}, reconnecting in {@code StreamSession}, the wire
 * decoding in {@code MessageScanner} and {@code SseParser} (incremental, allocation-free), the
 * loss/duplicate arithmetic in {@code SequenceTracker}, and "who owns which connections" in
 * {@code VirtualClient}. No session owns a thread; nothing blocks an event loop.
 */
package org.tomcatpush.harness.client.session;
