package dev.migrate.engine.diff;

import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.CatalogReader;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The differ and migra side by side on the diff-pairs corpus. For each pair, {@code from.sql} is built
 * in two databases and {@code to.sql} in a third; migra diffs the untouched copy against the target
 * and its SQL is applied to it, the differ's upgrade to the other copy; each result is introspected
 * and compared with the target, object by object. Runs only when {@code -Dmigra=} names migra's
 * executable (bench/diff/run installs it); the table goes to {@code -Dmigra.results=} when set.
 */
class MigraComparisonTest {

    record Row(String pair, Outcome migra, Outcome migrate) {
    }

    record Outcome(boolean reached, String note) {
        String cell() {
            return (reached ? "y" : "**n**") + (note.isEmpty() ? "" : " " + note);
        }
    }

    @Test
    void migraAndMigrateOnEveryPair() throws Exception {
        String migra = System.getProperty("migra", "");
        assumeTrue(!migra.isBlank() && Files.isExecutable(Path.of(migra)), "-Dmigra=<path of migra> not given");
        List<DiffPairs.Pair> pairs = DiffPairs.all();
        List<Row> rows = new ArrayList<>();
        try (TestDatabase ours = TestDatabases.create(); TestDatabase theirs = TestDatabases.create();
             TestDatabase target = TestDatabases.create()) {
            RoundTrip.roles(ours);
            for (DiffPairs.Pair pair : pairs) {
                for (TestDatabase db : List.of(ours, theirs, target)) {
                    RoundTrip.reset(db);
                    db.execute(DiffPairs.RESET_DEFAULT_PRIVILEGES);
                }
                build(ours, pair.from());
                build(theirs, pair.from());
                build(target, pair.to());
                Catalog start = RoundTrip.read(ours);
                Catalog goal = RoundTrip.read(target);
                Outcome m = migra(migra, theirs, target, goal);
                rows.add(new Row(pair.name(), m, migrate(ours, start, goal)));
            }
        }
        String table = table(rows);
        String out = System.getProperty("migra.results", "");
        if (!out.isBlank()) {
            Files.writeString(Path.of(out), table, StandardCharsets.UTF_8);
        }
        System.out.println(table);
        assertEquals(pairs.size(), rows.size());
        assertTrue(rows.stream().allMatch(r -> r.migrate().reached()), table);
    }

    private static Outcome migrate(TestDatabase db, Catalog start, Catalog goal) throws SQLException {
        SchemaDiff diff = SchemaDiffer.compare(start, goal, DiffOptions.defaults());
        String failed = apply(db, diff.upgradeStatements());
        if (failed != null) {
            return new Outcome(false, "(upgrade fails: " + failed + ")");
        }
        List<String> up = DiffPairs.misses(goal, RoundTrip.read(db));
        failed = apply(db, diff.downgradeStatements());
        List<String> down = failed != null ? List.of("downgrade fails: " + failed)
                : DiffPairs.misses(start, RoundTrip.read(db));
        String note = (up.isEmpty() ? "" : "misses " + String.join("; ", up))
                + (down.isEmpty() ? "" : (up.isEmpty() ? "" : "; ") + "downgrade misses " + String.join("; ", down));
        return new Outcome(up.isEmpty(), down.isEmpty() ? note : note.strip());
    }

    private static Outcome migra(String migra, TestDatabase from, TestDatabase to, Catalog goal) throws Exception {
        Process p = new ProcessBuilder(migra, url(from), url(to), "--unsafe", "--with-privileges")
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome(false, "(migra did not finish in 120 s)");
        }
        String sql = withoutWarnings(new String(out, StandardCharsets.UTF_8)).strip();
        if (p.exitValue() != 0 && p.exitValue() != 2) {
            String first = sql.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
            return new Outcome(false, "(migra exits " + p.exitValue() + ": " + first + ")");
        }
        if (!sql.isEmpty()) {
            String failed = apply(from, List.of(sql));
            if (failed != null) {
                return new Outcome(false, "(its SQL fails: " + failed + ")");
            }
        }
        List<String> misses = DiffPairs.misses(goal, RoundTrip.read(from));
        String note = String.join("; ", misses.subList(0, Math.min(4, misses.size())))
                + (misses.size() > 4 ? "; and " + (misses.size() - 4) + " more" : "");
        return new Outcome(misses.isEmpty(), misses.isEmpty() ? "" : "misses " + note);
    }

    /** migra's output without the warning its database client prints, with a stack trace, on every run. */
    static String withoutWarnings(String output) {
        StringBuilder sql = new StringBuilder();
        boolean warning = false;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("WARNING: ")) {
                warning = true;
                continue;
            }
            if (warning && line.matches("\\s+at .*")) {
                continue;
            }
            warning = false;
            sql.append(line).append('\n');
        }
        return sql.toString();
    }

    /** Runs the statements in one transaction; the error message when one fails (nothing applied). */
    private static String apply(TestDatabase db, List<String> statements) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
                return null;
            } catch (SQLException e) {
                c.rollback();
                return e.getMessage().replace("\n", " ").replaceAll("\\s+", " ");
            }
        }
    }

    private static void build(TestDatabase db, String sql) {
        if (!sql.isBlank()) {
            db.execute(sql);
        }
    }

    /** A {@code postgresql://} URL for migra; never printed, it may hold the test server's password. */
    private static String url(TestDatabase db) {
        String password = db.properties().getProperty("password");
        String user = enc(db.user()) + (password == null ? "" : ":" + enc(password));
        String host = db.host().contains(":") ? "[" + db.host() + "]" : db.host();
        return "postgresql://" + user + "@" + host + ":" + db.port() + "/" + enc(db.name());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String table(List<Row> rows) {
        long migraOk = rows.stream().filter(r -> r.migra().reached()).count();
        long oursOk = rows.stream().filter(r -> r.migrate().reached()).count();
        StringBuilder md = new StringBuilder();
        md.append("| case | migra reaches target | migrate reaches target |\n|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.pair()).append(" | ").append(r.migra().cell().replace("|", "\\|"))
                    .append(" | ").append(r.migrate().cell().replace("|", "\\|")).append(" |\n");
        }
        md.append("| **total** | ").append(migraOk).append(" of ").append(rows.size()).append(" | ").append(oursOk)
                .append(" of ").append(rows.size()).append(" |\n");
        return md.toString();
    }

}
