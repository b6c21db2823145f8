/**
 * {@code harness merge}: one results folder from the folders of the agents of one run. The
 * folders are read whole and checked to be of the same run first ({@link
 * org.tomcatpush.harness.client.merge.RunMerge}); then each file is merged by the rule of its
 * figures: counts summed, histograms added, the server's figures taken once.
 */
package org.tomcatpush.harness.client.merge;
