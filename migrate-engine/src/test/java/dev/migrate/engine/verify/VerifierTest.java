package dev.migrate.engine.verify;

import dev.migrate.engine.schema.DesiredSchemaException;
import dev.migrate.engine.schema.SqlFilesSchema;

import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.ScratchDatabases;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.ScriptDirectory;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.verify.VerifyReport.Kind;
import dev.migrate.engine.verify.VerifyReport.Outcome;
import dev.migrate.engine.verify.VerifyReport.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verify on a real PostgreSQL: revision files in a folder, every revision up, down (compared), up again. */
class VerifierTest {
    @TempDir
    Path project;

    private final List<String> progress = new ArrayList<>();

    @Test
    void aDowngradeThatForgetsAnIndexIsReportedByRevisionAndIndexAndTheWalkGoesOn() throws IOException {
        revision("a1", "", "create reports", "CREATE TABLE reports (id bigint PRIMARY KEY, created_at timestamptz);",
                "DROP TABLE reports;");
        revision("b2", "a1", "index reports", "ALTER TABLE reports ADD COLUMN note text;\n"
                + "CREATE INDEX idx_reports_created_at ON reports (created_at);", "ALTER TABLE reports DROP COLUMN note;");
        revision("c3", "b2", "add title", "ALTER TABLE reports ADD COLUMN title text;", "ALTER TABLE reports DROP COLUMN title;");

        VerifyReport report = verify(VerifyOptions.defaults());

        assertEquals(List.of("Revision b2 (index reports): downgrade does not restore the schema: index "
                + "public.idx_reports_created_at is left behind"), texts(report));
        assertEquals(Kind.SCHEMA_NOT_RESTORED, report.problems().get(0).kind());
        assertEquals(List.of(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED), outcomes(report));
        assertEquals(3, report.revisionsChecked());
        assertEquals(3, progress.size(), progress.toString());
    }

    @Test
    void aDowngradeThatRestoresEverythingPassesAndLeavesNoScratchDatabase() throws IOException {
        revision("a1", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
                + "CREATE UNIQUE INDEX users_email_key ON users (email);\nCOMMENT ON TABLE users IS 'people';",
                "DROP TABLE users;");
        revision("b2", "a1", "statuses", "CREATE TYPE status AS ENUM ('new', 'done');\n"
                + "ALTER TABLE users ADD COLUMN status status NOT NULL DEFAULT 'new';\n"
                + "CREATE VIEW active_users AS SELECT id FROM users WHERE status = 'new';",
                "DROP VIEW active_users;\nALTER TABLE users DROP COLUMN status;\nDROP TYPE status;");
        try (ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer)) {
            VerifyReport report = new Verifier(scratch, settings(), VerifyOptions.defaults(), progress::add)
                    .verify(scripts().map(), byId());
            assertTrue(report.passed(), report.lines(true).toString());
            assertEquals(List.of(Outcome.PASSED, Outcome.PASSED), outcomes(report));
            assertTrue(scratch.open().isEmpty(), "every scratch database is dropped when the walk ends");
            assertTrue(report.summary().startsWith("Verified 2 revisions (upgrade, downgrade, upgrade) in "), report.summary());
        }
    }

    @Test
    void anEnumValueThatTheDowngradeCannotRemoveIsReported() throws IOException {
        revision("a1", "", "create reports", "CREATE TYPE reportstatus AS ENUM ('draft', 'done');\n"
                + "CREATE TABLE reports (id bigint PRIMARY KEY, status reportstatus);", "DROP TABLE reports;\nDROP TYPE reportstatus;");
        revision("b2", "a1", "archive reports", "ALTER TYPE reportstatus ADD VALUE 'archived';", "-- migrate:nothing-to-undo");

        VerifyReport report = verify(VerifyOptions.defaults());

        assertEquals(1, report.problems().size(), texts(report).toString());
        Problem p = report.problems().get(0);
        assertEquals("b2", p.revision());
        assertEquals(List.of("enum value 'archived' of public.reportstatus cannot be removed in place, so the downgrade"
                + " leaves it behind: recreate the type without it in the downgrade, or declare the revision irreversible"
                + " (empty downgrade section) and verify with migrate.allowIrreversible=true"),
                p.details().stream().map(dev.migrate.engine.Advice::plain).toList());
    }

    @Test
    void anIrreversibleRevisionIsAProblemUnlessAllowedThenItIsVerifiedUpgradeOnly() throws IOException {
        revision("a1", "", "create reports", "CREATE TYPE reportstatus AS ENUM ('draft');\n"
                + "CREATE TABLE reports (id bigint PRIMARY KEY, status reportstatus);", "DROP TABLE reports;\nDROP TYPE reportstatus;");
        write("b2_archive.sql", header("b2", "a1", "archive reports") + "-- migrate:upgrade\n"
                + "ALTER TYPE reportstatus ADD VALUE 'archived';\n");
        revision("c3", "b2", "add title", "ALTER TABLE reports ADD COLUMN title text;", "ALTER TABLE reports DROP COLUMN title;");

        VerifyReport refused = verify(VerifyOptions.defaults());
        assertEquals(List.of("Revision b2 (archive reports): is irreversible (it has no '-- migrate:downgrade' section): "
                + "write its downgrade, or, when it truly cannot be undone, verify it upgrade only with "
                + "migrate.allowIrreversible=true"), texts(refused));
        assertEquals(Kind.IRREVERSIBLE, refused.problems().get(0).kind());
        assertEquals(Outcome.PASSED, refused.revisions().get(2).outcome(), "the revisions after it are verified all the same");

        VerifyReport allowed = verify(VerifyOptions.defaults().withAllowIrreversible(true));
        assertTrue(allowed.passed(), texts(allowed).toString());
        assertEquals(List.of(Outcome.PASSED, Outcome.UPGRADE_ONLY, Outcome.PASSED), outcomes(allowed));
        assertEquals(List.of("Revision b2 is irreversible (it has no '-- migrate:downgrade' section): verified upgrade only,"
                + " its downgrade is skipped (migrate.allowIrreversible=true)."), allowed.notes());
    }

    @Test
    void branchesAndMergesAreWalkedInUpgradeOrderAndABrokenBranchIsFound() throws IOException {
        revision("a1", "", "base", "CREATE TABLE accounts (id bigint PRIMARY KEY);", "DROP TABLE accounts;");
        revision("b1", "a1", "left", "CREATE TABLE left_side (id int);", "DROP TABLE left_side;");
        revision("b2", "a1", "right", "CREATE TABLE right_side (id int);\nCREATE SEQUENCE right_seq;", "DROP TABLE right_side;");
        revision("m3", "b1, b2", "merge", "", "");
        revision("d4", "m3", "after merge", "CREATE INDEX accounts_id_idx ON accounts (id);", "DROP INDEX accounts_id_idx;");

        VerifyReport report = verify(VerifyOptions.defaults());

        assertEquals(List.of("Revision b2 (right): downgrade does not restore the schema: sequence public.right_seq is left behind"),
                texts(report));
        List<String> order = report.revisions().stream().map(VerifyReport.RevisionCheck::revision).toList();
        assertEquals("a1", order.get(0));
        assertEquals(List.of("m3", "d4"), order.subList(3, 5));
        assertEquals(Map.of("a1", Outcome.PASSED, "b1", Outcome.PASSED, "b2", Outcome.FAILED, "m3", Outcome.PASSED,
                "d4", Outcome.PASSED), byRevision(report));
    }

    @Test
    void severalHeadsAreRefusedBeforeAnythingRuns() throws IOException {
        revision("a1", "", "base", "CREATE TABLE accounts (id bigint);", "DROP TABLE accounts;");
        revision("b1", "a1", "left", "CREATE TABLE l (id int);", "DROP TABLE l;");
        revision("b2", "a1", "right", "CREATE TABLE r (id int);", "DROP TABLE r;");
        try (ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer)) {
            SeveralHeadsException e = assertThrows(SeveralHeadsException.class,
                    () -> new Verifier(scratch, settings(), VerifyOptions.defaults(), progress::add).verify(scripts().map(), byId()));
            assertEquals("The revisions have several heads: b1, b2. verify checks one history; merge them first"
                    + " (the merge command), then verify.", e.getMessage());
            assertFalse(scratch.used());
        }
    }

    @Test
    void aRevisionThatFailsOnTheSeedRowsIsReportedAsSuchAndLaterOnesAreNotChecked() throws IOException {
        revision("a1", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;");
        revision("b2", "a1", "require email", "ALTER TABLE users ADD COLUMN email text NOT NULL;",
                "ALTER TABLE users DROP COLUMN email;");
        revision("c3", "b2", "add title", "ALTER TABLE users ADD COLUMN title text;", "ALTER TABLE users DROP COLUMN title;");
        Seed seed = seed("INSERT INTO users (id, name) VALUES (1, 'ada'), (2, 'alan');\n");

        VerifyReport report = verify(VerifyOptions.defaults().withSeed(seed));

        assertEquals(1, report.problems().size(), texts(report).toString());
        Problem p = report.problems().get(0);
        assertEquals(Kind.FAILS_ON_EXISTING_DATA, p.kind());
        assertEquals("b2", p.revision());
        assertEquals("upgrade fails on existing data (the seed data loaded after a1), though it upgrades an empty database",
                p.summary());
        assertTrue(p.details().get(0).startsWith("SQLSTATE 23502: "), p.details().toString());
        assertTrue(p.details().get(0).contains("\"email\""), p.details().toString());
        assertEquals(List.of(Outcome.PASSED, Outcome.FAILED, Outcome.NOT_CHECKED), outcomes(report));
        assertTrue(report.notes().contains("1 revision after b2 was not checked: they need its upgrade."), report.notes().toString());

        Seed withEmail = seed("INSERT INTO users (id, name, email) VALUES (1, 'ada', 'ada@example.com');\n");
        VerifyReport later = verify(VerifyOptions.defaults().withSeed(withEmail).withSeedAfter("c3"));
        assertTrue(later.passed(), "loaded after c3, the rows come after the NOT NULL column: " + texts(later));
    }

    @Test
    void theSeedRowsMeetTheLaterRevisionsAndTheirDowngrades() throws IOException {
        revision("a1", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;");
        // the downgrade fails when a row has no name: only the seed rows can show it
        revision("b2", "a1", "names required", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;",
                "ALTER TABLE users ALTER COLUMN name DROP NOT NULL;\nALTER TABLE users ADD CONSTRAINT users_named CHECK (id < 2);\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_named;");
        revision("c3", "b2", "add title", "ALTER TABLE users ADD COLUMN title text;", "ALTER TABLE users DROP COLUMN title;");

        assertTrue(verify(VerifyOptions.defaults()).passed());
        VerifyReport seeded = verify(VerifyOptions.defaults().withSeed(seed("INSERT INTO users VALUES (1, 'ada'), (2, 'alan');")));

        assertEquals(1, seeded.problems().size(), texts(seeded).toString());
        assertEquals(Kind.DOWNGRADE_FAILED, seeded.problems().get(0).kind());
        assertTrue(seeded.problems().get(0).text().startsWith("Revision b2 (names required): downgrade fails: SQLSTATE 23514: "),
                seeded.problems().get(0).text());
        assertEquals(List.of(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED), outcomes(seeded),
                "the walk goes on after a failed downgrade, on a database rebuilt with the seed");
    }

    @Test
    void anUpgradeThatFailsWhenRunAgainAfterItsDowngradeIsReported() throws IOException {
        revision("a1", "", "create statuses", "CREATE TABLE statuses (name text PRIMARY KEY);", "DROP TABLE statuses;");
        revision("b2", "a1", "status new", "INSERT INTO statuses VALUES ('new');", "-- migrate:nothing-to-undo");
        revision("c3", "b2", "add title", "ALTER TABLE statuses ADD COLUMN title text;", "ALTER TABLE statuses DROP COLUMN title;");

        VerifyReport report = verify(VerifyOptions.defaults());

        assertEquals(1, report.problems().size(), texts(report).toString());
        assertEquals(Kind.REUPGRADE_FAILED, report.problems().get(0).kind());
        assertTrue(report.problems().get(0).text().startsWith("Revision b2 (status new): upgrade fails when run again after"
                + " its downgrade: SQLSTATE 23505: "), report.problems().get(0).text());
        assertEquals(List.of(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED), outcomes(report));
    }

    @Test
    void aRevisionThatFailsOnAnEmptyDatabaseTooIsAnUpgradeFailure() throws IOException {
        revision("a1", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
        revision("b2", "a1", "typo", "ALTER TABLE usres ADD COLUMN email text;", "ALTER TABLE users DROP COLUMN email;");

        VerifyReport report = verify(VerifyOptions.defaults().withSeed(seed("INSERT INTO users VALUES (1);")));

        assertEquals(Kind.UPGRADE_FAILED, report.problems().get(0).kind());
        assertTrue(report.problems().get(0).text().startsWith("Revision b2 (typo): upgrade fails: SQLSTATE 42P01: "),
                report.problems().get(0).text());
    }

    @Test
    void aSeedThatDoesNotLoadNamesItsFileAndLine() throws IOException {
        revision("a1", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
        Seed seed = seed("INSERT INTO users VALUES (1);\n\nINSERT INTO users VALUES (1);\n");

        SeedException e = assertThrows(SeedException.class, () -> verify(VerifyOptions.defaults().withSeed(seed)));
        assertTrue(e.getMessage().startsWith("Seed data " + seed.file() + " does not load after revision a1, at line 3: "
                + "SQLSTATE 23505: "), e.getMessage());
    }

    @Test
    void seedAfterAnUnknownRevisionIsRefused() throws IOException {
        revision("a1aa", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
        Seed seed = seed("INSERT INTO users VALUES (1);");
        InvalidVerifySettingException e = assertThrows(InvalidVerifySettingException.class,
                () -> verify(VerifyOptions.defaults().withSeed(seed).withSeedAfter("zzzz")));
        assertTrue(e.getMessage().startsWith("Invalid migrate.seedAfter=zzzz: "), e.getMessage());
    }

    @Test
    void theHeadSchemaIsComparedWithTheDesiredSchema() throws IOException {
        revision("a1", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;");
        revision("b2", "a1", "add email", "ALTER TABLE users ADD COLUMN email text;", "ALTER TABLE users DROP COLUMN email;");
        Path schema = Files.createDirectories(project.resolve("src/main/schema"));
        Files.writeString(schema.resolve("10_users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, name text, email text);\n");

        VerifyReport same = verify(VerifyOptions.defaults().withDesired(desired()));
        assertTrue(same.passed(), texts(same).toString());
        assertTrue(same.notes().contains("The head schema equals the desired schema " + desired().description() + "."),
                same.notes().toString());

        Files.writeString(schema.resolve("20_users_index.sql"), "CREATE INDEX users_name_idx ON users (name);\n"
                + "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n");
        VerifyReport differs = verify(VerifyOptions.defaults().withDesired(desired()));
        assertEquals(1, differs.problems().size(), texts(differs).toString());
        Problem p = differs.problems().get(0);
        assertEquals(Kind.HEAD_NOT_DESIRED, p.kind());
        assertEquals("b2", p.revision());
        assertTrue(p.details().contains("index public.users_name_idx is missing from the head schema"), p.details().toString());
        assertEquals(2, p.details().size(), p.details().toString());
        assertEquals(List.of(Outcome.PASSED, Outcome.PASSED), outcomes(differs), "the round trips themselves passed");

        Files.writeString(schema.resolve("30_broken.sql"), "\nCREATE INDEX ON missing_table (id);\n");
        DesiredSchemaException e = assertThrows(DesiredSchemaException.class,
                () -> verify(VerifyOptions.defaults().withDesired(desired())));
        assertTrue(e.getMessage().startsWith("The desired schema does not build: src/main/schema/30_broken.sql line 2 fails"
                + " (SQLSTATE 42P01): "), e.getMessage());
    }

    private SqlFilesSchema desired() {
        return SqlFilesSchema.find(project.resolve("src/main/schema"), "src/main/schema").orElseThrow();
    }

    @Test
    void theSeedFileIsFoundWhereTheProjectKeepsIt() throws IOException {
        assertEquals(Optional.empty(), Seed.locate(project, null));
        Files.createDirectories(project.resolve("src/main/migrations"));
        Files.writeString(project.resolve(Seed.DEFAULT_FILE), "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n");
        assertEquals(2, Seed.locate(project, null).orElseThrow().statements().size());
        SeedException e = assertThrows(SeedException.class, () -> Seed.locate(project, "data/missing.sql"));
        assertEquals("Seed data " + project.resolve("data/missing.sql") + " does not exist. Point migrate.seed at a SQL"
                + " file of INSERT statements, or leave it unset to use src/main/migrations/seed.sql when there is one.",
                e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private VerifyReport verify(VerifyOptions options) {
        try (ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer)) {
            return new Verifier(scratch, settings(), options, progress::add).verify(scripts().map(), byId());
        }
    }

    private static DatabaseSettings settings() {
        return DatabaseSettings.of("jdbc:postgresql:scratch", new Properties());
    }

    private ScriptDirectory scripts() {
        return ScriptDirectory.load(project.resolve("versions"));
    }

    private Map<String, RevisionScript> byId() {
        Map<String, RevisionScript> m = new HashMap<>();
        scripts().scripts().forEach(s -> m.put(s.id(), s));
        return m;
    }

    private void revision(String id, String parents, String message, String upgrade, String downgrade) throws IOException {
        write(id + "_" + message.replace(' ', '_') + ".sql", header(id, parents, message) + "-- migrate:upgrade\n" + upgrade
                + "\n\n-- migrate:downgrade\n" + downgrade + "\n");
    }

    private static String header(String id, String parents, String message) {
        return "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parents + "\n\n";
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(project.resolve("versions"));
        Files.writeString(project.resolve("versions").resolve(name), text);
    }

    private Seed seed(String sql) throws IOException {
        Path file = project.resolve("seed.sql");
        Files.writeString(file, sql);
        return Seed.read(file);
    }

    private static List<String> texts(VerifyReport report) {
        return report.problems().stream().map(Problem::text).map(dev.migrate.engine.Advice::plain).toList();
    }

    private static List<Outcome> outcomes(VerifyReport report) {
        return report.revisions().stream().map(VerifyReport.RevisionCheck::outcome).toList();
    }

    private static Map<String, Outcome> byRevision(VerifyReport report) {
        Map<String, Outcome> m = new HashMap<>();
        report.revisions().forEach(r -> m.put(r.revision(), r.outcome()));
        return m;
    }
}
