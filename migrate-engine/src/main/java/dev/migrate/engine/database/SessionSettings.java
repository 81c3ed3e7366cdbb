package dev.migrate.engine.database;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings a run applies to its connection: {@code lock_timeout} and {@code statement_timeout}
 * (so that they bound every statement of every revision), and the configured schema put first on
 * the {@code search_path} so that unqualified names in revisions land there. Session-wide, or per
 * transaction ({@code local}) behind a transaction pooler.
 *
 * <p>After each revision the session is put back to exactly this state ({@link #reset}), in the
 * same round trip as the revision's commit, so that a {@code SET} in one revision never reaches
 * the next one.
 *
 * <p>A migrating session also has the server check, while a statement runs, that the client is
 * still there ({@link #DEAD_CLIENT_CHECK}): when the run is killed in the middle of a statement
 * that waits for a lock or runs long, the server cancels that statement instead of finishing it
 * for nobody, and a non-transactional statement never commits after the run that recorded its
 * progress is gone.
 */
final class SessionSettings {
    /**
     * {@code client_connection_check_interval} (PostgreSQL 14+) set to one second for the session,
     * where the server supports it (a server too old, or on a platform without the check, keeps 0).
     * A {@code DO} block returns no rows, so it fits in a batch.
     */
    static final String DEAD_CLIENT_CHECK = "DO $migrate$ BEGIN IF pg_catalog.current_setting('server_version_num')::int"
            + " >= 140000 THEN PERFORM pg_catalog.set_config('client_connection_check_interval', '1000', false); END IF;"
            + " EXCEPTION WHEN OTHERS THEN NULL; END $migrate$";

    /**
     * The dead-client check as the session's start left it: the interval when the server took it,
     * {@code 0} when the platform has no check, SQL {@code NULL} before PostgreSQL 14. Read in the
     * same round trip as the settings, so that resets after each revision set it with a plain
     * {@code SET} where it works, instead of the {@code DO} block (a subtransaction) every time.
     */
    static final String DEAD_CLIENT_CHECK_STATE =
            "SELECT pg_catalog.current_setting('client_connection_check_interval', true) AS dead_client_check";

    /** The plain {@code SET} of the dead-client check, for a session whose server took it once. */
    static final String DEAD_CLIENT_CHECK_SET = "SET client_connection_check_interval = 1000";

    private SessionSettings() {
    }

    /** The settings of a migrating session: {@link #statements(DatabaseSettings, boolean)} and the dead-client check. */
    static List<String> session(DatabaseSettings settings) {
        List<String> sql = new ArrayList<>(statements(settings, false));
        sql.add(DEAD_CLIENT_CHECK);
        return sql;
    }

    static List<String> statements(DatabaseSettings settings, boolean local) {
        List<String> sql = new ArrayList<>(3);
        String scope = local ? "LOCAL " : "";
        if (!settings.lockTimeout().isZero()) {
            sql.add("SET " + scope + "lock_timeout = " + settings.lockTimeout().toMillis());
        }
        if (!settings.statementTimeout().isZero()) {
            sql.add("SET " + scope + "statement_timeout = " + settings.statementTimeout().toMillis());
        }
        if (!DatabaseSettings.DEFAULT_SCHEMA.equals(settings.schema())) {
            sql.add("SELECT pg_catalog.set_config('search_path', "
                    + Identifiers.literal(Identifiers.quote(settings.schema()) + ", ")
                    + " || pg_catalog.current_setting('search_path'), " + local + ")");
        }
        return sql;
    }

    /**
     * Statements (none of them returning rows, so they fit in a batch) that undo whatever a revision
     * changed in the session and re-apply the run's settings: {@code RESET ALL}, {@code RESET ROLE},
     * the timeouts, the dead-client check (when the session's server took it), and {@code search_path} as it was when the run started
     * ({@code searchPath}, as {@code SHOW search_path} printed it).
     */
    static List<String> reset(DatabaseSettings settings, String searchPath, boolean deadClientCheck) {
        List<String> sql = new ArrayList<>(6);
        sql.add("RESET ALL");
        sql.add("RESET ROLE");
        if (!settings.lockTimeout().isZero()) {
            sql.add("SET lock_timeout = " + settings.lockTimeout().toMillis());
        }
        if (!settings.statementTimeout().isZero()) {
            sql.add("SET statement_timeout = " + settings.statementTimeout().toMillis());
        }
        if (deadClientCheck) {
            sql.add(DEAD_CLIENT_CHECK_SET);
        }
        sql.add(searchPath == null || searchPath.isBlank() ? "SET search_path TO DEFAULT" : "SET search_path TO " + searchPath);
        return sql;
    }
}
