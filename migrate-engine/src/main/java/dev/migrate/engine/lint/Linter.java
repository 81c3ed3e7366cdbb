package dev.migrate.engine.lint;

import dev.migrate.engine.database.ScratchDatabase;
import dev.migrate.engine.lint.CatalogSnapshot.Relation;
import dev.migrate.engine.lint.LintResult.RevisionReport;
import dev.migrate.engine.lint.LintResult.StatementReport;
import dev.migrate.engine.lint.Measurer.MeasuredRevision;
import dev.migrate.engine.lint.Measurer.MeasuredStatement;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lints revisions on a scratch database: every revision before the first one linted is applied
 * as {@code upgrade} would apply it, then each linted revision is measured statement by statement
 * on the schema just before it (with seed data and a few rows in every empty table), its findings
 * made from what it did and what it says, and its {@code -- migrate:lint-ignore} comments applied.
 */
public final class Linter {
    private final int pgVersion;
    private final String versionSource;
    private final boolean environmentLockTimeout;
    private final boolean environmentStatementTimeout;
    private final Consumer<String> debug;

    /**
     * @param pgVersion              major version of the target server, for version-dependent rules
     * @param versionSource          where it came from ({@code server}, {@code migrate.pgVersion}, {@code default})
     * @param environmentLockTimeout whether the environment sets a short {@code lockTimeout} for every revision
     */
    public Linter(int pgVersion, String versionSource, boolean environmentLockTimeout, Consumer<String> debug) {
        this(pgVersion, versionSource, environmentLockTimeout, false, debug);
    }

    /**
     * @param environmentStatementTimeout whether the environment sets a {@code statementTimeout} for every revision
     */
    public Linter(int pgVersion, String versionSource, boolean environmentLockTimeout, boolean environmentStatementTimeout,
                  Consumer<String> debug) {
        this.pgVersion = pgVersion;
        this.versionSource = versionSource;
        this.environmentLockTimeout = environmentLockTimeout;
        this.environmentStatementTimeout = environmentStatementTimeout;
        this.debug = debug;
    }

    /**
     * Lints {@code linted} among {@code inOrder} on {@code scratch}, an empty database of the
     * database package's scratch databases (the caller drops it afterwards).
     */
    public LintResult lint(ScratchDatabase scratch, List<RevisionScript> inOrder, Set<String> linted, List<SqlStatement> seed,
                           List<String> notes) {
        try (Connection connection = scratch.connect()) {
            return lint(connection, inOrder, linted, seed, notes);
        } catch (SQLException e) {
            throw new LintScratchException(e);
        }
    }

    /**
     * Lints {@code linted} among {@code inOrder} (every revision, parents first, up to the last one
     * to lint) on {@code scratch}, an empty database the caller drops afterwards.
     *
     * @param seed statements of seed data run once before the first linted revision (may be empty)
     */
    public LintResult lint(Connection scratch, List<RevisionScript> inOrder, Set<String> linted, List<SqlStatement> seed,
                           List<String> notes) {
        List<RevisionReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> allNotes = new ArrayList<>(notes);
        Measurer measurer = new Measurer(scratch);
        Analyzer analyzer = new Analyzer(pgVersion, environmentLockTimeout, environmentStatementTimeout);
        boolean seeded = seed.isEmpty();
        boolean rolesDropped = false;
        try {
            int scratchVersion = majorVersion(scratch);
            for (RevisionScript script : inOrder) {
                if (!linted.contains(script.id())) {
                    apply(measurer, script, allNotes);
                    continue;
                }
                if (!seeded) {
                    List<String> problems = measurer.runBestEffort(seed);
                    problems.forEach(p -> allNotes.add("Seed data: " + p + " (skipped)"));
                    seeded = true;
                }
                long start = System.nanoTime();
                measurer.fillEmptyTables();
                MeasuredRevision measured = measurer.measure(script);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                String file = script.file().toString();
                findings.addAll(statementTimeoutWhereNothingElseStands(withIgnores(analyzer.analyze(measured, file), measured, file)));
                reports.add(report(measured, file, took));
                debug.accept("Measured " + script.id() + " in " + took.toMillis() + " ms");
            }
            allNotes.addAll(measurer.dropCreatedRoles());
            rolesDropped = true;
            allNotes.addAll(measurer.notes());
            return new LintResult(pgVersion, versionSource, scratchVersion, reports, findings, allNotes);
        } catch (SQLException e) {
            throw new LintScratchException(e);
        } finally {
            if (!rolesDropped) {
                measurer.dropCreatedRoles();
            }
        }
    }

    private void apply(Measurer measurer, RevisionScript script, List<String> notes) throws SQLException {
        try {
            measurer.apply(script);
        } catch (SQLException e) {
            notes.add("Revision " + script.id() + " (not linted) fails on the scratch database: SQLSTATE " + e.getSQLState()
                    + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "; what follows is measured without it");
            measurer.runBestEffort(script.upgrade());
        }
    }

    private List<Finding> withIgnores(List<Finding> findings, MeasuredRevision measured, String file) {
        String text;
        try {
            text = Files.readString(measured.script().file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return findings;
        }
        LintIgnores ignores = LintIgnores.of(text);
        Map<Integer, List<Finding>> byLine = new LinkedHashMap<>();
        for (MeasuredStatement statement : measured.statements()) {
            byLine.putIfAbsent(statement.statement().line(), new ArrayList<>());
        }
        for (Finding finding : findings) {
            byLine.computeIfAbsent(finding.line(), l -> new ArrayList<>()).add(finding);
        }
        List<Finding> result = new ArrayList<>();
        byLine.forEach((line, list) -> result.addAll(ignores.apply(list, line, measured.script().id(), file)));
        return result;
    }

    /**
     * {@code require-statement-timeout} where it adds something: a slow statement whose hazard has a
     * finding of its own (an error or warning not accepted) gets that rule's fix, which removes the
     * long lock; one whose findings were all accepted, or that has none, still needs the timeout.
     * Once per revision, on the first such statement.
     */
    private static List<Finding> statementTimeoutWhereNothingElseStands(List<Finding> findings) {
        Set<Integer> explained = new HashSet<>();
        for (Finding f : findings) {
            if (f.rule() != Rules.REQUIRE_STATEMENT_TIMEOUT && !f.accepted() && f.severity() != Severity.INFO) {
                explained.add(f.line());
            }
        }
        List<Finding> result = new ArrayList<>(findings.size());
        boolean reported = false;
        for (Finding f : findings) {
            if (f.rule() == Rules.REQUIRE_STATEMENT_TIMEOUT && !f.accepted()) {
                if (reported || explained.contains(f.line())) {
                    continue;
                }
                reported = true;
            }
            result.add(f);
        }
        return result;
    }

    private static RevisionReport report(MeasuredRevision measured, String file, Duration took) {
        List<StatementReport> statements = new ArrayList<>();
        for (MeasuredStatement m : measured.statements()) {
            StatementFacts f = m.facts();
            Map<String, String> locks = new LinkedHashMap<>();
            f.locks().forEach((relation, mode) -> locks.put(relation.qualified(), mode.display()));
            statements.add(new StatementReport(m.statement().line(), locks, f.rewritten().stream().map(Relation::qualified).toList(),
                    f.scanned().stream().map(Relation::qualified).toList(), f.locksObserved(),
                    f.failure().map(x -> "SQLSTATE " + x.sqlState() + ": " + x.message()).orElse(null)));
        }
        RevisionScript script = measured.script();
        return new RevisionReport(script.id(), script.message(), file, script.transactional(), statements, took);
    }

    static int majorVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1).trim()) / 10000;
        }
    }

    /** The major version of the server behind {@code connection}, e.g. 17. */
    public static int serverMajorVersion(Connection connection) throws SQLException {
        return majorVersion(connection);
    }
}
