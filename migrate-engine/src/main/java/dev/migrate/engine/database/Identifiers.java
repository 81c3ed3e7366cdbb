package dev.migrate.engine.database;

/** Quoting of SQL identifiers and string literals for the statements this package writes. */
final class Identifiers {
    private Identifiers() {
    }

    /** {@code my"table} becomes {@code "my""table"}. */
    static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("An SQL identifier must not be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An SQL identifier must not contain a NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * A string literal that means the same whatever {@code standard_conforming_strings} is: plain
     * {@code 'it''s'}, or {@code E'a\\b'} when the value holds a backslash.
     */
    static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A string literal must not contain a NUL character");
        }
        String quoted = value.replace("'", "''");
        if (value.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }
}
