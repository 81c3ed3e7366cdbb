package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.InvalidRevisionIdException;
import dev.migrate.engine.graph.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionWriterTest {

    private static final LocalDateTime DATE = LocalDateTime.of(2026, 11, 22, 10, 30, 45, 123_456_789);

    @TempDir
    Path versions;

    private static NewRevision specRevision() {
        return new NewRevision("3f2a9c1d8e7b", "add email_verified to users", List.of("6f815ac9ca51"), List.of("auth"),
                List.of("1c0ffee00000"), DATE,
                "ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;\n",
                "ALTER TABLE users DROP COLUMN email_verified;");
    }

    @Test
    void rendersTheSpecFormat() {
        assertEquals("""
                -- add email_verified to users
                --
                -- Revision ID: 3f2a9c1d8e7b
                -- Revises: 6f815ac9ca51
                -- Create Date: 2026-11-22 10:30:45
                -- Branch Labels: auth
                -- Depends On: 1c0ffee00000

                -- migrate:upgrade
                ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

                -- migrate:downgrade
                ALTER TABLE users DROP COLUMN email_verified;
                """, RevisionWriter.defaults().render(specRevision()));
    }

    @Test
    void baseRevisionWithoutLabelsOrDependenciesLeavesThoseLinesOut() {
        assertEquals("""
                -- create users
                --
                -- Revision ID: a1b2c3d4e5f6
                -- Revises:
                -- Create Date: 2026-11-22 10:30:45

                -- migrate:upgrade


                -- migrate:downgrade
                """, RevisionWriter.defaults().render(NewRevision.of("a1b2c3d4e5f6", "create users", List.of(), DATE)));
    }

    @Test
    void mergeRevisionListsItsParentsAndStaysReversible() {
        NewRevision merge = NewRevision.of("m1", "merge heads", List.of("a1", "b2"), DATE);
        String content = RevisionWriter.defaults().render(merge);
        assertTrue(content.contains("\n-- Revises: a1, b2\n"), content);
        RevisionScript parsed = RevisionFileParser.parse(Path.of("m1.sql"), content.getBytes(StandardCharsets.UTF_8));
        assertEquals(Revision.of("m1", "a1", "b2"), parsed.revision());
        assertTrue(parsed.reversible());
    }

    @Test
    void writtenFileParsesBack() {
        Path file = RevisionWriter.defaults().write(specRevision(), versions);
        assertEquals(versions.resolve("3f2a9c1d8e7b_add_email_verified_to_users.sql"), file);
        RevisionScript script = RevisionFileParser.parse(file);
        assertEquals(specRevision().revision(), script.revision());
        assertEquals("add email_verified to users", script.message());
        assertEquals(Optional.of("2026-11-22 10:30:45"), script.createDate());
        assertTrue(script.transactional());
        assertEquals(List.of(new SqlStatement("ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false", 10)),
                script.upgrade());
        assertEquals(List.of(new SqlStatement("ALTER TABLE users DROP COLUMN email_verified", 13)), script.downgrade());
        assertEquals(List.of("3f2a9c1d8e7b"), ScriptDirectory.load(versions).scripts().stream().map(RevisionScript::id).toList());
    }

    @Test
    void refusesToOverwrite() throws IOException {
        Path file = RevisionWriter.defaults().write(specRevision(), versions);
        Files.writeString(file, "edited by hand");
        RevisionFileExistsException e = assertThrows(RevisionFileExistsException.class,
                () -> RevisionWriter.defaults().write(specRevision(), versions));
        assertEquals("Revision file " + file + " already exists: nothing was written; choose another message or revision id", e.getMessage());
        assertEquals(file, e.file());
        assertEquals("edited by hand", Files.readString(file));
    }

    @Test
    void slugIsAlembics() {
        assertEquals("add_email_verified_to_users", RevisionWriter.slug("Add email_verified to users!"));
        assertEquals("create_user_s_table_v2", RevisionWriter.slug("  create  user's table (v2) "));
        assertEquals("", RevisionWriter.slug(""));
        assertEquals("", RevisionWriter.slug(null));
        assertEquals("données_clés", RevisionWriter.slug("Données -- clés"));
        // 46 characters joined: cut to 40 ("this_is_a_very_long_message_that_goes_on") then back to the last '_', plus '_'
        assertEquals("this_is_a_very_long_message_that_goes_", RevisionWriter.slug("this is a very long message that goes on and on"));
        // one word longer than 40: cut at 40, then '_' as Alembic does
        assertEquals("a".repeat(40) + "_", RevisionWriter.slug("a".repeat(45)));
        // exactly 40 is not cut
        assertEquals("b".repeat(40), RevisionWriter.slug("b".repeat(40)));
    }

    @Test
    void fileTemplateTokens() {
        NewRevision revision = NewRevision.of("3f2a9c1d8e7b", "Add users", List.of(), LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertEquals(Path.of("3f2a9c1d8e7b_add_users.sql"), RevisionWriter.defaults().fileName(revision));
        assertEquals(Path.of("20260102_0304_3f2a9c1d8e7b_add_users.sql"),
                RevisionWriter.of("{year}{month}{day}_{hour}{minute}_{rev}_{slug}").fileName(revision));
        assertEquals(Path.of("2026", "01", "05_3f2a9c1d8e7b.sql"), RevisionWriter.of("{year}/{month}/{second}_{rev}.sql").fileName(revision));
        assertEquals(Path.of("3f2a9c1d8e7b_.sql"), RevisionWriter.defaults().fileName(NewRevision.of("3f2a9c1d8e7b", null, List.of(), DATE)));
    }

    @Test
    void fileTemplateMakesSubFolders() {
        NewRevision revision = NewRevision.of("a1", "x", List.of(), DATE);
        Path file = RevisionWriter.of("{year}/{rev}_{slug}").write(revision, versions);
        assertEquals(versions.resolve("2026").resolve("a1_x.sql"), file);
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void badFileTemplates() {
        assertEquals("Unknown token {date} in fileTemplate '{date}_{rev}': the tokens are {rev} {slug} {year} {month} {day} {hour} {minute} {second}",
                assertThrows(InvalidTemplateException.class, () -> RevisionWriter.of("{date}_{rev}")).getMessage());
        assertEquals("Unknown token {rev in fileTemplate '{rev': the tokens are {rev} {slug} {year} {month} {day} {hour} {minute} {second}",
                assertThrows(InvalidTemplateException.class, () -> RevisionWriter.of("{rev")).getMessage());
        assertEquals("fileTemplate is empty: use for example {rev}_{slug}",
                assertThrows(InvalidTemplateException.class, () -> RevisionWriter.of(" ")).getMessage());
        NewRevision revision = NewRevision.of("a1", "x", List.of(), DATE);
        assertEquals("fileTemplate '../{rev}' gives ../a1.sql, which is not a visible file inside the version directory: "
                        + "use a relative name without '..' that does not start with '.'",
                assertThrows(InvalidTemplateException.class, () -> RevisionWriter.of("../{rev}").fileName(revision)).getMessage());
        assertEquals("fileTemplate '{slug}' gives .sql, which is not a visible file inside the version directory: "
                        + "use a relative name without '..' that does not start with '.'",
                assertThrows(InvalidTemplateException.class,
                        () -> RevisionWriter.of("{slug}").fileName(NewRevision.of("a1", "", List.of(), DATE))).getMessage());
    }

    @Test
    void customTemplateFile() throws IOException {
        Path template = versions.resolveSibling("template.sql");
        Files.writeString(template, """
                -- ${message}
                -- Revision ID: ${revision}
                -- Revises: ${down_revision}
                -- Create Date: ${create_date}
                -- Branch Labels: ${branch_labels}
                -- Depends On: ${depends_on}
                -- Reviewed by: (fill in)
                -- Transactional: false

                -- migrate:upgrade
                SET lock_timeout = '5s';
                ${upgrades}

                -- migrate:downgrade
                ${downgrades}
                -- ${unknown} stays as written
                """.replace("\n", "\r\n"));
        NewRevision revision = new NewRevision("b2", "add index", List.of("a1"), List.of(), List.of("c3"), DATE,
                "CREATE INDEX CONCURRENTLY i ON t (c);", "DROP INDEX CONCURRENTLY i;");
        RevisionWriter writer = RevisionWriter.of(RevisionWriter.DEFAULT_FILE_TEMPLATE, template);
        assertEquals("""
                -- add index
                -- Revision ID: b2
                -- Revises: a1
                -- Create Date: 2026-11-22 10:30:45
                -- Depends On: c3
                -- Reviewed by: (fill in)
                -- Transactional: false

                -- migrate:upgrade
                SET lock_timeout = '5s';
                CREATE INDEX CONCURRENTLY i ON t (c);

                -- migrate:downgrade
                DROP INDEX CONCURRENTLY i;
                -- ${unknown} stays as written
                """, writer.render(revision));
        RevisionScript script = RevisionFileParser.parse(writer.write(revision, versions));
        assertFalse(script.transactional());
        assertEquals(List.of(new SqlStatement("SET lock_timeout = '5s'", 10), new SqlStatement("CREATE INDEX CONCURRENTLY i ON t (c)", 11)),
                script.upgrade());
    }

    @Test
    void missingTemplateFileMeansTheDefault() {
        assertEquals(RevisionWriter.defaults().render(specRevision()),
                RevisionWriter.of(RevisionWriter.DEFAULT_FILE_TEMPLATE, versions.resolve("no-template.sql")).render(specRevision()));
    }

    @Test
    void templateThatDropsAHeaderIsRefused() {
        RevisionWriter noRevises = RevisionWriter.of(RevisionWriter.DEFAULT_FILE_TEMPLATE,
                "-- ${message}\n-- Revision ID: ${revision}\n-- migrate:upgrade\n${upgrades}\n-- migrate:downgrade\n${downgrades}\n");
        NewRevision revision = NewRevision.of("b2", "m", List.of("a1"), DATE);
        assertEquals("Revision b2 rendered with the template reads back as Revision ID b2, Revises [], Branch Labels [], "
                        + "Depends On [] instead of Revision ID b2, Revises [a1], Branch Labels [], Depends On []: keep the header lines "
                        + "\"-- Revision ID: ${revision}\", \"-- Revises: ${down_revision}\", \"-- Branch Labels: ${branch_labels}\" "
                        + "and \"-- Depends On: ${depends_on}\" in the template",
                assertThrows(InvalidTemplateException.class, () -> noRevises.write(revision, versions)).getMessage());
        assertEquals(0, versions.toFile().list().length, "nothing written");

        RevisionWriter noMarker = RevisionWriter.of(RevisionWriter.DEFAULT_FILE_TEMPLATE, "-- ${message}\n-- Revision ID: ${revision}\n${upgrades}\n");
        assertEquals("Revision b2 rendered with the template does not parse, at line 1 of the new file: no \"-- migrate:upgrade\" line: "
                        + "put the upgrade SQL after a line \"-- migrate:upgrade\" (and the downgrade SQL, if any, after \"-- migrate:downgrade\")",
                assertThrows(InvalidTemplateException.class, () -> noMarker.render(NewRevision.of("b2", "m", List.of(), DATE))).getMessage());
    }

    @Test
    void multiLineMessageBecomesOneLine() {
        String content = RevisionWriter.defaults().render(NewRevision.of("a1", "first line\r\n  second line\n", List.of(), DATE));
        assertTrue(content.startsWith("-- first line second line\n--\n"), content);
        assertEquals("-- empty message\n", RevisionWriter.defaults().render(NewRevision.of("a1", "  ", List.of(), DATE)).substring(0, 17));
    }

    @Test
    void newRevisionRejectsInvalidIds() {
        assertEquals("Invalid revision id 'a-1': ids may contain only letters, digits and '_' (the characters @ - + : are target syntax)",
                assertThrows(InvalidRevisionIdException.class, () -> NewRevision.of("a-1", "m", List.of(), DATE)).getMessage());
        assertEquals("Invalid revision id 'x@head': ids may contain only letters, digits and '_' (the characters @ - + : are target syntax)",
                assertThrows(InvalidRevisionIdException.class, () -> NewRevision.of("a1", "m", List.of("x@head"), DATE)).getMessage());
    }

    @Test
    void generatedIdsAreTwelveLowercaseHexAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RevisionIds.generate();
            assertTrue(id.matches("[0-9a-f]{12}"), id);
            assertTrue(Revision.isValidId(id));
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }
}
