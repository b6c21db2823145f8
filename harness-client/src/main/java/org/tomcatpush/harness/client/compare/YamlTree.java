package org.tomcatpush.harness.client.compare;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document as a tree of maps, lists and scalars that keeps each scalar exactly as written
 * (so {@code +2} keeps its sign, which a number node would drop) and the line of every node, for
 * messages. Duplicate keys are refused. Immutable.
 *
 * @param line   the 1-based line where the node starts
 * @param text   the scalar as written; null for a map or a list, empty for an empty value
 * @param fields the entries of a map, in order; null otherwise
 * @param items  the items of a list; null otherwise
 */
record YamlTree(int line, String text, Map<String, YamlTree> fields, List<YamlTree> items) {

    private static final YAMLFactory YAML = new YAMLFactory();

    /** Reads a whole document; null for an empty one. @throws IOException on bad YAML or a duplicate key */
    static YamlTree read(Reader in) throws IOException {
        try (JsonParser parser = YAML.createParser(in)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : node(parser);
        }
    }

    boolean isMap() {
        return fields != null;
    }

    boolean isList() {
        return items != null;
    }

    boolean isScalar() {
        return text != null;
    }

    private static YamlTree node(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlTree> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                if (fields.put(key, node(parser)) != null) {
                    throw new DuplicateKeyException(key, keyLine);
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

    /** A key written twice in one map. */
    static final class DuplicateKeyException extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        DuplicateKeyException(String key, int line) {
            super("'" + key + "' is written twice");
            this.line = line;
        }
    }
}
