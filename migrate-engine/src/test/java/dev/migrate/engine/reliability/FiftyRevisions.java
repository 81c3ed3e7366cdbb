package dev.migrate.engine.reliability;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A generated project of 50 revision files with a branch and a merge: {@code rev_01} to
 * {@code rev_20} in a line, then two branches from {@code rev_20} ({@code rev_21}..{@code rev_30}
 * and {@code rev_31}..{@code rev_40}), merged by {@code rev_41}, then {@code rev_42}..{@code rev_50}.
 * {@code rev_25} and {@code rev_45} are {@code Transactional: false}.
 *
 * <p>Every revision writes its effects so that a test can tell, from the database alone, whether it
 * ran once, twice, or partly: its upgrade inserts a row into {@code audit} and creates table
 * {@code t_NN}; its downgrade drops the table and inserts a {@code down} row. Statements 1 and 3
 * of every upgrade first wait for the advisory lock {@link #blockKey(int, int)}, which the test
 * may hold to stop a run at exactly that statement ({@link Blocker}).
 *
 * <p>Upgrade statements, transactional revision: (1) audit row, step 1, (2) {@code CREATE TABLE
 * t_NN}, (3) one row into {@code t_NN}. Non-transactional: (1) audit row, step 1, (2) {@code CREATE
 * TABLE t_NN}, (3) audit row, step 3, (4) {@code CREATE INDEX CONCURRENTLY}.
 */
final class FiftyRevisions {
    static final int COUNT = 50;
    static final Set<Integer> NON_TRANSACTIONAL = Set.of(25, 45);
    static final String HEAD = id(50);
    static final String AUDIT = "CREATE TABLE audit (seq bigserial PRIMARY KEY, revision text NOT NULL, "
            + "direction text NOT NULL, step int NOT NULL, pid int NOT NULL DEFAULT pg_backend_pid())";

    private static final long KEY_BASE = 7_310_000;
    private static final Map<String, List<String>> PARENTS = parents();

    private FiftyRevisions() {
    }

    static String id(int n) {
        return String.format("rev_%02d", n);
    }

    static int number(String id) {
        return Integer.parseInt(id.substring(4));
    }

    /** The advisory lock key statement {@code statement} (1 or 3) of revision {@code n}'s upgrade waits for. */
    static long blockKey(int n, int statement) {
        return KEY_BASE + n * 10L + statement;
    }

    static boolean transactional(int n) {
        return !NON_TRANSACTIONAL.contains(n);
    }

    /** Upgrade statements of revision {@code n}. */
    static int upgradeStatements(int n) {
        return transactional(n) ? 3 : 4;
    }

    /** Writes the project (revision files under {@code src/main/migrations/versions}) to {@code project}. */
    static Path writeProject(Path project) {
        try {
            Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
            for (int n = 1; n <= COUNT; n++) {
                Files.writeString(versions.resolve(id(n) + "_step.sql"), file(n));
            }
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the audit table in a fresh database. */
    static void prepare(Database db) {
        db.execute(AUDIT);
    }

    private static String file(int n) {
        String id = id(n);
        String table = "t_" + String.format("%02d", n);
        StringBuilder out = new StringBuilder();
        out.append("-- step ").append(n).append("\n--\n-- Revision ID: ").append(id).append("\n-- Revises: ")
                .append(String.join(", ", PARENTS.get(id))).append('\n');
        if (!transactional(n)) {
            out.append("-- Transactional: false\n");
        }
        out.append("\n-- migrate:upgrade\n");
        out.append(audit(id, 1, blockKey(n, 1))).append('\n');
        out.append("CREATE TABLE ").append(table).append(" (id int);\n");
        if (transactional(n)) {
            out.append("WITH w AS (SELECT pg_advisory_xact_lock(").append(blockKey(n, 3)).append(")) INSERT INTO ")
                    .append(table).append(" SELECT 1 FROM w;\n");
        } else {
            out.append(audit(id, 3, blockKey(n, 3))).append('\n');
            out.append("CREATE INDEX CONCURRENTLY ").append(table).append("_id ON ").append(table).append(" (id);\n");
        }
        out.append("\n-- migrate:downgrade\n");
        out.append("DROP TABLE ").append(table).append(";\n");
        out.append("INSERT INTO audit (revision, direction, step) VALUES ('").append(id).append("', 'down', 1);\n");
        return out.toString();
    }

    private static String audit(String id, int step, long key) {
        return "WITH w AS (SELECT pg_advisory_xact_lock(" + key + ")) INSERT INTO audit (revision, direction, step) SELECT '"
                + id + "', 'up', " + step + " FROM w;";
    }

    private static Map<String, List<String>> parents() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (int n = 1; n <= COUNT; n++) {
            List<String> p;
            if (n == 1) {
                p = List.of();
            } else if (n == 31) {
                p = List.of(id(20));
            } else if (n == 41) {
                p = List.of(id(30), id(40));
            } else {
                p = List.of(id(n - 1));
            }
            parents.put(id(n), p);
        }
        return parents;
    }

    /** The revisions applied when the version table holds {@code heads}: the heads and all their ancestors. */
    static Set<String> applied(Set<String> heads) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(heads);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(PARENTS.get(id));
            }
        }
        return seen;
    }

    /** A non-transactional step recorded as running in the history table. */
    record Interrupted(String revision, int statementsDone) {
    }

    /**
     * Checks that the database is in the state its version table names: every revision the heads
     * include applied exactly once (net one audit row and its table present, and an up/down history
     * of its audit rows that alternates), every other revision not at all, except one interrupted
     * non-transactional revision whose effects match the statements its history row records.
     * Returns the heads.
     */
    static Set<String> assertConsistent(Database db) {
        Set<String> heads = new TreeSet<>(db.query("SELECT version_num FROM migrate_version"));
        Set<String> applied = applied(heads);
        List<String> running = db.query("SELECT revision, statements_done FROM migrate_history WHERE status = 'running'");
        assertTrue(running.size() <= 1, () -> "at most one interrupted revision: " + running);
        Interrupted interrupted = running.isEmpty() ? null
                : new Interrupted(running.get(0).split("\\|")[0], Integer.parseInt(running.get(0).split("\\|")[1]));
        Map<String, List<String>> audit = new HashMap<>();
        for (String row : db.query("SELECT revision, direction, step FROM audit ORDER BY seq")) {
            String[] f = row.split("\\|");
            audit.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1] + f[2]);
        }
        Set<String> tables = new HashSet<>(db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'"));
        for (int n = 1; n <= COUNT; n++) {
            String id = id(n);
            List<String> rows = audit.getOrDefault(id, List.of());
            String table = "t_" + String.format("%02d", n);
            if (interrupted != null && interrupted.revision().equals(id)) {
                assertFalse(applied.contains(id), id + " is interrupted yet named by the version table " + heads);
                int done = interrupted.statementsDone();
                List<String> expected = new ArrayList<>();
                if (done >= 1) {
                    expected.add("up1");
                }
                if (done >= 3) {
                    expected.add("up3");
                }
                assertEquals(expected, rows, id + " interrupted after " + done + " statements: audit rows");
                assertEquals(done >= 2, tables.contains(table), id + " interrupted after " + done + ": table " + table);
                continue;
            }
            List<String> oneUpgrade = transactional(n) ? List.of("up1") : List.of("up1", "up3");
            int size = oneUpgrade.size();
            // the audit rows must be whole upgrades and single downgrades, alternating, starting with an upgrade
            int i = 0;
            int net = 0;
            while (i < rows.size()) {
                if (net == 0) {
                    if (i + size > rows.size() || !rows.subList(i, i + size).equals(oneUpgrade)) {
                        fail(id + ": audit rows " + rows + " are not whole upgrades alternating with downgrades (applied twice?)");
                    }
                    i += size;
                    net = 1;
                } else {
                    if (!rows.get(i).equals("down1")) {
                        fail(id + ": audit rows " + rows + " show an upgrade of an applied revision (applied twice)");
                    }
                    i++;
                    net = 0;
                }
            }
            boolean in = applied.contains(id);
            assertEquals(in ? 1 : 0, net, id + (in ? " is named by the version table " : " is not named by the version table ")
                    + heads + " but its audit rows are " + rows);
            assertEquals(in, tables.contains(table), id + ": table " + table + (in ? " missing" : " present") + " at heads " + heads);
        }
        return heads;
    }

    private static void assertFalse(boolean condition, String message) {
        assertTrue(!condition, message);
    }

    /** History rows of upgrades, each revision at most once (for runs that only upgrade, from base). */
    static void assertHistoryWithoutDuplicates(Database db) {
        List<String> duplicates = db.query("SELECT revision || ' x' || count(*) FROM migrate_history "
                + "WHERE direction = 'upgrade' GROUP BY revision HAVING count(*) > 1 ORDER BY revision");
        assertEquals(List.of(), duplicates, "revisions recorded twice in migrate_history");
    }

    /** Whether an advisory lock other than those of {@code exceptPid} is held or awaited in the database. */
    static List<String> advisoryLocks(Database db, int exceptPid) {
        return db.query("SELECT l.pid || ' ' || l.classid || ':' || l.objid || ' ' || l.granted FROM pg_locks l "
                + "JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database() "
                + "AND l.pid <> " + exceptPid);
    }
}
