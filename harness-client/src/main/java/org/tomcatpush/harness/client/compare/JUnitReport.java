package org.tomcatpush.harness.client.compare;

import java.io.StringWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code compare-junit.xml}: the comparison in the JUnit XML format CI systems read, so a
 * regression shows as a failed test. One {@code <testsuite>} per matched run with one
 * {@code <testcase>} per compared metric (a {@code <failure>} on regression, {@code <skipped>} when
 * there is no baseline value) and one for the run's status; one suite {@code compare.unmatched}
 * with a test case per unmatched run. Stateless.
 */
public final class JUnitReport {

    /** The file name in the output folder. */
    public static final String FILE_NAME = "compare-junit.xml";

    private static final String PREFIX = "compare.";

    private JUnitReport() {
    }

    /** The whole document. */
    public static String render(CompareResult result) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "harness compare");
            xml.writeAttribute("tests", Integer.toString(testCount(result)));
            xml.writeAttribute("failures", Integer.toString(result.failures()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Integer.toString(skippedCount(result)));
            for (RunComparison run : result.runs()) {
                writeRun(xml, result, run);
            }
            writeUnmatched(xml, result);
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML to memory", e);
        }
        return text.toString();
    }

    private static void writeRun(XMLStreamWriter xml, CompareResult result, RunComparison run)
            throws XMLStreamException {
        String suite = PREFIX + run.label();
        long skipped = run.metrics().stream().filter(m -> m.verdict() == Verdict.NOT_AVAILABLE).count();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(suite));
        xml.writeAttribute("tests", Integer.toString(run.metrics().size() + 1));
        xml.writeAttribute("failures", Integer.toString(run.failures()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "configuration", run.key().describe());
        property(xml, "baseline", run.baseline().source());
        property(xml, "current", run.current().source());
        property(xml, "tolerances", result.toleranceSource());
        xml.writeEndElement();
        testCase(xml, suite, "status", run.statusProblem() == null ? null : run.statusProblem(), false);
        for (MetricResult m : run.metrics()) {
            String failure = m.verdict().failure() ? Figures.explain(m) : null;
            boolean skip = m.verdict() == Verdict.NOT_AVAILABLE;
            String detail = "baseline " + Figures.cell(m.baseline()) + ", current " + Figures.cell(m.current())
                    + ", change " + Figures.change(m) + ", allowed " + Figures.limit(m);
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", clean(suite));
            xml.writeAttribute("name", clean(m.metric()));
            xml.writeAttribute("time", "0");
            if (failure != null) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(failure));
                xml.writeAttribute("type", m.verdict() == Verdict.MISSING ? "missing" : "regression");
                xml.writeCharacters(clean(detail));
                xml.writeEndElement();
            } else if (skip) {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean("no baseline value: " + detail));
            } else {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(detail));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeUnmatched(XMLStreamWriter xml, CompareResult result) throws XMLStreamException {
        List<RunMatcher.Unmatched> onlyBaseline = result.matching().onlyBaseline();
        List<RunMatcher.Unmatched> onlyCurrent = result.matching().onlyCurrent();
        if (onlyBaseline.isEmpty() && onlyCurrent.isEmpty()) {
            return;
        }
        String suite = PREFIX + "unmatched";
        int failures = result.allowMissing() ? 0 : onlyBaseline.size();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(suite));
        xml.writeAttribute("tests", Integer.toString(onlyBaseline.size() + onlyCurrent.size()));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Integer.toString(onlyBaseline.size() + onlyCurrent.size() - failures));
        for (RunMatcher.Unmatched u : onlyBaseline) {
            String message = "baseline run " + result.label(u) + " (" + u.key().describe() + ") has no current run";
            testCase(xml, suite, result.label(u), message, result.allowMissing());
        }
        for (RunMatcher.Unmatched u : onlyCurrent) {
            testCase(xml, suite, result.label(u), "current run " + result.label(u) + " (" + u.key().describe()
                    + ") has no baseline run: not compared", true);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** A test case that passes ({@code message} null), fails, or is skipped with {@code message}. */
    private static void testCase(XMLStreamWriter xml, String suite, String name, String message, boolean skip)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(suite));
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("time", "0");
        if (message != null) {
            xml.writeEmptyElement(skip ? "skipped" : "failure");
            xml.writeAttribute("message", clean(message));
            if (!skip) {
                xml.writeAttribute("type", "regression");
            }
        }
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("value", clean(value));
    }

    /** Text without the control characters XML 1.0 cannot carry. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? '?' : c);
        }
        return out.toString();
    }

    private static int testCount(CompareResult result) {
        return result.metricCount() + result.runs().size() + result.matching().onlyBaseline().size()
                + result.matching().onlyCurrent().size();
    }

    private static int skippedCount(CompareResult result) {
        int skipped = result.matching().onlyCurrent().size() + (result.allowMissing()
                ? result.matching().onlyBaseline().size() : 0);
        for (RunComparison run : result.runs()) {
            skipped += (int) run.metrics().stream().filter(m -> m.verdict() == Verdict.NOT_AVAILABLE).count();
        }
        return skipped;
    }
}
