package dev.migrate.engine.database;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings a run applies to its connection: {@code statement_timeout}, and the configured
 * schema put first on the {@code search_path} so that unqualified names in revisions land there.
 * Session-wide, or per transaction ({@code local}) behind a transaction pooler.
 */
final class SessionSettings {
    private SessionSettings() {
    }

    static List<String> statements(DatabaseSettings settings, boolean local) {
        List<String> sql = new ArrayList<>(2);
        if (!settings.statementTimeout().isZero()) {
            sql.add("SET " + (local ? "LOCAL " : "") + "statement_timeout = " + settings.statementTimeout().toMillis());
        }
        if (!DatabaseSettings.DEFAULT_SCHEMA.equals(settings.schema())) {
            sql.add("SELECT pg_catalog.set_config('search_path', "
                    + Identifiers.literal(Identifiers.quote(settings.schema()) + ", ")
                    + " || pg_catalog.current_setting('search_path'), " + local + ")");
        }
        return sql;
    }
}
