package org.tomcatpush.harness.client.report.findings;

import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;

/**
 * A merged run ({@code harness merge}) whose server was not reset exactly once during it, as
 * {@code run.json}'s {@code merge.serverResets.problem} says: the server's counts then cover more
 * (or less) than the merged run, so its client-versus-server cross-check was left blank. A warning
 * that says why; nothing for a merged run reset once, or for a run that is not a merge.
 */
public final class ServerResetsRule implements FindingRule {

    /** The run.json property the merge writes the problem to. */
    static final String PROBLEM = "merge.serverResets.problem";

    @Override
    public List<Finding> evaluate(RunData run) {
        return run.info().find(PROBLEM).map(problem -> List.of(Finding.warning(problem))).orElse(List.of());
    }
}
