package org.tomcatpush.harness.client.report.html;

/**
 * HTML escaping. Every value that comes from a run (names, paths, cells, findings) goes through
 * {@link #escape(String)} before it reaches a page; markup is only ever written by the report
 * code itself.
 */
public final class Html {

    private Html() {
    }

    /** Escapes the five characters that matter in HTML text and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Makes JavaScript or JSON safe to place inside a {@code <script>} element: no
     * {@code </script} or {@code <!--} can end or confuse the element. For JSON, every {@code <},
     * {@code >} and {@code &} (which can only occur inside strings) becomes its {@code \}u escape.
     */
    public static String scriptSafeJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** Neutralises {@code </script} and {@code <!--} in inline JavaScript code (not data). */
    public static String scriptSafeCode(String code) {
        return code.replaceAll("(?i)</(script)", "<\\\\/$1").replace("<!--", "<\\!--");
    }
}
