package org.tomcatpush.harness.client.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Chart.js, read once from the {@code org.webjars.npm:chart.js} webjar on the classpath, ready to
 * inline into a page so that reports open offline. The version is the webjar's own, so a version
 * bump in the build needs no code change.
 */
public final class ChartJs {

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final String SCRIPT = "META-INF/resources/webjars/chart.js/%s/dist/chart.umd.js";

    private ChartJs() {
    }

    /** The Chart.js version on the classpath, e.g. {@code 4.4.7}. */
    public static String version() {
        return Holder.VERSION;
    }

    /** The UMD build, safe to place in a {@code <script>} element (source map reference removed). */
    public static String script() {
        return Holder.SCRIPT_TEXT;
    }

    private static String readVersion() {
        try (InputStream in = ChartJs.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js webjar (org.webjars.npm:chart.js) is not on the classpath; "
                        + "rebuild harness-client");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + POM_PROPERTIES, e);
        }
    }

    /** Lazy holder: the 200 KB script is read on first use only, then shared. */
    private static final class Holder {
        static final String VERSION = readVersion();
        static final String SCRIPT_TEXT = Html.scriptSafeCode(
                Resources.text(String.format(SCRIPT, VERSION)).replaceAll("(?m)^//# sourceMappingURL=.*$", ""));
    }
}
