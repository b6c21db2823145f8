package org.tomcatpush.harness.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.client.results.SummaryCsv;

/** Every column of {@code summary.csv} is merged by exactly one rule: a new column has to say how it adds up. */
class SummaryMergeRulesTest {

    @Test
    void everySummaryColumnHasExactlyOneMergeRule() {
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (String column : SummaryCsv.header()) {
            List<String> rules = SummaryMerge.rulesOf(column);
            if (rules.size() != 1) {
                wrong.put(column, rules);
            }
        }
        assertEquals(Map.of(), wrong, "columns without exactly one rule in SummaryMerge (summed, maxima, server, "
                + "setting, ...)");
    }
}
