package dev.migrate.engine;

import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.MigrationListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs every case of the bad-input corpus ({@code src/test/resources/bad-input}, see its README)
 * through the facade as the Maven plugin does ({@link Migrate#open}, then one command), on a
 * database that first holds a good base revision and a user table with a row. Each case must be
 * refused with the typed engine error it names, in one paragraph that contains the words it
 * lists, with no stack trace and no password in it (nor in any line logged), and must leave the
 * version table, the history table and the user tables exactly as they were, with no advisory
 * lock left behind.
 *
 * <p>By default (CI) the representative cases listed in {@code ci.txt} run: every category, and each
 * kind of bad input the corpus must hold. {@code -DbadInput=all} runs every case, and
 * {@code -DbadInput.only=database/|targets/online-range} only the cases whose names start with one
 * of the given prefixes.
 *
 * <p>Cases listed in {@code awaiting.txt} are refused in a way still being built elsewhere: when
 * one fails it is reported as aborted, and when it passes the test fails until it is taken off the
 * list, so that the list never holds a case that already passes.
 */
class BadInputCorpusTest {
    static boolean corpusRequested() {
        return System.getProperty("badInput") != null || System.getProperty("badInput.only") != null;
    }

    /** The password of the role {@code app} on the server that checks passwords. */
    static final String APP_PASSWORD = "Hx-9q2v@:/+%# pw";
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(|\\bCaused by: |\\bjava\\.lang\\.|\\.java:\\d+\\)");
    private static final int MESSAGE_LIMIT = 4096;
    private static final Duration CASE_TIME_LIMIT = Duration.ofSeconds(60);
    /** The user table every case starts with, one row in it. */
    private static final String KEEP_TABLE = "CREATE TABLE IF NOT EXISTS keep(id int PRIMARY KEY, note text); "
            + "INSERT INTO keep VALUES (1, 'kept') ON CONFLICT DO NOTHING";

    private static CaseDatabase.PasswordServer passwordServer;

    /**
     * A database holding the good base revision and the user table, copied for each case that
     * starts from it: a copy costs one CREATE DATABASE, an upgrade of its own several round trips.
     */
    private static TestDatabase baseTemplate;

    @AfterAll
    static void stopPasswordServer() {
        if (passwordServer != null) {
            passwordServer.close();
        }
        if (baseTemplate != null) {
            baseTemplate.close();
            baseTemplate = null;
        }
    }

    private static synchronized TestDatabase baseTemplate() throws IOException {
        if (baseTemplate == null) {
            TestDatabase template = TestDatabases.create();
            CaseDatabase db = CaseDatabase.of(template);
            upgradeBase(db);
            db.execute(KEEP_TABLE);
            // nobody may be connected to a template while it is copied: close the reader, keep the database
            db.closeReader();
            baseTemplate = template;
        }
        return baseTemplate;
    }

    static Path corpus() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<BadInputCase> cases() {
        Path root = corpus();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals("case.properties"))
                    .map(f -> BadInputCase.load(root, f.getParent()))
                    .sorted(Comparator.comparing(BadInputCase::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> awaiting() {
        return names("awaiting.txt");
    }

    /** The cases CI runs by default. */
    static Set<String> representative() {
        return names("ci.txt");
    }

    private static Set<String> names(String list) {
        try {
            return new TreeSet<>(Files.readAllLines(corpus().resolve(list)).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCorpusHoldsAtLeastTwoHundredFiles() throws IOException {
        try (Stream<Path> files = Files.walk(corpus())) {
            long count = files.filter(Files::isRegularFile).count();
            assertTrue(count >= 200, "files in the corpus: " + count);
        }
        assertTrue(cases().size() >= 80, "cases: " + cases().size());
    }

    @Test
    void awaitingListsOnlyExistingCases() {
        Set<String> names = new TreeSet<>(cases().stream().map(BadInputCase::name).toList());
        for (String name : awaiting()) {
            assertTrue(names.contains(name), "awaiting.txt names an unknown case: " + name);
        }
    }

    /**
     * The CI subset covers every category of the corpus and, by name, each kind of bad input the
     * corpus must hold, so that a change of the list cannot drop one unnoticed.
     */
    @Test
    void theRepresentativeCasesCoverEveryCategoryAndKind() {
        Set<String> names = new TreeSet<>(cases().stream().map(BadInputCase::name).toList());
        Set<String> ci = representative();
        for (String name : ci) {
            assertTrue(names.contains(name), "ci.txt names an unknown case: " + name);
        }
        for (String category : new TreeSet<>(names.stream().map(n -> n.substring(0, n.indexOf('/'))).toList())) {
            assertTrue(ci.stream().anyMatch(n -> n.startsWith(category + "/")), "ci.txt has no case of " + category + "/");
        }
        for (String kind : List.of("headers/empty-file", "unterminated/fifty-megabyte-file", "encoding/elf-binary",
                "encoding/latin1-in-sql", "settings/wrong-password", "database/no-create-privilege", "database/lock-timeout",
                "database/statement-timeout", "database/transaction-control-commit", "graph/broken-symlink")) {
            assertTrue(ci.contains(kind), "ci.txt lacks " + kind);
        }
        assertTrue(ci.size() >= 40 && ci.size() <= 60, "ci.txt holds " + ci.size() + " cases; keep it near 45");
    }

    /** Without flags: the representative cases of {@code ci.txt}, in seconds. */
    @TestFactory
    @org.junit.jupiter.api.condition.DisabledIf("corpusRequested")
    Stream<DynamicTest> representativeCasesAreRefusedCleanly() {
        Set<String> ci = representative();
        return refusedCleanly(cases().stream().filter(c -> ci.contains(c.name())).toList());
    }

    /** With {@code -DbadInput=all} (or {@code -DbadInput.only=...}): every case (or the cases named). */
    @TestFactory
    @org.junit.jupiter.api.condition.EnabledIf("corpusRequested")
    Stream<DynamicTest> everyCaseIsRefusedCleanly() {
        String prefixes = System.getProperty("badInput.only");
        List<String> only = prefixes == null ? List.of() : split(prefixes.replace(',', '|'));
        return refusedCleanly(cases().stream().filter(c -> only.isEmpty() || only.stream().anyMatch(c.name()::startsWith)).toList());
    }

    private static Stream<DynamicTest> refusedCleanly(List<BadInputCase> selected) {
        Set<String> awaiting = awaiting();
        return selected.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (!awaiting.contains(c.name())) {
                run(c);
                return;
            }
            try {
                run(c);
            } catch (AssertionError | RuntimeException e) {
                throw new TestAbortedException("awaiting (listed in awaiting.txt): " + e.getMessage(), e);
            }
            fail(c.name() + " passes now: take it off bad-input/awaiting.txt");
        }));
    }

    private static void run(BadInputCase c) throws Exception {
        try (CaseDatabase db = c.needsPasswordServer() ? passwordServer().database()
                : startsFromBaseCopy(c) ? CaseDatabase.copyOf(baseTemplate()) : CaseDatabase.shared()) {
            Path project = Files.createTempDirectory("migrate-bad-input");
            try {
                runIn(c, db, project);
            } finally {
                deleteTree(project);
            }
        }
    }

    /** Whether the case's database is a copy of {@link #baseTemplate()} (on the shared server, with the base revision). */
    private static boolean startsFromBaseCopy(BadInputCase c) {
        return c.base() && !c.needsPasswordServer();
    }

    private static void runIn(BadInputCase c, CaseDatabase db, Path project) throws Exception {
        c.copyInto(project, corpus().resolve("_base"));
        Map<String, String> placeholders = Map.of(
                "${host}", db.host(), "${port}", Integer.toString(db.port()), "${db}", db.name(),
                "${password}", APP_PASSWORD);
        Map<String, String> system = new TreeMap<>();
        system.put("migrate.url", "postgresql://" + db.host() + ":" + db.port() + "/" + db.name());
        system.put("migrate.user", db.user());
        db.password().ifPresent(p -> system.put("migrate.password", p));
        c.settings().forEach((k, v) -> system.put(k, c.substitute(v, placeholders)));
        c.unset().forEach(system::remove);

        if (!startsFromBaseCopy(c)) {
            if (c.base()) {
                upgradeBase(db);
            }
            db.execute(KEEP_TABLE);
        }
        if (c.prepare().isPresent()) {
            try (Migrate migrate = Migrate.open(c.layout(project), request(project, "local", system), MigrationListener.NONE)) {
                migrate.upgrade(c.prepare().get(), RunOptions.DEFAULT);
            }
        }
        c.setupSql().ifPresent(db::execute);
        String before = db.snapshot();

        List<String> lines = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void info(String line) {
                lines.add(line);
            }

            @Override
            public void debug(String line) {
                lines.add(line);
            }
        };
        Throwable thrown;
        try (TableLock lock = c.lockedTable().map(t -> TableLock.hold(db, t)).orElse(null)) {
            thrown = Assertions.assertTimeoutPreemptively(CASE_TIME_LIMIT, () -> {
                try (Migrate migrate = Migrate.open(c.layout(project), request(project, c.environment(), system), listener)) {
                    c.command(migrate);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }, () -> c.name() + " did not finish within " + CASE_TIME_LIMIT.toSeconds() + " s");
        }

        String what = c.name() + " (" + c.description() + ")";
        if (thrown == null) {
            fail(what + ": accepted, expected " + c.error() + "; log: " + lines);
        }
        String message = String.valueOf(thrown.getMessage());
        String trace = trace(thrown);
        assertTrue(thrown instanceof MigrateException, what + ": not an engine error: " + trace);
        assertTrue(isA(thrown.getClass(), c.error()), what + ": expected " + c.error() + ", got "
                + thrown.getClass().getName() + ": " + message);
        for (String word : c.contains()) {
            assertTrue(message.contains(c.substitute(word, placeholders)), what + ": the message lacks '" + word + "': " + message);
        }
        assertTrue(message.length() <= MESSAGE_LIMIT, what + ": message of " + message.length() + " characters");
        assertTrue(!message.isBlank() && !message.contains("\n\n"), what + ": not one paragraph: " + message);
        assertTrue(!STACK_FRAME.matcher(message).find(), what + ": stack trace or Java class in the message: " + message);
        for (String secret : secrets()) {
            assertTrue(!trace.contains(secret), what + ": a password in the exception: " + trace);
            for (String line : lines) {
                assertTrue(!line.contains(secret), what + ": a password in a logged line: " + line);
            }
        }
        assertEquals(before, db.snapshot(), what + ": the database changed");
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"),
                what + ": an advisory lock is left");
    }

    private static EnvironmentRequest request(Path project, String environment, Map<String, String> system) {
        return new EnvironmentRequest(project, Optional.of(environment), Map.of(), system, Map.of(), Optional.empty(),
                id -> Optional.empty());
    }

    /** Brings the case's database to the good base revision, from a project holding only that. */
    private static void upgradeBase(CaseDatabase db) throws IOException {
        Path base = Files.createTempDirectory("migrate-bad-input-base");
        try {
            Path versions = Files.createDirectories(base.resolve("versions"));
            try (Stream<Path> files = Files.list(corpus().resolve("_base/versions"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, versions.resolve(f.getFileName()));
                }
            }
            Map<String, String> system = new TreeMap<>();
            system.put("migrate.url", "postgresql://" + db.host() + ":" + db.port() + "/" + db.name());
            system.put("migrate.user", db.adminUser());
            db.adminPassword().ifPresent(p -> system.put("migrate.password", p));
            ProjectLayout layout = ProjectLayout.standard(base).withVersionPaths(List.of(versions));
            try (Migrate migrate = Migrate.open(layout, request(base, "local", system), MigrationListener.NONE)) {
                migrate.upgrade("heads", RunOptions.DEFAULT);
            }
        } finally {
            deleteTree(base);
        }
    }

    private static Set<String> secrets() {
        return Set.of(APP_PASSWORD, APP_PASSWORD.replace("@", "%40"), "9q2v", CaseDatabase.PasswordServer.WRONG_PASSWORD, "Zr8wrong");
    }

    private static boolean isA(Class<?> type, String simpleName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    private static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static synchronized CaseDatabase.PasswordServer passwordServer() {
        if (passwordServer == null) {
            passwordServer = CaseDatabase.PasswordServer.start(APP_PASSWORD);
        }
        return passwordServer;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                f.toFile().setWritable(true);
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Another session holding an ACCESS EXCLUSIVE lock on a table for as long as it is open, or 10 s
     * at most, so that a run that ignores its lock timeout ends (and fails the case) instead of hanging.
     */
    private record TableLock(Connection connection, java.util.Timer timer) implements AutoCloseable {
        static TableLock hold(CaseDatabase db, String table) {
            try {
                Connection c = db.connectAdmin();
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
                }
                java.util.Timer timer = new java.util.Timer("bad-input-lock-release", true);
                timer.schedule(new java.util.TimerTask() {
                    @Override
                    public void run() {
                        try {
                            c.rollback();
                        } catch (java.sql.SQLException e) {
                            // closed already
                        }
                    }
                }, 10_000);
                return new TableLock(c, timer);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not lock " + table, e);
            }
        }

        @Override
        public synchronized void close() throws java.sql.SQLException {
            timer.cancel();
            connection.rollback();
            connection.close();
        }
    }

    static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
