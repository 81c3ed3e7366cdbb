package dev.migrate.engine.database;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement this package writes, with {@code ?} placeholders and their values. The online path
 * and the offline script both render it through {@link #inline()}, so both send the same text.
 * Values are strings, longs or null; the templates hold no {@code ?} other than placeholders.
 */
record BoundSql(String sql, List<Object> values) {
    BoundSql {
        values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != values.size()) {
            throw new IllegalArgumentException(placeholders + " placeholders but " + values.size() + " values: " + sql);
        }
    }

    static BoundSql of(String sql, Object... values) {
        return new BoundSql(sql, java.util.Arrays.asList(values));
    }

    /** The statement with every placeholder replaced by its literal. */
    String inline() {
        StringBuilder out = new StringBuilder(sql.length() + 32 * values.size());
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                Object value = values.get(next++);
                out.append(value instanceof Number ? value.toString() : Identifiers.literal((String) value));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
