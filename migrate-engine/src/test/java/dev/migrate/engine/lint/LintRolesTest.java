package dev.migrate.engine.lint;

import dev.migrate.engine.database.ScratchDatabase;
import dev.migrate.engine.database.ScratchDatabases;
import dev.migrate.engine.scripts.RevisionFileParser;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roles belong to the whole server, not to the scratch database: a revision creating one lints the
 * same on every run on a shared server, leaves no role behind, and never drops a role it did not create.
 */
class LintRolesTest {
    @TempDir
    Path dir;

    private TestDatabase server;
    private String role;

    @BeforeEach
    void setUp() {
        server = TestDatabases.create();
        role = "lint_reader_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    @AfterEach
    void tearDown() {
        server.execute("DROP ROLE IF EXISTS " + role);
        server.close();
    }

    @Test
    void aRevisionCreatingARoleLintsTheSameOnEveryRunAndLeavesNoRoleBehind() throws IOException {
        RevisionScript script = revision("""
                CREATE ROLE %1$s NOLOGIN;
                CREATE TABLE reports (id bigint PRIMARY KEY);
                GRANT SELECT ON reports TO %1$s;
                """.formatted(role));
        LintResult first = lint(script);
        assertEquals(List.of(), failures(first), () -> String.join("\n", first.lines()));
        assertEquals(List.of(), roleRows(), "the role is dropped after the run");
        LintResult second = lint(script);
        assertEquals(List.of(), failures(second), () -> String.join("\n", second.lines()));
        assertEquals(rules(first), rules(second));
        assertEquals(List.of(), roleRows());
    }

    @Test
    void aRoleTheServerAlreadyHasCountsAsCreatedAndIsKept() throws IOException {
        server.execute("CREATE ROLE " + role + " NOLOGIN");
        LintResult result = lint(revision("""
                CREATE ROLE %1$s NOLOGIN;
                CREATE TABLE reports (id bigint PRIMARY KEY);
                GRANT SELECT ON reports TO %1$s;
                """.formatted(role)));
        assertEquals(List.of(), failures(result), () -> String.join("\n", result.lines()));
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("Line 8: ") && n.contains("already exists")
                && n.contains("measured as if the statement had created it")), result.notes().toString());
        assertEquals(List.of(role), roleRows(), "a role that was there before is not dropped");
    }

    @Test
    void dropAndAlterRoleAreNotRunOnTheScratchServer() throws IOException {
        server.execute("CREATE ROLE " + role + " NOLOGIN");
        lint(revision("ALTER ROLE %1$s RENAME TO %1$s_x;\nDROP ROLE %1$s;\n".formatted(role)));
        assertEquals(List.of(role), roleRows(), "the server's own role is neither renamed nor dropped");
    }

    private RevisionScript revision(String upgrade) throws IOException {
        Path file = dir.resolve("aaaa00000001_roles.sql");
        Files.writeString(file, """
                -- roles
                --
                -- Revision ID: aaaa00000001
                -- Revises:
                -- Create Date: 2026-12-01 09:00:00

                -- migrate:upgrade
                """ + upgrade);
        return RevisionFileParser.parse(file);
    }

    private static LintResult lint(RevisionScript script) {
        try (ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer);
             ScratchDatabase database = scratch.create("lint")) {
            return new Linter(17, "test", true, line -> { })
                    .lint(database, List.of(script), Set.of(script.id()), List.of(), List.of());
        }
    }

    private List<String> roleRows() {
        return server.query("SELECT rolname FROM pg_roles WHERE rolname = '" + role + "'");
    }

    private static List<String> failures(LintResult result) {
        return result.findings().stream().filter(f -> f.rule() == Rules.STATEMENT_FAILS).map(Finding::text).toList();
    }

    private static List<String> rules(LintResult result) {
        return result.findings().stream().map(f -> f.rule().id()).sorted().toList();
    }
}
