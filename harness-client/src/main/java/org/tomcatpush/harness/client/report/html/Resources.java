package org.tomcatpush.harness.client.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the report's own assets (templates, scripts, Chart.js) from the classpath. */
final class Resources {

    private Resources() {
    }

    /**
     * The UTF-8 text of a classpath resource.
     *
     * @throws IllegalStateException when it is not on the classpath (a packaging error)
     */
    static String text(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("report asset " + path + " is not on the classpath; "
                        + "rebuild harness-client");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report asset " + path, e);
        }
    }
}
