package dev.migrate.engine.lint;

import dev.migrate.engine.scripts.RevisionFileParser;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlSplitter;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The lint corpus under {@code src/test/resources/lint}: {@code base.sql} (the schema and rows
 * every case starts from) and one revision file per case in {@code cases/}, whose
 * {@code -- Expect:} header lists the rule ids it must produce ({@code none} for a safe rewrite;
 * {@code RULE accepted} for one a lint-ignore comment accepts) and whose optional
 * {@code -- PG Version:} header sets the target version.
 */
final class LintCorpus implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestDatabase admin;
    private final TestDatabase base;

    private LintCorpus(TestDatabase admin, TestDatabase base) {
        this.admin = admin;
        this.base = base;
    }

    /** A corpus case: its file and what it expects. */
    record Case(Path file, List<String> expected, int pgVersion) {
        String name() {
            return file.getFileName().toString().replaceFirst("\\.sql$", "");
        }

        RevisionScript script() {
            return RevisionFileParser.parse(file);
        }
    }

    static Path root() {
        try {
            return Path.of(LintCorpus.class.getResource("/lint/base.sql").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> cases() {
        try (Stream<Path> files = Files.list(root().resolve("cases"))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().map(LintCorpus::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case read(Path file) {
        List<String> expected = new ArrayList<>();
        int version = 17;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("-- Expect:")) {
                    String list = line.substring("-- Expect:".length()).strip();
                    if (!list.equals("none")) {
                        Arrays.stream(list.split(",")).map(String::strip).forEach(expected::add);
                    }
                } else if (line.startsWith("-- PG Version:")) {
                    version = Integer.parseInt(line.substring("-- PG Version:".length()).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        expected.sort(null);
        return new Case(file, List.copyOf(expected), version);
    }

    /** Creates the base database (schema and rows) that every case copies. */
    static LintCorpus open() throws IOException, SQLException {
        TestDatabase admin = TestDatabases.create();
        TestDatabase base = TestDatabases.create();
        String sql = Files.readString(root().resolve("base.sql"), StandardCharsets.UTF_8);
        try (Connection c = base.connect(); Statement st = c.createStatement()) {
            for (var statement : SqlSplitter.split(sql, 1)) {
                st.execute(statement.sql());
            }
        }
        return new LintCorpus(admin, base);
    }

    /** Lints one case on a fresh copy of the base database. */
    LintResult lint(Case c) throws SQLException {
        String name = base.name() + "_c" + COUNTER.incrementAndGet();
        try (Connection a = admin.connect(); Statement st = a.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + base.name() + "\"");
        }
        try (Connection scratch = DriverManager.getConnection(base.jdbcUrl().replace("/" + base.name(), "/" + name), base.properties())) {
            RevisionScript script = c.script();
            return new Linter(c.pgVersion(), "test", false, line -> { })
                    .lint(scratch, List.of(script), Set.of(script.id()), List.of(), List.of());
        } finally {
            try (Connection a = admin.connect(); Statement st = a.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            }
        }
    }

    /** The result's findings as the corpus writes them: sorted rule ids, {@code RULE accepted} when accepted. */
    static List<String> found(LintResult result) {
        return result.findings().stream().map(f -> f.rule().id() + (f.accepted() ? " accepted" : "")).sorted().toList();
    }

    Optional<String> kind() {
        return Optional.of(TestDatabases.serverKind());
    }

    @Override
    public void close() {
        base.close();
        admin.close();
    }
}
