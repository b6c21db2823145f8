package org.tomcatpush.harness.client.results;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML format CI systems read, written from a small model: {@code <testsuites>} of
 * {@link Suite}s of {@link Case}s, each passed, failed or skipped; the counts on every element are
 * derived from the cases. The one writer of JUnit XML in the harness ({@code compare-junit.xml},
 * {@code thresholds.xml}). Stateless.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    /** How a test case came out. */
    public enum Outcome { PASSED, FAILED, SKIPPED }

    /**
     * One test case.
     *
     * @param name    the test's name
     * @param outcome passed, failed or skipped
     * @param message the failure's or skip's message; {@code null} for a pass
     * @param type    the failure's type attribute ({@code regression}, {@code missing}, ...); {@code null} otherwise
     * @param detail  the failure's text, or for a pass its {@code <system-out>}; {@code null} for none
     */
    public record Case(String name, Outcome outcome, String message, String type, String detail) {

        public static Case passed(String name, String detail) {
            return new Case(name, Outcome.PASSED, null, null, detail);
        }

        public static Case failed(String name, String message, String type, String detail) {
            return new Case(name, Outcome.FAILED, message, type, detail);
        }

        public static Case skipped(String name, String message) {
            return new Case(name, Outcome.SKIPPED, message, null, null);
        }
    }

    /**
     * One test suite; its name is also each case's {@code classname}.
     *
     * @param properties written as {@code <properties>} in order; none when empty
     */
    public record Suite(String name, Map<String, String> properties, List<Case> cases) {

        public Suite {
            properties = new LinkedHashMap<>(properties);
            cases = List.copyOf(cases);
        }

        long count(Outcome outcome) {
            return cases.stream().filter(c -> c.outcome() == outcome).count();
        }
    }

    /** The whole document: a {@code <testsuites>} named {@code name}. */
    public static String render(String name, List<Suite> suites) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", clean(name));
            xml.writeAttribute("tests", Long.toString(suites.stream().mapToLong(s -> s.cases().size()).sum()));
            xml.writeAttribute("failures", Long.toString(suites.stream().mapToLong(s -> s.count(Outcome.FAILED)).sum()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(suites.stream().mapToLong(s -> s.count(Outcome.SKIPPED)).sum()));
            for (Suite suite : suites) {
                writeSuite(xml, suite);
            }
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

    private static void writeSuite(XMLStreamWriter xml, Suite suite) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(suite.name()));
        xml.writeAttribute("tests", Integer.toString(suite.cases().size()));
        xml.writeAttribute("failures", Long.toString(suite.count(Outcome.FAILED)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(suite.count(Outcome.SKIPPED)));
        if (!suite.properties().isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> p : suite.properties().entrySet()) {
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", clean(p.getKey()));
                xml.writeAttribute("value", clean(p.getValue()));
            }
            xml.writeEndElement();
        }
        for (Case c : suite.cases()) {
            writeCase(xml, suite.name(), c);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, String suite, Case c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(suite));
        xml.writeAttribute("name", clean(c.name()));
        xml.writeAttribute("time", "0");
        switch (c.outcome()) {
            case FAILED -> {
                if (c.detail() == null) {
                    xml.writeEmptyElement("failure");
                } else {
                    xml.writeStartElement("failure");
                }
                xml.writeAttribute("message", clean(c.message()));
                if (c.type() != null) {
                    xml.writeAttribute("type", clean(c.type()));
                }
                if (c.detail() != null) {
                    xml.writeCharacters(clean(c.detail()));
                    xml.writeEndElement();
                }
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(c.message()));
            }
            case PASSED -> {
                if (c.detail() != null) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(clean(c.detail()));
                    xml.writeEndElement();
                }
            }
        }
        xml.writeEndElement();
    }

    /** Text without the control characters XML 1.0 cannot carry. */
    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? '?' : c);
        }
        return out.toString();
    }
}
