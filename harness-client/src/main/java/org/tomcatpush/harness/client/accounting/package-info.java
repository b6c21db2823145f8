/**
 * What a run measured, per transport: {@link org.tomcatpush.harness.client.accounting.RunRecorder}
 * holds one wait-free {@link org.tomcatpush.harness.client.accounting.TransportRecorder} per
 * transport, read as {@link org.tomcatpush.harness.client.accounting.TransportCounters} snapshots
 * and HdrHistogram interval histograms.
 *
 * <p>{@link org.tomcatpush.harness.client.accounting.ConnectionAccounting} fills in the connection
 * side by itself, from inside every Netty pipeline the client opens: each TCP connection, each
 * request on it, its bytes, and why it closed
 * ({@link org.tomcatpush.harness.client.accounting.CloseCause}). The sessions record the rest:
 * messages, reconnects, connect failures and errors.
 */
package org.tomcatpush.harness.client.accounting;
