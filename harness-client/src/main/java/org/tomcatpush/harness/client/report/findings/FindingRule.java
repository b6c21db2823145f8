package org.tomcatpush.harness.client.report.findings;

import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;

/**
 * One small rule that reads a finished run and states what it shows. A rule never fails on
 * missing data: when a figure it needs is absent it says nothing.
 */
@FunctionalInterface
public interface FindingRule {

    /** The findings of this rule for {@code run}; empty when it has nothing to say. */
    List<Finding> evaluate(RunData run);
}
