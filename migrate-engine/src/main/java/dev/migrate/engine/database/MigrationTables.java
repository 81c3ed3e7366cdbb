package dev.migrate.engine.database;

import dev.migrate.engine.graph.VersionChange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
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
                + "    direction varchar(16) NOT NULL CHECK (direction IN " + DIRECTIONS + "),\n"
                + "    checksum varchar(128),\n"
                + "    applied_by text NOT NULL DEFAULT current_user,\n"
                + "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
                + "    duration_ms bigint NOT NULL DEFAULT 0,\n"
                + "    environment text,\n"
                + "    tool_version text,\n"
                + "    message text,\n"
                + "    status varchar(16) NOT NULL DEFAULT 'done' CHECK (status IN " + STATUSES + "),\n"
                + "    statements_done integer\n"
                + ")";
    }

    /**
     * Brings a history table written by an earlier version up to date, keeping its rows: the
     * {@code status} and {@code statements_done} columns (progress of non-transactional steps), and
     * {@code accept} among the directions.
     */
    String evolveHistoryTable() {
        return "DO $migrate$ DECLARE c record; BEGIN\n"
                + "FOR c IN SELECT conname FROM pg_catalog.pg_constraint WHERE conrelid = " + Identifiers.literal(history)
                + "::regclass AND contype = 'c' AND pg_catalog.pg_get_constraintdef(oid) LIKE '%direction%' LOOP\n"
                + "EXECUTE 'ALTER TABLE " + history.replace("'", "''") + " DROP CONSTRAINT ' || pg_catalog.quote_ident(c.conname);\n"
                + "END LOOP;\n"
                + "ALTER TABLE " + history + " ADD CHECK (direction IN " + DIRECTIONS + "),\n"
                + "    ADD COLUMN IF NOT EXISTS status varchar(16) NOT NULL DEFAULT 'done' CHECK (status IN " + STATUSES + "),\n"
                + "    ADD COLUMN IF NOT EXISTS statements_done integer;\n"
                + "END $migrate$";
    }

    private static final String DIRECTIONS = "('upgrade', 'downgrade', 'stamp', 'accept')";
    private static final String STATUSES = "('done', 'running', 'abandoned')";

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
        } else if (!state.historyTableCurrent()) {
            sql.add(evolveHistoryTable());
        }
        return sql;
    }

    /** The name of {@link #tableState()}'s first column, by which its answer is found in a batch. */
    static final String TABLE_STATE_COLUMN = "migrate_schema_exists";

    /**
     * Which of schema, version table and history table exist, and whether the history table has this
     * version's columns: one query, four booleans. Its names are qualified, so it reads the same
     * whatever the session's {@code search_path}.
     */
    BoundSql tableState() {
        return BoundSql.of("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?) AS " + TABLE_STATE_COLUMN + ","
                        + " to_regclass(?) IS NOT NULL, to_regclass(?) IS NOT NULL,"
                        + " EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(?)"
                        + " AND attname = 'status' AND NOT attisdropped)",
                schema, version, history, history);
    }

    String selectHeads() {
        return "SELECT version_num FROM " + version;
    }

    /**
     * The checksum of the latest completed upgrade (or accepted edit) of each revision, in one query;
     * {@code current} false for a history table of an earlier version, not evolved yet.
     */
    String selectChecksums(boolean current) {
        return "SELECT DISTINCT ON (revision) revision, checksum FROM " + history
                + (current ? " WHERE direction IN ('upgrade', 'accept') AND status = 'done'" : " WHERE direction = 'upgrade'")
                + " ORDER BY revision, id DESC";
    }

    /** The non-transactional steps left running by an earlier run: id, revision, direction, statements done. */
    String selectInterrupted() {
        return "SELECT id, revision, direction, statements_done FROM " + history + " WHERE status = 'running' ORDER BY id";
    }

    /**
     * Starts the history row of a non-transactional step ({@code running}, no statement done) only
     * while {@code lockHeld} is true; returns its id, or no row when the lock is gone.
     */
    BoundSql historyStart(HistoryEntry entry, String lockHeld) {
        return BoundSql.of("INSERT INTO " + history
                        + " (revision, direction, checksum, duration_ms, environment, tool_version, message, status, statements_done)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, 'running', 0 WHERE " + lockHeld + " RETURNING id",
                entry.revision(), entry.direction(), entry.checksum(), entry.durationMs(),
                entry.environment(), entry.toolVersion(), entry.message());
    }

    /** Takes over the row of an interrupted step to resume it, only while {@code lockHeld}; returns its id. */
    String historyResume(long id, String lockHeld) {
        return "UPDATE " + history + " SET applied_at = now() WHERE id = " + id + " AND " + lockHeld + " RETURNING id";
    }

    /** Records that {@code done} statements of the step ran; returns whether the lock is still held. */
    String historyProgress(long id, int done, String lockHeld) {
        return "UPDATE " + history + " SET statements_done = " + done + " WHERE id = " + id + " RETURNING " + lockHeld;
    }

    /** Completes the row of a non-transactional step: {@code done}, with the file's checksum and the duration. */
    BoundSql historyFinish(long id, String checksum, long durationMs) {
        return BoundSql.of("UPDATE " + history + " SET status = 'done', statements_done = NULL, checksum = ?,"
                + " duration_ms = ? WHERE id = " + id, checksum, durationMs);
    }

    /** Drops the row of a non-transactional step that failed before any of its statements ran. */
    String historyDelete(long id) {
        return "DELETE FROM " + history + " WHERE id = " + id;
    }

    /** Marks every interrupted step as given up: a stamp says where the database is now. */
    String abandonInterrupted() {
        return "UPDATE " + history + " SET status = 'abandoned' WHERE status = 'running'";
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
        return checkedVersionChanges(changes, null);
    }

    /** SQLSTATE raised by {@link #checkedVersionChanges(List, String)} when the run's lock is gone. */
    static final String LOCK_LOST = "MG002";

    /**
     * As {@link #checkedVersionChanges(List)}, after checking that {@code lockHeld} (a SQL condition
     * from {@link SessionLock#heldCondition()}; null: no check) is true, raising {@link #LOCK_LOST} otherwise.
     */
    String checkedVersionChanges(List<VersionChange> changes, String lockHeld) {
        return checkedVersionChanges(changes, lockHeld, null, null);
    }

    /** SQLSTATE raised by a step's bookkeeping block when the step's own transaction is no longer the one running. */
    static final String OWN_TRANSACTION_ENDED = "MG003";

    /**
     * As {@link #checkedVersionChanges(List, String)} in one block with more checks and writes, so
     * that they all happen or none: first, when {@code transactionMark} is given (a custom setting
     * the step's transaction set with {@code SET LOCAL} to {@code on}), that the step is still in
     * that transaction, raising {@link #OWN_TRANSACTION_ENDED} otherwise; last, {@code history}.
     */
    String checkedVersionChanges(List<VersionChange> changes, String lockHeld, String transactionMark, String history) {
        StringBuilder sql = new StringBuilder("DECLARE n bigint; BEGIN\n");
        if (transactionMark != null) {
            sql.append("IF pg_catalog.current_setting(").append(Identifiers.literal(transactionMark))
                    .append(", true) IS DISTINCT FROM 'on' THEN RAISE EXCEPTION USING ERRCODE = '").append(OWN_TRANSACTION_ENDED)
                    .append("', MESSAGE = 'the transaction of the step ended before its version change'; END IF;\n");
        }
        if (lockHeld != null) {
            sql.append("IF NOT ").append(lockHeld).append(" THEN RAISE EXCEPTION USING ERRCODE = '").append(LOCK_LOST)
                    .append("', MESSAGE = 'migration lock lost'; END IF;\n");
        }
        for (int i = 0; i < changes.size(); i++) {
            sql.append(versionChange(changes.get(i)).inline()).append(";\n");
            if (!(changes.get(i) instanceof VersionChange.Insert)) {
                sql.append("GET DIAGNOSTICS n = ROW_COUNT;\nIF n <> 1 THEN RAISE EXCEPTION USING ERRCODE = '")
                        .append(VERSION_CONFLICT).append("', MESSAGE = '").append(i).append(" ' || n; END IF;\n");
            }
        }
        if (history != null) {
            sql.append(history).append(";\n");
        }
        sql.append("END ");
        String tag = "$migrate$";
        for (int i = 1; sql.indexOf(tag) >= 0; i++) {
            tag = "$migrate" + i + "$";
        }
        return "DO " + tag + " " + sql + tag;
    }

    BoundSql historyInsert(HistoryEntry entry) {
        return historyInsert(entry, String.valueOf(entry.durationMs()));
    }

    /**
     * As {@link #historyInsert}, with the duration measured by the server: from the start of the
     * transaction to this statement, for a row written in the same round trip as the step's SQL.
     */
    BoundSql historyInsertTimed(HistoryEntry entry) {
        return historyInsert(entry, "(EXTRACT(EPOCH FROM pg_catalog.clock_timestamp() - pg_catalog.now()) * 1000)::bigint");
    }

    private BoundSql historyInsert(HistoryEntry entry, String durationSql) {
        return BoundSql.of("INSERT INTO " + history
                        + " (revision, direction, checksum, duration_ms, environment, tool_version, message)"
                        + " VALUES (?, ?, ?, " + durationSql + ", ?, ?, ?)",
                entry.revision(), entry.direction(), entry.checksum(),
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

    /** {@code name + suffix}, {@code name} cut (at a whole character) so that it fits PostgreSQL's 63 bytes. */
    static String truncate(String name, String suffix) {
        int room = DatabaseSettings.MAX_IDENTIFIER_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        int end = 0;
        int bytes = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > room) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return name.substring(0, end) + suffix;
    }

    /** What {@link #tableState()} found: {@code row} is its answer. */
    static TableState tableState(ResultSet row) throws SQLException {
        return new TableState(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4));
    }

    /** What {@link #tableState()} found. */
    record TableState(boolean schemaExists, boolean versionTableExists, boolean historyTableExists,
                      boolean historyTableCurrent) {
        TableState(boolean schemaExists, boolean versionTableExists, boolean historyTableExists) {
            this(schemaExists, versionTableExists, historyTableExists, historyTableExists);
        }

        boolean complete() {
            return schemaExists && versionTableExists && historyTableExists && historyTableCurrent;
        }
    }
}
