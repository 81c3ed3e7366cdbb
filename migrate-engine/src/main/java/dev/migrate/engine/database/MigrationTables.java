package dev.migrate.engine.database;

import dev.migrate.engine.graph.VersionChange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL for our two tables, the version table (one row per current head, Alembic's model) and
 * the history table (one row per applied step). The only place that writes this SQL: the online
 * runner and the offline script both take their statements from here.
 */
public final class MigrationTables {
    private final String schema;
    private final String versionTableName;
    private final String historyTableName;
    private final String version;
    private final String history;

    public MigrationTables(String schema, String versionTable, String historyTable) {
        this.schema = schema;
        this.versionTableName = versionTable;
        this.historyTableName = historyTable;
        this.version = Identifiers.quote(schema) + "." + Identifiers.quote(versionTable);
        this.history = Identifiers.quote(schema) + "." + Identifiers.quote(historyTable);
    }

    public static MigrationTables of(DatabaseSettings settings) {
        return new MigrationTables(settings.schema(), settings.versionTable(), settings.historyTable());
    }

    public String schema() {
        return schema;
    }

    /** The qualified, quoted version table, e.g. {@code "public"."migrate_version"}. */
    public String versionTable() {
        return version;
    }

    /** The qualified, quoted history table. */
    public String historyTable() {
        return history;
    }

    String createSchema() {
        return "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema);
    }

    String createVersionTable() {
        return "CREATE TABLE IF NOT EXISTS " + version + " (\n"
                + "    version_num varchar(64) NOT NULL,\n"
                + "    CONSTRAINT " + Identifiers.quote(truncate(versionTableName, "_pkc")) + " PRIMARY KEY (version_num)\n"
                + ")";
    }

    String createHistoryTable() {
        return "CREATE TABLE IF NOT EXISTS " + history + " (\n"
                + "    id bigserial PRIMARY KEY,\n"
                + "    revision varchar(64) NOT NULL,\n"
                + "    direction varchar(16) NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp')),\n"
                + "    checksum varchar(128),\n"
                + "    applied_by text NOT NULL DEFAULT current_user,\n"
                + "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
                + "    duration_ms bigint NOT NULL DEFAULT 0,\n"
                + "    environment text,\n"
                + "    tool_version text,\n"
                + "    message text\n"
                + ")";
    }

    /** The statements that create whatever of schema, version table and history table is missing. */
    List<String> creation(TableState state) {
        List<String> sql = new ArrayList<>(3);
        if (!state.schemaExists()) {
            sql.add(createSchema());
        }
        if (!state.versionTableExists()) {
            sql.add(createVersionTable());
        }
        if (!state.historyTableExists()) {
            sql.add(createHistoryTable());
        }
        return sql;
    }

    /** Which of schema, version table and history table exist: one query, three booleans. */
    BoundSql tableState() {
        return BoundSql.of("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?),"
                        + " to_regclass(?) IS NOT NULL, to_regclass(?) IS NOT NULL",
                schema, version, history);
    }

    String selectHeads() {
        return "SELECT version_num FROM " + version;
    }

    /** The checksum of the latest upgrade of each revision, in one query. */
    String selectChecksums() {
        return "SELECT DISTINCT ON (revision) revision, checksum FROM " + history
                + " WHERE direction = 'upgrade' ORDER BY revision, id DESC";
    }

    /** The statement for one version change; an UPDATE or DELETE must then match exactly one row. */
    BoundSql versionChange(VersionChange change) {
        if (change instanceof VersionChange.Insert insert) {
            return BoundSql.of("INSERT INTO " + version + " (version_num) VALUES (?)", insert.version());
        }
        if (change instanceof VersionChange.Update update) {
            return BoundSql.of("UPDATE " + version + " SET version_num = ? WHERE version_num = ?",
                    update.to(), update.from());
        }
        VersionChange.Delete delete = (VersionChange.Delete) change;
        return BoundSql.of("DELETE FROM " + version + " WHERE version_num = ?", delete.version());
    }

    /** The version table's own name, unquoted and unqualified, as the server reports it in errors. */
    String versionTableName() {
        return versionTableName;
    }

    /** SQLSTATE of a checked version change that did not match exactly one row (see {@link #checkedVersionChanges}). */
    static final String VERSION_CONFLICT = "MG001";

    /**
     * The version changes as one statement that checks on the server that each UPDATE and DELETE
     * matched exactly one row, raising {@link #VERSION_CONFLICT} with the message
     * {@code "<index> <rows>"} otherwise, so that the check needs no round trip before COMMIT.
     */
    String checkedVersionChanges(List<VersionChange> changes) {
        StringBuilder sql = new StringBuilder("DO $migrate$ DECLARE n bigint; BEGIN\n");
        for (int i = 0; i < changes.size(); i++) {
            sql.append(versionChange(changes.get(i)).inline()).append(";\n");
            if (!(changes.get(i) instanceof VersionChange.Insert)) {
                sql.append("GET DIAGNOSTICS n = ROW_COUNT;\nIF n <> 1 THEN RAISE EXCEPTION USING ERRCODE = '")
                        .append(VERSION_CONFLICT).append("', MESSAGE = '").append(i).append(" ' || n; END IF;\n");
            }
        }
        return sql.append("END $migrate$").toString();
    }

    BoundSql historyInsert(HistoryEntry entry) {
        return BoundSql.of("INSERT INTO " + history
                        + " (revision, direction, checksum, duration_ms, environment, tool_version, message)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                entry.revision(), entry.direction(), entry.checksum(), entry.durationMs(),
                entry.environment(), entry.toolVersion(), entry.message());
    }

    /**
     * The advisory-lock key of this schema and version table: the first 8 bytes of a SHA-256, the
     * same in every JVM, so that all runs on one version table share one lock.
     */
    long lockKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("migrate:" + schema + "." + versionTableName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String truncate(String name, String suffix) {
        String full = name + suffix;
        return full.length() <= 63 ? full : name.substring(0, 63 - suffix.length()) + suffix;
    }

    /** What {@link #tableState()} found. */
    record TableState(boolean schemaExists, boolean versionTableExists, boolean historyTableExists) {
        boolean complete() {
            return schemaExists && versionTableExists && historyTableExists;
        }
    }
}
