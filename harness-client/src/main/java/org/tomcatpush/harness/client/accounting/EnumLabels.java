package org.tomcatpush.harness.client.accounting;

import java.util.Locale;

/**
 * The label of an accounting enum constant as {@code summary.csv}, the CLI and the report write
 * it: its name in lower case with dashes ({@code KEEPALIVE_LIMIT} is {@code keepalive-limit}).
 * One rule, so a constant's label cannot drift from its name. Stateless.
 */
final class EnumLabels {

    private EnumLabels() {
    }

    /** {@code constant}'s name, lower case, {@code _} as {@code -}. */
    static String kebab(String constantName) {
        return constantName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
