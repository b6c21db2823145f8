package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;

/**
 * The findings list of a run report: every rule applied in turn, then ordered by severity
 * (warnings first; within a severity, in rule order).
 */
public final class Findings {

    private Findings() {
    }

    /** The rules of the run report, in the order their findings are listed within a severity. */
    public static List<FindingRule> defaultRules() {
        return List.of(new RunStatusRule(), new ThresholdRule(), new ProxyRule(), new ServerResetsRule(), new ClockSkewRule(), new SessionsOpenedRule(),
                new ThreadSaturationRule(), new ConnectionLimitRule(),
                new ServerSamplesRule(), new ClientSaturationRule(),
                new DeliveryRule(), new FailureRule(), new AccountingAgreementRule(), new ServerCloseRule(),
                new KeepAliveLimitRule(),
                new IdleTimeoutRule(), new ReconnectRule(), new LatencyRule(), new PublisherLagRule(),
                new ResponseTimeRule(), new CostPerMessageRule(), new ForeignTargetRule());
    }

    /** Applies {@link #defaultRules()} to {@code run}. */
    public static List<Finding> evaluate(RunData run) {
        return evaluate(run, defaultRules());
    }

    /** Applies {@code rules} to {@code run}; the result is ordered by severity and immutable. */
    public static List<Finding> evaluate(RunData run, List<FindingRule> rules) {
        List<Finding> findings = new ArrayList<>();
        for (FindingRule rule : rules) {
            findings.addAll(rule.evaluate(run));
        }
        findings.sort(Comparator.comparing(Finding::severity));
        return List.copyOf(findings);
    }
}
