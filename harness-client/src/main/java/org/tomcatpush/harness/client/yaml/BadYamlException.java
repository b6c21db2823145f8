package org.tomcatpush.harness.client.yaml;

import java.io.IOException;

/**
 * A YAML file that cannot be read as a document: not valid YAML, a key written twice in one map,
 * or an empty file. The message is one line in the one wording every YAML file of the harness
 * gets, without the file's name (the caller puts it first): {@code not valid YAML at line 3,
 * column 1 (...): fix the syntax}, {@code 'sessions' is written twice at line 2: keep one},
 * {@code the file is empty: ...}.
 */
public final class BadYamlException extends IOException {

    private static final long serialVersionUID = 1L;

    private BadYamlException(String message) {
        super(message);
    }

    static BadYamlException syntax(int line, int column, String reason) {
        String at = line < 1 ? "" : " at line " + line + (column < 1 ? "" : ", column " + column);
        return new BadYamlException("not valid YAML" + at + " (" + reason + "): fix the syntax");
    }

    static BadYamlException duplicate(String key, int line) {
        return new BadYamlException("'" + key + "' is written twice at line " + line + ": keep one");
    }

    static BadYamlException empty(String whatToWrite) {
        return new BadYamlException("the file is empty: " + whatToWrite);
    }
}
