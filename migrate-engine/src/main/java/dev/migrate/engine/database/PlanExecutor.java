package dev.migrate.engine.database;

import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the steps of a plan on one connection: each step's statements, then its version changes
 * and history row in one batch (one round trip), each UPDATE and DELETE checked to match one row.
 * A transactional step shares one transaction with its version change; a {@code Transactional:
 * false} step runs in autocommit and then writes its version change; {@link TransactionMode#ALL}
 * puts everything in one transaction.
 */
final class PlanExecutor {
    private final Connection connection;
    private final DatabaseSettings settings;
    private final MigrationTables tables;
    private final MigrationListener listener;

    PlanExecutor(Connection connection, DatabaseSettings settings, MigrationTables tables, MigrationListener listener) {
        this.connection = connection;
        this.settings = settings;
        this.tables = tables;
        this.listener = listener;
    }

    /** Checks the whole plan first (scripts present, reversible, runnable in this mode), then runs it. */
    List<AppliedStep> execute(Plan plan, Map<String, RevisionScript> scripts, TransactionMode mode, Set<String> heads) {
        List<RevisionScript> ordered = validate(plan, scripts, mode, settings.lockMode());
        Set<String> current = new LinkedHashSet<>(heads);
        List<AppliedStep> applied = new ArrayList<>(plan.steps().size());
        boolean all = mode == TransactionMode.ALL;
        String wholeRun = "The whole run was rolled back; the version table is still at " + describe(heads) + ".";
        try {
            if (all) {
                begin();
            }
            for (int i = 0; i < ordered.size(); i++) {
                Step step = plan.steps().get(i);
                RevisionScript script = ordered.get(i);
                listener.stepStarting(step, script);
                Duration took = all ? runInRunTransaction(step, script, current, wholeRun) : runOne(step, script, current);
                applied.add(new AppliedStep(step, took));
                if (!all) {
                    listener.stepCompleted(step, script, took);
                }
            }
            if (all && !ordered.isEmpty()) {
                commit(plan.steps().get(ordered.size() - 1), ordered.get(ordered.size() - 1), wholeRun);
                for (int i = 0; i < applied.size(); i++) {
                    listener.stepCompleted(applied.get(i).step(), ordered.get(i), applied.get(i).duration());
                }
            }
            return applied;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new DatabaseException("Running the plan failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /** One step of a {@code transaction=all} run: no commit of its own. */
    private Duration runInRunTransaction(Step step, RevisionScript script, Set<String> current, String outcome)
            throws SQLException {
        long start = System.nanoTime();
        runStatements(step, script, outcome);
        writeVersion(step, script, start, current);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * One step in its own transaction with its version change; or, when not transactional, its
     * statements in autocommit and then its version change in a transaction.
     */
    private Duration runOne(Step step, RevisionScript script, Set<String> current) throws SQLException {
        long start = System.nanoTime();
        if (script.transactional()) {
            begin();
            String outcome = "The revision was rolled back; the version table is still at " + describe(current) + ".";
            runStatements(step, script, outcome);
            writeVersionAndCommit(step, script, start, current, outcome);
        } else {
            connection.setAutoCommit(true);
            runStatements(step, script, "The revision is not transactional: its statements before this one "
                    + "stay applied; the version table is still at " + describe(current) + ".");
            begin();
            writeVersion(step, script, start, current);
            commit();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Writes a stamp plan's version changes and one stamp history row each, in one transaction. */
    void stamp(List<VersionChange> changes, Map<String, RevisionScript> scripts) {
        try {
            begin();
            List<VersionChange> checked = new ArrayList<>(changes);
            List<HistoryEntry> history = new ArrayList<>(changes.size());
            for (VersionChange change : changes) {
                history.add(stampEntry(change, scripts, settings));
            }
            batch("stamp", checked, history);
            commit();
            changes.forEach(listener::stamped);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new DatabaseException("Stamping failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * The script of each step, in order, after checking the whole plan: every script present, no
     * irreversible revision in a downgrade, no non-transactional revision where none can run.
     */
    static List<RevisionScript> validate(Plan plan, Map<String, RevisionScript> scripts, TransactionMode mode,
                                         LockMode lockMode) {
        List<RevisionScript> ordered = new ArrayList<>(plan.steps().size());
        Set<String> missing = new TreeSet<>();
        List<RevisionScript> irreversible = new ArrayList<>();
        List<String> nonTransactional = new ArrayList<>();
        for (Step step : plan.steps()) {
            RevisionScript script = scripts.get(step.revision().id());
            ordered.add(script);
            if (script == null) {
                missing.add(step.revision().id());
                continue;
            }
            if (step.direction() == Direction.DOWNGRADE && !script.reversible()) {
                irreversible.add(script);
            }
            if (!script.transactional()) {
                nonTransactional.add(script.id());
            }
            // a file known from the revision cache is read here, so that its errors come before anything runs
            (step.direction() == Direction.UPGRADE ? script.upgrade() : script.downgrade()).size();
        }
        if (!missing.isEmpty()) {
            throw new MissingRevisionScriptException(List.copyOf(missing));
        }
        if (!irreversible.isEmpty()) {
            throw new IrreversibleRevisionException(irreversible);
        }
        if (!nonTransactional.isEmpty() && mode == TransactionMode.ALL) {
            throw new NonTransactionalRevisionException(nonTransactional,
                    "the whole run is one transaction (transaction=all); run them separately");
        }
        if (!nonTransactional.isEmpty() && lockMode == LockMode.TRANSACTION) {
            throw new NonTransactionalRevisionException(nonTransactional,
                    "a transaction pooler cannot run them; use the session pooler (port 5432) for this upgrade");
        }
        return ordered;
    }

    private void begin() throws SQLException {
        connection.setAutoCommit(false);
        if (settings.lockMode() == LockMode.TRANSACTION) {
            List<String> sql = new ArrayList<>(SessionSettings.statements(settings, true));
            if (!settings.lockTimeout().isZero()) {
                sql.add("SET LOCAL lock_timeout = " + settings.lockTimeout().toMillis());
            }
            sql.add("SELECT pg_catalog.pg_advisory_xact_lock(" + tables.lockKey() + ")");
            try (Statement st = connection.createStatement()) {
                st.execute(String.join(";\n", sql));
            } catch (SQLException e) {
                if (SessionLock.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    rollbackQuietly();
                    throw new LockTimeoutException(tables.versionTable(), tables.lockKey(), settings.lockTimeout());
                }
                throw e;
            }
        }
    }

    private void commit() throws SQLException {
        connection.commit();
    }

    /** Commits a revision's transaction; a failure here (a deferred constraint) is that revision's failure. */
    private void commit(Step step, RevisionScript script, String outcome) {
        try {
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            List<SqlStatement> statements = step.direction() == Direction.UPGRADE ? script.upgrade() : script.downgrade();
            int line = statements.isEmpty() ? 0 : statements.get(statements.size() - 1).line();
            throw failure(step, script, new SqlStatement("COMMIT", line), e, outcome);
        }
    }

    private void runStatements(Step step, RevisionScript script, String outcome) {
        List<SqlStatement> statements = step.direction() == Direction.UPGRADE ? script.upgrade() : script.downgrade();
        try (Statement st = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                try {
                    st.execute(statement.sql());
                } catch (SQLException e) {
                    rollbackQuietly();
                    throw failure(step, script, statement, e, outcome);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Could not create a statement for revision " + script.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A transactional step's bookkeeping in one round trip: its version changes (checked on the
     * server to match one row each), its history row, and COMMIT. A version-table conflict is
     * reported as such; any other failure here (a deferred constraint at COMMIT) is the revision's.
     */
    private void writeVersionAndCommit(Step step, RevisionScript script, long startNanos, Set<String> current,
                                       String outcome) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        String sql = tables.checkedVersionChanges(step.versionChanges()) + ";\n"
                + tables.historyInsert(historyEntry(step, script, ms, settings)).inline() + ";\nCOMMIT";
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            rollbackQuietly();
            VersionChange conflict = conflictingChange(step.versionChanges(), e);
            if (conflict != null) {
                throw new VersionTableConflictException(tables.versionTable(), script.id(), conflict, rowsMatched(e), e);
            }
            List<SqlStatement> statements = step.direction() == Direction.UPGRADE ? script.upgrade() : script.downgrade();
            int line = statements.isEmpty() ? 0 : statements.get(statements.size() - 1).line();
            throw failure(step, script, new SqlStatement("COMMIT", line), e, outcome);
        }
        for (VersionChange change : step.versionChanges()) {
            apply(change, current);
        }
    }

    /** The change a version-table conflict is about: a checked change that missed, or an insert that collided. */
    private VersionChange conflictingChange(List<VersionChange> changes, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return null;
        }
        if (MigrationTables.VERSION_CONFLICT.equals(e.getSQLState())) {
            return changes.get(Integer.parseInt(server.getMessage().split(" ")[0]));
        }
        if ("23505".equals(e.getSQLState()) && tables.versionTableName().equals(server.getTable())) {
            return changes.stream().filter(c -> c instanceof VersionChange.Insert).findFirst().orElse(changes.get(0));
        }
        return null;
    }

    private static int rowsMatched(SQLException e) {
        if (MigrationTables.VERSION_CONFLICT.equals(e.getSQLState()) && e instanceof PSQLException p) {
            return Integer.parseInt(p.getServerErrorMessage().getMessage().split(" ")[1]);
        }
        return -1;
    }

    private void writeVersion(Step step, RevisionScript script, long startNanos, Set<String> current) throws SQLException {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        HistoryEntry entry = historyEntry(step, script, ms, settings);
        batch(script.id(), step.versionChanges(), List.of(entry));
        for (VersionChange change : step.versionChanges()) {
            apply(change, current);
        }
    }

    /** One round trip: the version changes and history rows as a batch, then each count checked. */
    private void batch(String revision, List<VersionChange> changes, List<HistoryEntry> history) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (VersionChange change : changes) {
                st.addBatch(tables.versionChange(change).inline());
            }
            for (HistoryEntry entry : history) {
                st.addBatch(tables.historyInsert(entry).inline());
            }
            int[] counts;
            try {
                counts = st.executeBatch();
            } catch (BatchUpdateException e) {
                int failed = e.getUpdateCounts() == null ? 0 : firstFailure(e.getUpdateCounts());
                if (failed < changes.size()) {
                    rollbackQuietly();
                    throw new VersionTableConflictException(tables.versionTable(), revision, changes.get(failed), -1,
                            e.getNextException() == null ? e : e.getNextException());
                }
                throw e;
            }
            for (int i = 0; i < changes.size(); i++) {
                if (counts[i] != 1) {
                    rollbackQuietly();
                    throw new VersionTableConflictException(tables.versionTable(), revision, changes.get(i), counts[i], null);
                }
            }
        }
    }

    private static int firstFailure(int[] counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.EXECUTE_FAILED) {
                return i;
            }
        }
        return counts.length;
    }

    private MigrationFailedException failure(Step step, RevisionScript script, SqlStatement statement, SQLException e,
                                             String outcome) {
        String message = e.getMessage();
        int line = statement.line();
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage server = p.getServerErrorMessage();
            message = server.getMessage();
            if (server.getDetail() != null) {
                message += " (" + server.getDetail() + ")";
            }
            int position = server.getPosition();
            if (position > 0 && position <= statement.sql().length()) {
                line += (int) statement.sql().substring(0, position - 1).chars().filter(c -> c == '\n').count();
            }
        }
        return new MigrationFailedException(script.id(), step.direction(), script.file(), line, e.getSQLState(),
                message, statement.sql(), outcome, e);
    }

    private void rollbackQuietly() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls the transaction back when it goes
        }
    }

    static HistoryEntry historyEntry(Step step, RevisionScript script, long durationMs, DatabaseSettings settings) {
        return new HistoryEntry(script.id(), step.direction().word(), script.checksum(), durationMs,
                settings.environment(), settings.toolVersion(), script.message());
    }

    static HistoryEntry stampEntry(VersionChange change, Map<String, RevisionScript> scripts, DatabaseSettings settings) {
        String revision = stampedRevision(change);
        RevisionScript script = scripts.get(revision);
        return new HistoryEntry(revision, "stamp", script == null ? null : script.checksum(), 0,
                settings.environment(), settings.toolVersion(), ProgressLines.stamp(change).substring("Running ".length()));
    }

    static String stampedRevision(VersionChange change) {
        if (change instanceof VersionChange.Insert i) {
            return i.version();
        }
        if (change instanceof VersionChange.Update u) {
            return u.to();
        }
        return ((VersionChange.Delete) change).version();
    }

    static void apply(VersionChange change, Set<String> heads) {
        if (change instanceof VersionChange.Insert i) {
            heads.add(i.version());
        } else if (change instanceof VersionChange.Update u) {
            heads.remove(u.from());
            heads.add(u.to());
        } else {
            heads.remove(((VersionChange.Delete) change).version());
        }
    }

    static String describe(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", new TreeSet<>(heads));
    }
}
