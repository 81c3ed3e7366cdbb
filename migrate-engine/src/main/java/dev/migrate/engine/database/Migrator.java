package dev.migrate.engine.database;

import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.scripts.RevisionScript;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs plans against one database. A run takes the migration lock, creates the version and
 * history tables when missing, reads the heads and applied checksums (one query each), checks
 * the local files against them, asks the caller's planner for a plan from the heads it read
 * under the lock (so the second of two concurrent runs finds nothing to do), and executes it.
 *
 * <pre>{@code
 * try (Migrator migrator = Migrator.connect(settings)) {
 *     RunResult result = migrator.migrate(scripts, heads -> graph.upgradePlan(heads, "heads"),
 *             RunOptions.defaults(), MigrationListener.lines(log::info));
 * }
 * }</pre>
 */
public final class Migrator implements AutoCloseable {
    private final DatabaseSettings settings;
    private final MigrationTables tables;
    private final Connection connection;
    private String searchPath;
    /** The table state read with the session settings, under the run's lock; null once used. */
    private MigrationTables.TableState stateAtConfiguration;
    private boolean deadClientCheck;

    private Migrator(DatabaseSettings settings, Connection connection) {
        this.settings = settings;
        this.tables = MigrationTables.of(settings);
        this.connection = connection;
    }

    /** Opens the connection that runs the migrations; the lock takes its own when a run starts. */
    public static Migrator connect(DatabaseSettings settings) {
        return new Migrator(settings, Connections.open(settings));
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * The heads and applied checksums, read without the lock and without creating anything: an
     * empty state when the tables do not exist yet. For {@code current}, {@code history}, {@code check}.
     */
    public DatabaseState readState() {
        try {
            MigrationTables.TableState state = tableState();
            return readState(state.versionTableExists(), state.historyTableExists(), state.historyTableCurrent());
        } catch (SQLException e) {
            throw new DatabaseException("Could not read " + tables.versionTable() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The heads alone, without the lock and without creating anything: what {@code current},
     * {@code history -Dmigrate.indicateCurrent} and {@code checkHeads} need, without the checksums
     * ({@link #readState()} reads one per applied revision). Empty when the version table does not exist yet.
     */
    public Set<String> readHeads() {
        try {
            if (!tableState().versionTableExists()) {
                return Set.of();
            }
            Set<String> heads = new HashSet<>();
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(tables.selectHeads())) {
                while (rs.next()) {
                    heads.add(rs.getString(1));
                }
            }
            return heads;
        } catch (SQLException e) {
            throw new DatabaseException("Could not read " + tables.versionTable() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Upgrades or downgrades: lock, tables, state, checks (unknown heads; edited files, before any
     * upgrade or downgrade, even one with nothing to do; an interrupted non-transactional revision),
     * then {@code planner.apply(heads)} and its execution. Accepted edits are recorded first.
     *
     * @param scripts the local revision files by revision id
     * @param planner makes the plan from the heads read under the lock
     */
    public RunResult migrate(Map<String, RevisionScript> scripts, Function<Set<String>, Plan> planner,
                             RunOptions options, MigrationListener listener) {
        return locked(listener, (lock, state, lockWait, start) -> {
            ScriptChecks.requireKnownHeads(scripts, state, tables.versionTable());
            List<EditedRevision> accepted = ScriptChecks.requireUneditedOrAccepted(scripts, state, options.acceptChanged());
            Plan plan = planner.apply(state.heads());
            InterruptedStep resume = ScriptChecks.requireNoInterruption(scripts, state, plan, options.resume(),
                    tables.historyTable());
            if (!accepted.isEmpty()) {
                executor(listener, lock, 0, null).accept(accepted, scripts);
            }
            List<AppliedStep> applied = executor(listener, lock, settings.lockRetries(), resume)
                    .execute(plan, scripts, options.transactionMode(), state.heads());
            Set<String> end = new HashSet<>(state.heads());
            for (AppliedStep step : applied) {
                step.step().versionChanges().forEach(c -> PlanExecutor.apply(c, end));
            }
            return new RunResult(state.heads(), end, applied, List.of(), lockWait, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /**
     * Writes a stamp plan's version changes, with one {@code stamp} history row each, in one
     * transaction; runs no revision. The planner gets the heads read under the lock. A stamp also
     * settles an interrupted non-transactional revision: the user says where the database is.
     */
    public RunResult stamp(Map<String, RevisionScript> scripts, Function<Set<String>, Plan> planner, MigrationListener listener) {
        return locked(listener, (lock, state, lockWait, start) -> {
            Plan plan = planner.apply(state.heads());
            if (!plan.steps().isEmpty()) {
                throw new IllegalArgumentException("A stamp plan runs no steps, this one has " + plan.steps().size());
            }
            executor(listener, lock, 0, null).stamp(plan.stampChanges(), scripts, !state.interrupted().isEmpty());
            Set<String> end = new HashSet<>(state.heads());
            plan.stampChanges().forEach(c -> PlanExecutor.apply(c, end));
            return new RunResult(state.heads(), end, List.of(), plan.stampChanges(), lockWait,
                    Duration.ofNanos(System.nanoTime() - start));
        });
    }

    private interface LockedWork {
        RunResult run(SessionLock lock, DatabaseState state, Duration lockWait, long startNanos);
    }

    private RunResult locked(MigrationListener listener, LockedWork work) {
        long start = System.nanoTime();
        SessionLock lock = null;
        try {
            Duration lockWait = Duration.ZERO;
            if (settings.lockMode() == LockMode.SESSION) {
                Connection lockConnection = Connections.open(settings, true);
                try {
                    lock = SessionLock.acquire(lockConnection, tables.lockKey(), settings.lockTimeout(), tables.versionTable());
                } catch (RuntimeException e) {
                    closeQuietly(lockConnection);
                    throw e;
                }
                lockWait = lock.waited();
                listener.lockAcquired(lockWait);
            }
            configureSession();
            DatabaseState state = ensureTablesAndRead(listener);
            return work.run(lock, state, lockWait, start);
        } catch (SQLException e) {
            throw new DatabaseException("Could not prepare " + tables.versionTable() + ": " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private PlanExecutor executor(MigrationListener listener, SessionLock lock, int lockRetries, InterruptedStep resume) {
        return new PlanExecutor(connection, settings, tables, listener,
                new PlanExecutor.Context(lock, searchPath, deadClientCheck, lockRetries, resume));
    }

    /**
     * Applies the run's settings to the session, and notes the resulting {@code search_path}, which
     * the session is reset to after every revision; reads the table state in the same round trip,
     * for {@link #ensureTablesAndRead}. One round trip, once per connection.
     */
    private void configureSession() throws SQLException {
        if (searchPath != null || settings.lockMode() == LockMode.TRANSACTION) {
            return;
        }
        List<String> sql = new ArrayList<>(SessionSettings.session(settings));
        sql.add(SessionSettings.DEAD_CLIENT_CHECK_STATE);
        sql.add("SHOW search_path");
        sql.add(tables.tableState().inline());
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute(String.join(";\n", sql));
            while (true) {
                if (st.getResultSet() != null) {
                    try (ResultSet rs = st.getResultSet()) {
                        if (rs.next()) {
                            String column = rs.getMetaData().getColumnName(1);
                            if (column.equalsIgnoreCase("search_path")) {
                                String shown = rs.getString(1);
                                searchPath = shown.equals("\"\"") ? "''" : shown;
                            } else if (column.equalsIgnoreCase("dead_client_check")) {
                                String interval = rs.getString(1);
                                deadClientCheck = interval != null && !interval.equals("0");
                            } else if (column.equalsIgnoreCase(MigrationTables.TABLE_STATE_COLUMN)) {
                                stateAtConfiguration = MigrationTables.tableState(rs);
                            }
                        }
                    }
                }
                if (!st.getMoreResults() && st.getUpdateCount() == -1) {
                    break;
                }
            }
        }
        if (searchPath == null) {
            searchPath = "";
        }
    }

    private DatabaseState ensureTablesAndRead(MigrationListener listener) throws SQLException {
        MigrationTables.TableState state = stateAtConfiguration != null ? stateAtConfiguration : tableState();
        stateAtConfiguration = null; // read once: the next run on this connection asks again
        if (!state.complete()) {
            List<String> creation = tables.creation(state);
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                if (settings.lockMode() == LockMode.TRANSACTION) {
                    // no session lock: serialize concurrent first runs for the creation at least
                    st.execute("SELECT pg_catalog.pg_advisory_xact_lock(" + tables.lockKey() + ")");
                }
                st.execute(String.join(";\n", creation));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            listener.tablesCreated(creation);
        }
        return readState(true, true, true);
    }

    private MigrationTables.TableState tableState() throws SQLException {
        BoundSql query = tables.tableState();
        try (PreparedStatement st = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.values().size(); i++) {
                st.setString(i + 1, (String) query.values().get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return MigrationTables.tableState(rs);
            }
        }
    }

    /** Heads, applied checksums and interrupted steps, in one round trip. */
    private DatabaseState readState(boolean versionTable, boolean historyTable, boolean historyCurrent) throws SQLException {
        Set<String> heads = new HashSet<>();
        Map<String, String> checksums = new HashMap<>();
        List<InterruptedStep> interrupted = new ArrayList<>();
        List<String> queries = new ArrayList<>(3);
        if (versionTable) {
            queries.add(tables.selectHeads());
        }
        if (historyTable) {
            queries.add(tables.selectChecksums(historyCurrent));
            if (historyCurrent) {
                queries.add(tables.selectInterrupted());
            }
        }
        if (queries.isEmpty()) {
            return DatabaseState.empty();
        }
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute(String.join(";\n", queries));
            int index = versionTable ? 0 : 1;
            do {
                try (ResultSet rs = st.getResultSet()) {
                    while (rs.next()) {
                        switch (index) {
                            case 0 -> heads.add(rs.getString(1));
                            case 1 -> {
                                if (rs.getString(2) != null) {
                                    checksums.put(rs.getString(1), rs.getString(2));
                                }
                            }
                            default -> interrupted.add(new InterruptedStep(rs.getLong(1), rs.getString(2),
                                    "downgrade".equals(rs.getString(3)) ? Direction.DOWNGRADE : Direction.UPGRADE, rs.getInt(4)));
                        }
                    }
                }
                index++;
            } while (st.getMoreResults());
        }
        return new DatabaseState(heads, checksums, interrupted);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }
}
