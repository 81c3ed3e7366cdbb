package dev.migrate.engine.lint;

import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs revisions on a scratch database and measures each statement of the ones being linted: the
 * revision runs as {@code upgrade} would run it (inside one transaction, or statement by statement
 * for {@code Transactional: false}), and after every statement one catalog snapshot is read in the
 * same transaction. A statement that cannot run inside a transaction block (CONCURRENTLY, VACUUM)
 * in a non-transactional revision runs on its own; its locks are then known only from its text.
 */
final class Measurer {
    private static final String CANNOT_RUN_IN_TRANSACTION = "25001";

    /**
     * Gives every empty table of the scratch database three rows (a few passes, so that tables
     * referenced by foreign keys come first), so that scans and rewrites act on real rows. Columns
     * with defaults take them; others get a value made from their type; a table whose rows do not
     * fit its constraints stays empty.
     */
    private static final String FILL_EMPTY_TABLES = """
            DO $migrate_lint$
            DECLARE
              t record; cols text; vals text; found int;
            BEGIN
              FOR pass IN 1..3 LOOP
                FOR t IN SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS name
                           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                            AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                          ORDER BY c.oid LOOP
                  EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %s LIMIT 1) x', t.name) INTO found;
                  CONTINUE WHEN found > 0;
                  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
                         string_agg(CASE
                             WHEN ty.typtype = 'e' THEN format('(SELECT enumlabel FROM pg_enum WHERE enumtypid = %s ORDER BY enumsortorder LIMIT 1)', ty.oid)
                             WHEN ty.typcategory = 'N' THEN 'g'
                             WHEN ty.typcategory = 'S' THEN '''x'' || g'
                             WHEN ty.typcategory = 'B' THEN 'false'
                             WHEN ty.typcategory = 'D' THEN 'now()'
                             WHEN ty.typname = 'uuid' THEN 'md5(g::text)::uuid'
                             WHEN ty.typname IN ('json', 'jsonb') THEN '''{}'''
                             ELSE 'NULL' END || '::' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                    INTO cols, vals
                    FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
                   WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
                     AND a.attgenerated = '' AND a.attidentity = '' AND NOT a.atthasdef;
                  BEGIN
                    IF cols IS NULL THEN
                      EXECUTE format('INSERT INTO %s SELECT FROM generate_series(1, 3)', t.name);
                    ELSE
                      EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM generate_series(1, 3) AS g', t.name, cols, vals);
                    END IF;
                  EXCEPTION WHEN OTHERS THEN NULL;
                  END;
                END LOOP;
              END LOOP;
            END
            $migrate_lint$""";

    private static final String DUPLICATE_OBJECT = "42710";
    private static final Pattern MAY_CREATE_ROLE = Pattern.compile("\\b(ROLE|USER|GROUP)\\b", Pattern.CASE_INSENSITIVE);

    private final Connection connection;
    /** Roles the revisions created on the scratch server; roles are cluster-wide, so they are dropped after the run. */
    private final Set<String> createdRoles = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    Measurer(Connection connection) {
        this.connection = connection;
    }

    /** What the run noticed about the scratch server itself (roles that already existed there, ...). */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Runs one statement of a revision. Roles are shared by every database of the scratch server,
     * so they outlive the scratch database: a statement that may create one is watched, the roles
     * it created are remembered for {@link #dropCreatedRoles()}, and {@code CREATE ROLE} of a role
     * the server already has (another lint run, the environment's own embedded server) is taken as
     * done rather than failing the revision.
     */
    private void execute(Statement st, SqlStatement statement) throws SQLException {
        String sql = statement.sql();
        if (!MAY_CREATE_ROLE.matcher(sql).find()) {
            st.execute(sql);
            return;
        }
        Set<String> before = roles();
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            st.execute(sql);
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState()) || !SqlText.of(sql).startsWith("CREATE ROLE|CREATE USER|CREATE GROUP")) {
                throw e;
            }
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            String note = "Line " + statement.line() + ": " + firstLine(e) + " on the scratch server (roles are shared by all"
                    + " its databases); measured as if the statement had created it";
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return;
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        Set<String> created = roles();
        created.removeAll(before);
        createdRoles.addAll(created);
    }

    private Set<String> roles() throws SQLException {
        Set<String> roles = new HashSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT rolname FROM pg_catalog.pg_roles")) {
            while (rs.next()) {
                roles.add(rs.getString(1));
            }
        }
        return roles;
    }

    /**
     * Drops the roles the revisions created (with what they own or were granted in the scratch
     * database), so that the next lint run on the same server finds it as before; never throws.
     *
     * @return a note for each role that could not be dropped
     */
    List<String> dropCreatedRoles() {
        List<String> problems = new ArrayList<>();
        if (createdRoles.isEmpty()) {
            return problems;
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            Set<String> existing = roles();
            for (String role : createdRoles) {
                if (!existing.contains(role)) {
                    continue;
                }
                String quoted = "\"" + role.replace("\"", "\"\"") + "\"";
                try (Statement st = connection.createStatement()) {
                    st.execute("DROP OWNED BY " + quoted);
                    st.execute("DROP ROLE " + quoted);
                } catch (SQLException e) {
                    problems.add("Role " + role + ", created on the scratch server by the linted revisions, could not be"
                            + " dropped: " + firstLine(e) + ". Drop it there with DROP ROLE " + quoted + ".");
                }
            }
        } catch (SQLException e) {
            problems.add("The roles created on the scratch server by the linted revisions (" + String.join(", ", createdRoles)
                    + ") could not be dropped: " + firstLine(e) + ".");
        }
        createdRoles.clear();
        return problems;
    }

    /** A revision's statements and what each did; a failed statement ends the list. */
    record MeasuredRevision(RevisionScript script, List<MeasuredStatement> statements) {
        Optional<MeasuredStatement> failed() {
            return statements.stream().filter(s -> s.facts().failure().isPresent()).findFirst();
        }
    }

    record MeasuredStatement(SqlStatement statement, StatementFacts facts) {
    }

    /** Runs {@code sql} (seed data), statement by statement, keeping what succeeds. */
    List<String> runBestEffort(List<SqlStatement> statements) throws SQLException {
        List<String> problems = new ArrayList<>();
        connection.setAutoCommit(true);
        for (SqlStatement statement : statements) {
            if (mustNotRun(statement.sql())) {
                continue;
            }
            try (Statement st = connection.createStatement()) {
                execute(st, statement);
            } catch (SQLException e) {
                problems.add("line " + statement.line() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    void fillEmptyTables() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute(FILL_EMPTY_TABLES);
        }
    }

    /** Applies a revision that is not linted, as upgrade would; a failure is left to the caller. */
    void apply(RevisionScript script) throws SQLException {
        if (script.transactional()) {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (SqlStatement statement : script.upgrade()) {
                    if (!mustNotRun(statement.sql())) {
                        execute(st, statement);
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } else {
            runStrict(script.upgrade());
        }
    }

    private void runStrict(List<SqlStatement> statements) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                if (!mustNotRun(statement.sql())) {
                    execute(st, statement);
                }
            }
        }
    }

    /**
     * Runs and measures a revision. When one of its statements fails, the revision is rolled back
     * and then applied again statement by statement, keeping what succeeds, so that the revisions
     * after it still find most of the schema they expect.
     */
    MeasuredRevision measure(RevisionScript script) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("RESET ALL"); // each revision starts from the session's own settings, as upgrade runs it
        }
        List<MeasuredStatement> measured = script.transactional() ? inTransaction(script) : statementByStatement(script);
        MeasuredRevision revision = new MeasuredRevision(script, measured);
        if (revision.failed().isPresent() && script.transactional()) {
            runBestEffort(script.upgrade());
        }
        connection.setAutoCommit(true);
        return revision;
    }

    /**
     * The revision in one transaction. The first snapshot is read inside it: statistics not yet
     * flushed are counted in pg_stat_xact_* too, and nothing is flushed until the transaction ends.
     */
    private List<MeasuredStatement> inTransaction(RevisionScript script) throws SQLException {
        List<MeasuredStatement> measured = new ArrayList<>();
        connection.setAutoCommit(false);
        CatalogSnapshot base = CatalogSnapshot.read(connection);
        CatalogSnapshot before = base;
        try (Statement st = connection.createStatement()) {
            for (SqlStatement statement : script.upgrade()) {
                if (mustNotRun(statement.sql())) {
                    measured.add(new MeasuredStatement(statement, StatementFacts.between(base, before, before, false, true)));
                    continue;
                }
                try {
                    execute(st, statement);
                } catch (SQLException e) {
                    measured.add(new MeasuredStatement(statement, StatementFacts.failed(e.getSQLState(), firstLine(e), before)));
                    connection.rollback();
                    return measured;
                }
                CatalogSnapshot after = CatalogSnapshot.read(connection);
                measured.add(new MeasuredStatement(statement, StatementFacts.between(base, before, after, false, true)));
                before = after;
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        return measured;
    }

    /**
     * Each statement in a transaction of its own, with a snapshot read at its start (so that
     * its scan counters are its own), or on its own when it cannot run inside a transaction block.
     */
    private List<MeasuredStatement> statementByStatement(RevisionScript script) throws SQLException {
        List<MeasuredStatement> measured = new ArrayList<>();
        CatalogSnapshot base = null;
        try (Statement st = connection.createStatement()) {
            for (SqlStatement statement : script.upgrade()) {
                connection.setAutoCommit(false);
                CatalogSnapshot before = CatalogSnapshot.read(connection);
                if (base == null) {
                    base = before;
                }
                if (mustNotRun(statement.sql())) {
                    connection.commit();
                    measured.add(new MeasuredStatement(statement, StatementFacts.between(base, before, before, false, true)));
                    continue;
                }
                boolean observed = true;
                try {
                    execute(st, statement);
                } catch (SQLException e) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                    if (!CANNOT_RUN_IN_TRANSACTION.equals(e.getSQLState())) {
                        measured.add(new MeasuredStatement(statement, StatementFacts.failed(e.getSQLState(), firstLine(e), before)));
                        return measured;
                    }
                    observed = false;
                    try {
                        execute(st, statement);
                    } catch (SQLException again) {
                        measured.add(new MeasuredStatement(statement, StatementFacts.failed(again.getSQLState(), firstLine(again), before)));
                        return measured;
                    }
                }
                CatalogSnapshot after = CatalogSnapshot.read(connection);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                measured.add(new MeasuredStatement(statement, StatementFacts.between(base, before, after, !observed, observed)));
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return measured;
    }

    /**
     * Statements that are not run on the scratch database: transaction control (it would end the
     * measuring transaction; the rules report it) and cluster-wide commands.
     */
    static boolean mustNotRun(String sql) {
        SqlText text = SqlText.of(sql);
        return text.startsWith("BEGIN|START TRANSACTION|COMMIT|ROLLBACK|END|ABORT|SAVEPOINT|RELEASE|PREPARE TRANSACTION|"
                + "DROP DATABASE|CREATE DATABASE|ALTER DATABASE|ALTER SYSTEM|CREATE TABLESPACE|DROP TABLESPACE|"
                + "DROP ROLE|DROP USER|DROP GROUP|ALTER ROLE|ALTER USER|ALTER GROUP")
                && !text.startsWith("BEGIN ATOMIC");
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
