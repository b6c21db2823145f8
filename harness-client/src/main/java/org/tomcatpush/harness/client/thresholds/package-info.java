/**
 * k6-style thresholds on {@code summary.csv} figures: {@code --threshold EXPR} parsed before any
 * load starts ({@link org.tomcatpush.harness.client.thresholds.Threshold}), judged once by the run
 * on the summary rows in the row model the report reads
 * ({@link org.tomcatpush.harness.client.thresholds.ThresholdCheck}), and written as JUnit XML
 * ({@link org.tomcatpush.harness.client.thresholds.ThresholdsXml}) and into run.json, whose
 * recorded outcomes the report shows
 * ({@link org.tomcatpush.harness.client.thresholds.RunThresholds}). A breach in a completed run
 * gives the status {@code thresholds-breached} and exit status 3.
 */
package org.tomcatpush.harness.client.thresholds;
