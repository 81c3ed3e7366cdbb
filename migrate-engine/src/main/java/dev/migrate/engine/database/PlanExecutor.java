package dev.migrate.engine.database;

import dev.migrate.engine.Advice;
import static dev.migrate.engine.Advice.command;
import static dev.migrate.engine.Advice.setting;

import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.JavaStep;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs the steps of a plan on one connection.
 *
 * <p>A transactional SQL step is one round trip (one simple query, the server stopping at the
 * first error): {@code BEGIN}, its statements, then one block with the check that the step is
 * still in its own transaction, the check that the run still holds its lock, its version changes
 * (each UPDATE and DELETE checked on the server to match one row) and its history row, then
 * {@code COMMIT} and the reset of the session to the run's settings. A Java step, or one behind a
 * transaction pooler, runs its statements one by one and the bookkeeping in a batch after them.
 * A statement that hits {@code lock_timeout} rolls the step back and, with {@code lockRetries},
 * runs it again after a pause.
 *
 * <p>A {@code Transactional: false} step runs in autocommit, recording its progress statement by
 * statement in its history row ({@code running}, {@code statements_done}), each record also
 * checking the lock; then its version change in a transaction as above. A later run finds an
 * interrupted step by that row and can resume it after the last statement recorded.
 *
 * <p>{@link TransactionMode#ALL} puts everything in one transaction.
 */
final class PlanExecutor {
    /** How the run around the executor is set up. */
    record Context(SessionLock lock, String searchPath, boolean deadClientCheck, int lockRetries, InterruptedStep resume) {
        static Context none() {
            return new Context(null, null, false, 0, null);
        }
    }

    static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(250);
    static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(10);
    private static final String LOCK_NOT_AVAILABLE = SessionLock.LOCK_NOT_AVAILABLE;

    private final Connection connection;
    private final DatabaseSettings settings;
    private final MigrationTables tables;
    private final MigrationListener listener;
    private final Context context;
    private final String lockHeld;
    private final List<String> resetStatements;
    private final String reset;
    private ScheduledThreadPoolExecutor prober;
    private volatile String blockers = "";
    /** {@link System#nanoTime} when the running statement was sent, 0 between statements; read by the probe. */
    private volatile long statementSince;
    private long probeTick;
    private int pid;

    PlanExecutor(Connection connection, DatabaseSettings settings, MigrationTables tables, MigrationListener listener,
                 Context context) {
        this.connection = connection;
        this.settings = settings;
        this.tables = tables;
        this.listener = listener;
        this.context = context;
        this.lockHeld = context.lock() == null ? null : context.lock().heldCondition();
        this.resetStatements = settings.lockMode() == LockMode.TRANSACTION ? List.of()
                : SessionSettings.reset(settings, context.searchPath(), context.deadClientCheck());
        this.reset = String.join(";\n", resetStatements);
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
                commitRun(plan.steps().get(ordered.size() - 1), ordered.get(ordered.size() - 1), wholeRun);
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
        } finally {
            if (prober != null) {
                prober.shutdownNow();
            }
        }
    }

    /** One step of a {@code transaction=all} run: no commit of its own, the session reset after it. */
    private Duration runInRunTransaction(Step step, RevisionScript script, Set<String> current, String outcome)
            throws SQLException {
        long start = System.nanoTime();
        runTransactionalStatements(step, script, outcome);
        writeVersion(step, script, start, current, true);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * One step in its own transaction with its version change, retried on {@code lock_timeout} up to
     * {@code lockRetries} times; or, when not transactional, statement by statement.
     */
    private Duration runOne(Step step, RevisionScript script, Set<String> current) throws SQLException {
        if (!script.transactional()) {
            return runNonTransactional(step, script, current);
        }
        Duration pause = FIRST_RETRY_PAUSE;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            String outcome = "The revision was rolled back; the version table is still at " + describe(current) + ".";
            try {
                if (!script.isJava() && settings.lockMode() == LockMode.SESSION) {
                    runPipelined(step, script, current, outcome);
                } else {
                    begin();
                    runTransactionalStatements(step, script, outcome);
                    requireOwnTransaction(step, script);
                    writeVersionAndCommit(step, script, start, current, outcome);
                }
                return Duration.ofNanos(System.nanoTime() - start);
            } catch (MigrationFailedException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.sqlState().orElse(null)) || attempt > context.lockRetries()) {
                    throw e;
                }
                Duration wait = jitter(pause);
                listener.lockRetry(step, script, attempt, context.lockRetries(), wait, e.databaseMessage());
                sleep(wait);
                pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0 ? LONGEST_RETRY_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /**
     * A non-transactional step: its history row is started (or, when resuming, taken over) while the
     * lock is held, each statement runs in autocommit and is recorded as done with a check of the
     * lock, then the version change, the lock check and the completed history row commit together.
     */
    private Duration runNonTransactional(Step step, RevisionScript script, Set<String> current) throws SQLException {
        long start = System.nanoTime();
        List<SqlStatement> statements = statements(step, script);
        InterruptedStep resume = context.resume();
        boolean resuming = resume != null && resume.revision().equals(script.id()) && resume.direction() == step.direction();
        int total = script.isJava() ? 1 : statements.size(); // a Java revision is one step of progress
        int from = resuming ? Math.min(resume.statementsDone(), total) : 0;
        connection.setAutoCommit(true);
        long id = -1;
        if (settings.lockMode() == LockMode.SESSION) {
            String sql = resuming ? tables.historyResume(resume.historyId(), lockHeldOrTrue())
                    : tables.historyStart(historyEntry(step, script, 0, settings), lockHeldOrTrue()).inline();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                if (!rs.next()) {
                    throw lockLost(script, "None of its statements ran.");
                }
                id = rs.getLong(1);
            }
            if (resuming) {
                listener.resuming(step, script, from, total);
            }
        }
        if (script.isJava()) {
            if (from == 0) {
                runNonTransactionalJava(step, script, id, current);
            }
        } else {
            runInAutocommit(step, script, statements, from, id, current);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        String history = id >= 0 ? tables.historyFinish(id, script.checksum(), ms).inline()
                : tables.historyInsert(historyEntry(step, script, ms, settings)).inline();
        connection.setAutoCommit(false);
        commitBatch(step, script, history, current, (script.isJava() ? "Its Java code ran (recorded)"
                : "All " + statements.size() + " statements ran (recorded)") + ", but its "
                + "version change was not written; the version table is still at " + describe(current) + ".");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The statements of a non-transactional step from {@code from} on, each recorded as done (when {@code id >= 0}). */
    private void runInAutocommit(Step step, RevisionScript script, List<SqlStatement> statements, int from, long id,
                                 Set<String> current) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (int i = from; i < statements.size(); i++) {
                SqlStatement statement = statements.get(i);
                try {
                    st.execute(statement.sql());
                } catch (SQLException e) {
                    if (connectionLost(e)) {
                        throw connectionLost(script, statement, i + 1, statements.size(), e, (i == 0 ? "None of its statements"
                                + " ran" : ran(i, statements.size()) + " and are recorded") + "; the version table is still at "
                                + describe(current) + ". Once the database is reachable again, continue with "
                                + Advice.setting("resume=" + script.id()) + " (it runs the statement cut off again), or finish the revision by hand and "
                                + "record it with " + Advice.command("stamp") + ".");
                    }
                    if (i == 0 && id >= 0) {
                        deleteQuietly(id);
                    }
                    throw failure(step, script, statement, e, nonTransactionalOutcome(script, i, statements.size(), current, e));
                }
                if (id >= 0) {
                    try (ResultSet rs = st.executeQuery(tables.historyProgress(id, i + 1, lockHeldOrTrue()))) {
                        if (!rs.next() || !rs.getBoolean(1)) {
                            throw lockLost(script, ran(i + 1, statements.size()) + " and are recorded; the version table "
                                    + "is still at " + describe(current) + ". The next run says so and offers "
                                    + setting("resume=" + script.id()) + ".");
                        }
                    } catch (SQLException e) {
                        if (!connectionLost(e)) {
                            throw e;
                        }
                        throw connectionLost(script, statement, i + 1, statements.size(), e, ran(i + 1, statements.size())
                                + ", but the record of the last one may be missing, so " + Advice.setting("resume=" + script.id())
                                + " may run it again; the version table is still at " + describe(current) + ".");
                    }
                }
            }
        }
    }

    /**
     * A non-transactional Java revision in autocommit, as one step of progress: recorded as done in
     * its history row when it returns, so that a resume does not run it again.
     */
    private void runNonTransactionalJava(Step step, RevisionScript script, long id, Set<String> current) throws SQLException {
        String outcome = "The revision is not transactional: what its code ran before it failed stays applied; the "
                + "version table is still at " + describe(current) + ". Fix the class (or the data), then run the "
                + "upgrade again (the method runs from its start), or finish it by hand and record it with " + Advice.command("stamp") + ".";
        try {
            runJava(step, script, false, outcome);
        } catch (JavaMigrationFailedException e) {
            if (id >= 0) {
                deleteQuietly(id);
            }
            throw e;
        }
        if (id >= 0) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery(tables.historyProgress(id, 1, lockHeldOrTrue()))) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw lockLost(script, "Its Java code ran and is recorded; the version table is still at "
                            + describe(current) + ". The next run says so and offers " + Advice.setting("resume=" + script.id()) + ".");
                }
            }
        }
    }

    private String nonTransactionalOutcome(RevisionScript script, int failed, int total, Set<String> current, SQLException e) {
        String lockHint = LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                ? " It is not retried (lockRetries applies to transactional revisions only): the statements before it "
                + "would run again." : "";
        if (failed == 0) {
            return "The revision is not transactional; none of its statements ran; the version table is still at "
                    + describe(current) + "." + lockHint;
        }
        return "The revision is not transactional: " + ran(failed, total) + (failed == 1 ? " and stays" : " and stay") + " applied (recorded in "
                + tables.historyTable() + "); the version table is still at " + describe(current) + "." + lockHint
                + " Fix the failing statement, then continue from it with " + setting("resume=" + script.id())
                + ", or finish the revision by hand and record it with " + command("stamp") + ".";
    }

    private static String ran(int done, int total) {
        return done == 1 ? "statement 1 of " + total + " ran" : "statements 1 to " + done + " of " + total + " ran";
    }

    /** Writes a stamp plan's version changes and one stamp history row each, in one transaction. */
    void stamp(List<VersionChange> changes, Map<String, RevisionScript> scripts, boolean abandonInterrupted) {
        try {
            begin();
            List<HistoryEntry> history = new ArrayList<>(changes.size());
            for (VersionChange change : changes) {
                history.add(stampEntry(change, scripts, settings));
            }
            batch("stamp", changes, history, abandonInterrupted ? List.of(tables.abandonInterrupted()) : List.of());
            connection.commit();
            changes.forEach(listener::stamped);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new DatabaseException("Stamping failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /** Records accepted edits: one {@code accept} history row each, with the file's checksum now, in one transaction. */
    void accept(List<EditedRevision> accepted, Map<String, RevisionScript> scripts) {
        try {
            begin();
            List<HistoryEntry> history = new ArrayList<>(accepted.size());
            for (EditedRevision edit : accepted) {
                RevisionScript script = scripts.get(edit.revision());
                history.add(new HistoryEntry(edit.revision(), "accept", edit.currentChecksum(), 0, settings.environment(),
                        settings.toolVersion(), "accepted edited file " + script.file() + " (was " + edit.appliedChecksum() + ")"));
            }
            batch("accept", List.of(), history, List.of());
            connection.commit();
            accepted.forEach(edit -> listener.editAccepted(edit));
        } catch (SQLException e) {
            rollbackQuietly();
            throw new DatabaseException("Recording the accepted edits failed: " + e.getMessage(), e);
        }
    }

    /**
     * The script of each step, in order, after checking the whole plan: every script present, no
     * irreversible revision in a downgrade, no transaction control in a transactional revision, no
     * non-transactional revision where none can run.
     */
    static List<RevisionScript> validate(Plan plan, Map<String, RevisionScript> scripts, TransactionMode mode,
                                         LockMode lockMode) {
        List<RevisionScript> ordered = new ArrayList<>(plan.steps().size());
        Set<String> missing = new TreeSet<>();
        List<RevisionScript> irreversible = new ArrayList<>();
        List<String> nonTransactional = new ArrayList<>();
        List<TransactionControlException.Finding> control = new ArrayList<>();
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
            } else {
                for (SqlStatement statement : statements(step, script)) {
                    TransactionControl.find(statement.sql()).ifPresent(c -> control.add(new TransactionControlException.Finding(
                            script.id(), script.file(), statement.line() + c.lineOffset(), c.command())));
                }
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
        if (!control.isEmpty()) {
            throw new TransactionControlException(control);
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

    private static List<SqlStatement> statements(Step step, RevisionScript script) {
        return step.direction() == Direction.UPGRADE ? script.upgrade() : script.downgrade();
    }

    private void begin() throws SQLException {
        connection.setAutoCommit(false);
        if (settings.lockMode() == LockMode.TRANSACTION) {
            List<String> sql = new ArrayList<>(SessionSettings.statements(settings, true));
            sql.add("SELECT pg_catalog.pg_advisory_xact_lock(" + tables.lockKey() + ")");
            try (Statement st = connection.createStatement()) {
                st.execute(String.join(";\n", sql));
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    rollbackQuietly();
                    throw new LockTimeoutException(tables.versionTable(), tables.lockKey(), settings.lockTimeout());
                }
                throw e;
            }
        }
    }

    /** Commits a {@code transaction=all} run, checking the lock in the same round trip. */
    private void commitRun(Step step, RevisionScript script, String outcome) {
        try (Statement st = connection.createStatement()) {
            st.execute((lockHeld == null ? "" : lockCheck() + ";\n") + "COMMIT");
        } catch (SQLException e) {
            rollbackQuietly();
            if (MigrationTables.LOCK_LOST.equals(e.getSQLState())) {
                throw lockLost(script, outcome);
            }
            List<SqlStatement> statements = statements(step, script);
            int line = statements.isEmpty() ? 0 : statements.get(statements.size() - 1).line();
            throw failure(step, script, new SqlStatement("COMMIT", line), e, outcome);
        }
    }

    private String lockCheck() {
        return "DO $migrate$ BEGIN IF NOT " + lockHeld + " THEN RAISE EXCEPTION USING ERRCODE = '"
                + MigrationTables.LOCK_LOST + "', MESSAGE = 'migration lock lost'; END IF; END $migrate$";
    }

    private String lockHeldOrTrue() {
        return lockHeld == null ? "true" : lockHeld;
    }

    /**
     * The statements of a step inside an open transaction. A failure rolls back; when the lock turns
     * out to be gone, that is reported instead. {@code CREATE INDEX CONCURRENTLY} and the like get
     * the hint to mark the revision non-transactional; a lock timeout names who held the lock.
     */
    private void runTransactionalStatements(Step step, RevisionScript script, String outcome) {
        if (script.isJava()) {
            runJava(step, script, true, outcome);
            return;
        }
        List<SqlStatement> statements = statements(step, script);
        try (Statement st = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                boolean probed = startProbe();
                try {
                    st.execute(statement.sql());
                } catch (SQLException e) {
                    rollbackQuietly();
                    if (connectionLost(e)) {
                        throw connectionLost(script, statement, statements.indexOf(statement) + 1, statements.size(), e, outcome);
                    }
                    throw statementFailure(step, script, statement, e, outcome);
                } finally {
                    if (probed) {
                        statementSince = 0;
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Could not create a statement for revision " + script.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A revision written in Java: its method runs on the run's connection behind a guard (inside the
     * open transaction when {@code transactional}, else in autocommit). What it throws fails the
     * revision, naming the class; a transactional one is rolled back. A transactional one that sent
     * a {@code COMMIT} of its own is reported as {@link #requireOwnTransaction} does for SQL.
     */
    private void runJava(Step step, RevisionScript script, boolean transactional, String outcome) {
        JavaStep java = script.java().orElseThrow();
        GuardedConnection guard = GuardedConnection.over(connection, transactional, java.className());
        try {
            java.run(step.direction(), guard.proxy());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (transactional) {
                rollbackQuietly();
                if (lockIsGone()) {
                    throw lockLost(script, outcome);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new JavaMigrationFailedException(script.id(), step.direction(), java.className(), script.file(), e, outcome);
        }
        if (transactional && guard.usedStatements() && transactionState() == TransactionState.IDLE) {
            throw new DatabaseException("Revision " + script.id() + " (Java class " + java.className() + ") ended its own "
                    + "transaction during " + step.direction().word() + " (a COMMIT or ROLLBACK sent as SQL): what ran "
                    + "before that point is committed without its version change, and the version table is unchanged. "
                    + "Check the database, remove the transaction control (or set transactional = false in @Migration), "
                    + "then run it again or stamp.");
        }
    }

    private TransactionState transactionState() {
        try {
            return connection.unwrap(BaseConnection.class).getTransactionState();
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * While a statement runs, asks on the idle lock connection which sessions block it, so that a
     * lock timeout can name them: by the time the statement has waited half of {@code lockTimeout},
     * and again every quarter of it. One periodic task per run looks at when the running statement
     * started; a statement itself only records its start, so statements that finish sooner cost
     * nothing (no task scheduled and cancelled, no thread woken per statement).
     *
     * @return whether the probe watches this statement
     */
    private boolean startProbe() {
        if (context.lock() == null || settings.lockTimeout().isZero()) {
            return false;
        }
        blockers = "";
        if (prober == null) {
            prober = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "migrate-lock-probe");
                t.setDaemon(true);
                return t;
            });
            probeTick = TimeUnit.MILLISECONDS.toNanos(Math.max(25, settings.lockTimeout().toMillis() / 4));
            pid = backendPid();
            prober.scheduleAtFixedRate(this::probe, probeTick, probeTick, TimeUnit.NANOSECONDS);
        }
        statementSince = System.nanoTime();
        return true;
    }

    /** A tick of the probe: names the blockers of a statement that has run for at least one tick. */
    private void probe() {
        long since = statementSince;
        if (since == 0 || System.nanoTime() - since < probeTick) {
            return;
        }
        String found = context.lock().blockersOf(pid);
        if (!found.isEmpty() && statementSince == since) {
            blockers = found;
        }
    }

    private int backendPid() {
        try {
            return connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The most text and statements one round trip of a revision carries; a longer revision takes several. */
    static final int PIPELINE_CHARS = 1 << 20;
    static final int PIPELINE_STATEMENTS = 1_000;

    /**
     * A custom setting a step's transaction sets with {@code SET LOCAL} right after {@code BEGIN}:
     * its bookkeeping block refuses to write when the setting is gone, that is when the step's
     * statements ended the transaction and the block would run in a transaction of its own.
     */
    static final String TRANSACTION_MARK = "migrate.step_transaction";

    /**
     * A transactional SQL revision in one round trip: {@code BEGIN}, its statements, the check that
     * they left the transaction open, the lock check with the version changes, the history row
     * (its duration measured by the server), {@code COMMIT} and the session reset, as one
     * simple-protocol query that the server stops at the first error. A revision longer than
     * {@link #PIPELINE_CHARS} or {@link #PIPELINE_STATEMENTS} sends its statements in several
     * round trips, the bookkeeping with the last.
     */
    private void runPipelined(Step step, RevisionScript script, Set<String> current, String outcome) throws SQLException {
        List<SqlStatement> statements = statements(step, script);
        connection.setAutoCommit(true); // the batch holds its own BEGIN and COMMIT
        int next = 0;
        boolean first = true;
        while (true) {
            SimpleQueryBatch batch = new SimpleQueryBatch();
            int offset = 0;
            if (first) {
                batch.add("BEGIN");
                batch.add("SET LOCAL " + TRANSACTION_MARK + " = on");
                offset = 2;
            }
            int from = next;
            while (next < statements.size() && (next == from || (batch.length() + statements.get(next).sql().length()
                    < PIPELINE_CHARS && next - from < PIPELINE_STATEMENTS))) {
                batch.add(statements.get(next++).sql());
            }
            boolean last = next == statements.size();
            int tail = batch.size();
            if (last) {
                batch.add(tables.checkedVersionChanges(step.versionChanges(), lockHeld, TRANSACTION_MARK,
                        tables.historyInsertTimed(historyEntry(step, script, 0, settings)).inline()));
                batch.add("COMMIT");
                resetStatements.forEach(batch::add);
            }
            boolean probed = startProbe();
            try {
                batch.execute(connection);
            } catch (SimpleQueryBatch.Failed f) {
                SQLException e = f.sqlException();
                int index = f.index();
                if (index >= offset && index < tail) {
                    int i = from + index - offset;
                    SqlStatement statement = statements.get(i);
                    abortQuietly();
                    if (connectionLost(e)) {
                        if (last && e.getSQLState().startsWith("08")) {
                            // cut off without the server's word: the rest of the batch may have run, COMMIT included
                            throw committing(script, e);
                        }
                        throw connectionLost(script, statement, i + 1, statements.size(), e, outcome);
                    }
                    throw statementFailure(step, script, statement, e, outcome);
                }
                if (index == tail && MigrationTables.OWN_TRANSACTION_ENDED.equals(e.getSQLState())) {
                    abortQuietly();
                    throw endedOwnTransaction(step, script);
                }
                if (index < offset) {
                    abortQuietly();
                    throw new DatabaseException("Could not begin the transaction of revision " + script.id() + ": "
                            + e.getMessage(), e);
                }
                throw commitFailure(step, script, e, outcome);
            } finally {
                if (probed) {
                    statementSince = 0;
                }
            }
            if (last) {
                break;
            }
            first = false;
        }
        for (VersionChange change : step.versionChanges()) {
            apply(change, current);
        }
    }

    /**
     * A transactional step's statement failed and its transaction is rolled back: the lock being
     * gone is reported as such; {@code CREATE INDEX CONCURRENTLY} and the like get the hint to mark
     * the revision non-transactional.
     */
    private RuntimeException statementFailure(Step step, RevisionScript script, SqlStatement statement, SQLException e,
                                              String outcome) {
        if (lockIsGone()) {
            return lockLost(script, outcome);
        }
        String more = "";
        if ("25001".equals(e.getSQLState())) {
            more = " This statement cannot run inside a transaction: put 'Transactional: false' in the "
                    + "revision's header to run its statements one by one, outside a transaction.";
        }
        return failure(step, script, statement, e, outcome + more);
    }

    /** Rolls back whatever transaction a failed batch left open. */
    private void abortQuietly() {
        try {
            if (connection.getAutoCommit() && transactionState() != TransactionState.IDLE) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ROLLBACK");
                }
            } else {
                rollbackQuietly();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls the transaction back when it goes
        }
    }

    /**
     * A transactional revision's statements must leave its transaction open: one that ended it (a
     * procedure that commits, say) committed part of the revision without its version change.
     */
    private void requireOwnTransaction(Step step, RevisionScript script) {
        if (statements(step, script).isEmpty()) {
            return; // nothing was sent, so no transaction was opened yet
        }
        TransactionState state;
        try {
            state = connection.unwrap(BaseConnection.class).getTransactionState();
        } catch (SQLException e) {
            return;
        }
        if (state == TransactionState.IDLE) {
            throw endedOwnTransaction(step, script);
        }
    }

    private static DatabaseException endedOwnTransaction(Step step, RevisionScript script) {
        return new DatabaseException("Revision " + script.id() + " (" + script.file() + ") ended its own transaction "
                + "during " + step.direction().word() + ": what ran before that point is committed without its "
                + "version change, and the version table is unchanged. Check the database, remove the transaction "
                + "control (or mark the revision 'Transactional: false'), then run it again or stamp.");
    }

    /**
     * A transactional step's bookkeeping in one round trip: lock check and version changes (checked
     * on the server), history row, COMMIT, session reset.
     */
    private void writeVersionAndCommit(Step step, RevisionScript script, long startNanos, Set<String> current,
                                       String outcome) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        commitBatch(step, script, tables.historyInsert(historyEntry(step, script, ms, settings)).inline(), current, outcome);
    }

    private void commitBatch(Step step, RevisionScript script, String history, Set<String> current, String outcome) {
        String sql = tables.checkedVersionChanges(step.versionChanges(), lockHeld) + ";\n" + history + ";\nCOMMIT"
                + (reset.isEmpty() ? "" : ";\n" + reset);
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw commitFailure(step, script, e, outcome);
        }
        for (VersionChange change : step.versionChanges()) {
            apply(change, current);
        }
    }

    /** What a failure of a step's bookkeeping and commit means, after rolling back what is left open. */
    private RuntimeException commitFailure(Step step, RevisionScript script, SQLException e, String outcome) {
        abortQuietly();
        if (MigrationTables.LOCK_LOST.equals(e.getSQLState())) {
            return lockLost(script, outcome);
        }
        if (connectionLost(e)) {
            return committing(script, e);
        }
        VersionChange conflict = conflictingChange(step.versionChanges(), e);
        if (conflict != null) {
            return new VersionTableConflictException(tables.versionTable(), script.id(), conflict, rowsMatched(e), e);
        }
        List<SqlStatement> statements = statements(step, script);
        int line = statements.isEmpty() ? 0 : statements.get(statements.size() - 1).line();
        return failure(step, script, new SqlStatement("COMMIT", line), e, outcome);
    }

    private static DatabaseConnectionLostException committing(RevisionScript script, SQLException e) {
        return new DatabaseConnectionLostException(script.id(), "while committing it: the revision may or may "
                + "not be committed (the version table says which; run " + Advice.command("current") + "), and a rerun "
                + "continues from there", e);
    }

    /** Whether a statement failed because the connection broke: an I/O error, or the server ending the session. */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    private static DatabaseConnectionLostException connectionLost(RevisionScript script, SqlStatement statement, int number,
                                                                  int total, SQLException e, String outcome) {
        String sentence = Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1);
        String what = "(" + script.file() + ", statement " + number + " of " + total + ", line " + statement.line() + "). "
                + (sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence);
        return new DatabaseConnectionLostException(script.id(), what, e);
    }

    private LockLostException lockLost(RevisionScript script, String outcome) {
        return new LockLostException(tables.versionTable(), context.lock() == null ? 0 : context.lock().pid(), script.id(), outcome);
    }

    /** After a failure: whether the run's lock is gone (false when it cannot tell). */
    private boolean lockIsGone() {
        if (lockHeld == null) {
            return false;
        }
        try {
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT " + lockHeld)) {
                return rs.next() && !rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
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

    private void writeVersion(Step step, RevisionScript script, long startNanos, Set<String> current, boolean resetAfter)
            throws SQLException {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        HistoryEntry entry = historyEntry(step, script, ms, settings);
        batch(script.id(), step.versionChanges(), List.of(entry), resetAfter ? resetStatements : List.of());
        for (VersionChange change : step.versionChanges()) {
            apply(change, current);
        }
    }

    /** One round trip: the version changes, history rows and further statements as a batch, then each count checked. */
    private void batch(String revision, List<VersionChange> changes, List<HistoryEntry> history, List<String> after)
            throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (VersionChange change : changes) {
                st.addBatch(tables.versionChange(change).inline());
            }
            for (HistoryEntry entry : history) {
                st.addBatch(tables.historyInsert(entry).inline());
            }
            for (String sql : after) {
                st.addBatch(sql);
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
        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
            message += " (lockTimeout " + settings.lockTimeout().toMillis() + " ms"
                    + (blockers.isEmpty() ? "" : "; blocked by " + blockers) + ")";
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

    private void deleteQuietly(long historyId) {
        try (Statement st = connection.createStatement()) {
            st.execute(tables.historyDelete(historyId));
        } catch (SQLException ignored) {
            // the row stays 'running' with nothing done: the next run offers to resume from statement 1
        }
    }

    private static Duration jitter(Duration pause) {
        long ms = pause.toMillis();
        return Duration.ofMillis(ms - ms / 5 + ThreadLocalRandom.current().nextLong(ms / 5 * 2 + 1));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("Interrupted while waiting to retry a revision", e);
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
