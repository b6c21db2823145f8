package org.tomcatpush.harness.client.yaml;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The one reader of the YAML files a user writes (sweep scenario files, tolerance files): a
 * document as a tree of maps, lists and scalars that keeps each scalar exactly as written (so
 * {@code +2} keeps its sign and {@code 0.50} its zero, which a number node would drop) and the
 * line of every node, for messages. A key written twice in one map is refused, as is an empty
 * document; every fault is a {@link BadYamlException} in one wording whatever the file. Immutable.
 *
 * <pre>
 * YamlTree root = YamlTree.read(reader, "write a name, a fixed: map and a sweep: map");
 * for (Map.Entry&lt;String, YamlTree&gt; e : root.fields().entrySet()) { ... e.getValue().line() ... }
 * </pre>
 *
 * @param line   the 1-based line where the node starts
 * @param text   the scalar as written; null for a map or a list, empty for an empty value
 *               ({@code key:}, {@code key: ~}, {@code key: ''})
 * @param fields the entries of a map, in order; null otherwise
 * @param items  the items of a list; null otherwise
 */
public record YamlTree(int line, String text, Map<String, YamlTree> fields, List<YamlTree> items) {

    private static final YAMLFactory YAML = new YAMLFactory();

    /**
     * Reads a whole document (the first, when a file holds several).
     *
     * @param whatToWrite the fix for an empty file, e.g. {@code give at least one of config:, metrics:, rules:}
     * @throws BadYamlException when the text is not YAML, writes a key twice in one map, or is empty
     * @throws IOException      when {@code in} cannot be read
     */
    public static YamlTree read(Reader in, String whatToWrite) throws IOException {
        YamlTree root;
        try (JsonParser parser = YAML.createParser(in)) {
            root = parser.nextToken() == null ? null : node(parser);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        if (root == null || root.isScalar() && root.text().isEmpty()) {
            throw BadYamlException.empty(whatToWrite);
        }
        return root;
    }

    public boolean isMap() {
        return fields != null;
    }

    public boolean isList() {
        return items != null;
    }

    public boolean isScalar() {
        return text != null;
    }

    /** Whether this is a scalar with nothing written ({@code key:}), the YAML null. */
    public boolean isEmpty() {
        return isScalar() && text.isEmpty();
    }

    /** For messages: {@code a list}, {@code a map}, or the scalar in quotes. */
    public String kind() {
        return isList() ? "a list" : isMap() ? "a map" : "'" + text + "'";
    }

    private static YamlTree node(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlTree> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation at = parser.currentTokenLocation();
                parser.nextToken();
                if (fields.put(key, node(parser)) != null) {
                    throw BadYamlException.duplicate(key, at.getLineNr());
                }
            }
            return new YamlTree(line, null, Collections.unmodifiableMap(fields), null);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlTree> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser));
            }
            return new YamlTree(line, null, null, Collections.unmodifiableList(items));
        }
        String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
        return new YamlTree(line, text, null, null);
    }

    /**
     * The fault where the YAML parser found it: SnakeYAML's problem at its mark (the spot of the
     * fault; Jackson's location is the start of the construct it was reading), then that
     * construct and where it starts ("while parsing a flow mapping at line 2, column 8"), which
     * says where to look when the problem is only found at the end of the file.
     */
    private static BadYamlException syntax(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
                && marked.getProblemMark() != null) {
            String context = marked.getContext() == null || marked.getContextMark() == null ? ""
                    : "; " + oneLine(marked.getContext()) + " at line " + (marked.getContextMark().getLine() + 1)
                            + ", column " + (marked.getContextMark().getColumn() + 1);
            return BadYamlException.syntax(marked.getProblemMark().getLine() + 1,
                    marked.getProblemMark().getColumn() + 1, oneLine(marked.getProblem()) + context);
        }
        JsonLocation at = e.getLocation();
        return BadYamlException.syntax(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                oneLine(e.getOriginalMessage()));
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return "syntax error";
        }
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
