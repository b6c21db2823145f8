package org.tomcatpush.harness.client.yaml;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * document; every fault is a {@link BadYamlException} in one wording whatever the file
 * ({@code not valid YAML at line 3, column 1 (...): fix the syntax}, {@code 'sessions' is written
 * twice at line 2: keep one}, {@code the file is empty: ...}). Immutable.
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
        if (root == null || root.isEmpty()) {
            throw new BadYamlException("the file is empty: " + whatToWrite);
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

    /**
     * The switch this scalar writes, as YAML 1.1 reads it: {@code true}, {@code yes}, {@code on}
     * or {@code false}, {@code no}, {@code off}, in any case; empty for any other text.
     */
    public Optional<Boolean> asSwitch() {
        String word = isScalar() ? text.strip().toLowerCase(Locale.ROOT) : "";
        return switch (word) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
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
                    throw new BadYamlException("'" + key + "' is written twice at line " + at.getLineNr()
                            + ": keep one");
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
     * The fault where the YAML parser found it: SnakeYAML's problem at its mark (Jackson's location
     * is the start of the construct it was reading), then that construct and where it starts
     * ("while parsing a flow mapping at line 2, column 8"): where to look when the problem is only
     * found at the end of the file.
     */
    private static BadYamlException syntax(JsonProcessingException e) {
        String where;
        String reason;
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null && m.getProblemMark() != null) {
            where = at(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            reason = oneLine(m.getProblem()) + (m.getContext() == null || m.getContextMark() == null ? ""
                    : "; " + oneLine(m.getContext()) + at(m.getContextMark().getLine() + 1,
                            m.getContextMark().getColumn() + 1));
        } else {
            JsonLocation loc = e.getLocation();
            where = loc == null ? "" : at(loc.getLineNr(), loc.getColumnNr());
            reason = oneLine(e.getOriginalMessage());
        }
        return new BadYamlException("not valid YAML" + where + " (" + reason + "): fix the syntax");
    }

    private static String at(int line, int column) {
        return " at line " + line + ", column " + column;
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
        return line.isEmpty() ? "syntax error" : line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    /**
     * A file that is no YAML document. The message is one line without the file's name, which the
     * caller puts first.
     */
    public static final class BadYamlException extends IOException {
        private static final long serialVersionUID = 1L;

        BadYamlException(String message) {
            super(message);
        }
    }
}
