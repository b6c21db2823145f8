/**
 * What {@code harness jmh} ({@link org.tomcatpush.harness.client.cli.JmhReportCommand}) does: JMH JSON
 * results ({@link org.tomcatpush.harness.client.jmh.JmhJsonReader}) into CSV
 * ({@link org.tomcatpush.harness.client.jmh.JmhCsv}) and a self-contained HTML page
 * ({@link org.tomcatpush.harness.client.jmh.JmhPage}), built from the report package's HTML pieces.
 */
package org.tomcatpush.harness.client.jmh;
