package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.Revision;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionFileParserTest {

    private static final Path FILE = Path.of("versions", "3f2a9c1d8e7b_add_email_verified.sql");

    static final String SPEC_EXAMPLE = """
            -- add email_verified to users
            --
            -- Revision ID: 3f2a9c1d8e7b
            -- Revises: 6f815ac9ca51
            -- Create Date: 2026-11-22 10:30:45
            -- Branch Labels: auth
            -- Depends On: 1c0ffee00000
            -- Transactional: false

            -- migrate:upgrade
            ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

            -- migrate:downgrade
            ALTER TABLE users DROP COLUMN email_verified;
            """;

    private static RevisionScript parse(String content) {
        return RevisionFileParser.parse(FILE, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String content) {
        return assertThrows(MalformedRevisionFileException.class, () -> parse(content)).getMessage();
    }

    private static String file(String header, String body) {
        return header + "\n-- migrate:upgrade\n" + body;
    }

    @Test
    void specExample() {
        RevisionScript script = parse(SPEC_EXAMPLE);
        assertEquals(new Revision("3f2a9c1d8e7b", List.of("6f815ac9ca51"), List.of("1c0ffee00000"), Set.of("auth")),
                script.revision());
        assertEquals("add email_verified to users", script.message());
        assertEquals(FILE, script.file());
        assertEquals(Optional.of("2026-11-22 10:30:45"), script.createDate());
        assertFalse(script.transactional());
        assertEquals(List.of(new SqlStatement("ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false", 11)),
                script.upgrade());
        assertEquals(List.of(new SqlStatement("ALTER TABLE users DROP COLUMN email_verified", 14)), script.downgrade());
        assertTrue(script.reversible());
        assertEquals(Checksum.of(SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8)), script.checksum());
    }

    @Test
    void minimalBaseRevisionHasDefaults() {
        RevisionScript script = parse("-- create users\n-- Revision ID: a1\n-- migrate:upgrade\nCREATE TABLE users (id int);\n");
        assertEquals(Revision.of("a1"), script.revision());
        assertTrue(script.revision().isBase());
        assertEquals(Optional.empty(), script.createDate());
        assertTrue(script.transactional());
        assertEquals(List.of(new SqlStatement("CREATE TABLE users (id int)", 4)), script.upgrade());
        assertEquals(List.of(), script.downgrade());
        assertFalse(script.reversible(), "no downgrade section after a non-empty upgrade");
    }

    @Test
    void emptyRevisesIsABase() {
        assertEquals(Revision.of("a1"), parse(file("-- m\n-- Revision ID: a1\n-- Revises:\n-- Branch Labels: \n-- Depends On:", "")).revision());
    }

    @Test
    void commaListInRevisesIsAMergePoint() {
        RevisionScript merge = parse(file("-- merge heads\n-- Revision ID: m1\n-- Revises: a1, b2,c3", ""));
        assertEquals(List.of("a1", "b2", "c3"), merge.revision().downRevisions());
        assertTrue(merge.revision().isMergePoint());
        assertTrue(merge.reversible(), "a merge point with no SQL has nothing to undo");
    }

    @Test
    void severalBranchLabelsAndDependencies() {
        Revision revision = parse(file("-- m\n-- Revision ID: a1\n-- Branch Labels: auth, billing\n-- Depends On: b2, auth", "")).revision();
        assertEquals(Set.of("auth", "billing"), revision.branchLabels());
        assertEquals(List.of("b2", "auth"), revision.dependsOn());
    }

    @Test
    void transactionalAcceptsTrueAndFalseInAnyCase() {
        assertTrue(parse(file("-- m\n-- Revision ID: a1\n-- Transactional: TRUE", "")).transactional());
        assertFalse(parse(file("-- m\n-- Revision ID: a1\n-- Transactional: False", "")).transactional());
    }

    @Test
    void headerKeysIgnoreCaseAndSpacing() {
        Revision revision = parse(file("-- m\n--revision  id:a1\n--   REVISES :  b2", "")).revision();
        assertEquals(Revision.of("a1", "b2"), revision);
    }

    @Test
    void messageIsTheFirstNonEmptyCommentLine() {
        assertEquals("add users", parse(file("--\n-- add users\n-- more words\n-- Revision ID: a1", "")).message());
        assertEquals("", parse(file("-- Revision ID: a1\n-- Revises: b2", "")).message());
        assertEquals("Revision: rename columns", parse(file("-- Revision: rename columns\n-- Revision ID: a1", "")).message(),
                "the first line is the message whatever it looks like");
    }

    @Test
    void freeCommentsInTheHeaderAreAllowed() {
        // Alembic's docstring is free text; notes such as these are common and harmless
        RevisionScript script = parse(file("-- m\n-- Author: ann\n-- Ticket: OPS-12\n-- Revision ID: a1\n-- slow on big tables: run off-peak", ""));
        assertEquals("a1", script.id());
    }

    @Test
    void nearMissOfAHeaderKeyIsAnError() {
        // tolerated, "Revise:" would silently make this revision a second base
        assertEquals(FILE + ":3: unknown header \"Revise\": did you mean \"Revises\"? (the header keys are Revision ID, "
                        + "Revises, Create Date, Branch Labels, Depends On, Transactional)",
                error(file("-- m\n-- Revision ID: a1\n-- Revise: b2", "")));
        assertEquals(FILE + ":2: unknown header \"Depend On\": did you mean \"Depends On\"? (the header keys are Revision ID, "
                        + "Revises, Create Date, Branch Labels, Depends On, Transactional)",
                error(file("-- m\n-- Depend On: b2\n-- Revision ID: a1", "")));
        assertEquals(FILE + ":2: unknown header \"Revision\": did you mean \"Revision ID\"? (the header keys are Revision ID, "
                        + "Revises, Create Date, Branch Labels, Depends On, Transactional)",
                error(file("-- m\n-- Revision: a1", "")));
    }

    @Test
    void missingRevisionId() {
        assertEquals(FILE + ":1: no \"Revision ID\" in the header: add a line \"-- Revision ID: <id>\" before \"-- migrate:upgrade\"",
                error(file("-- m\n-- Revises: b2", "SELECT 1;")));
        assertEquals(FILE + ":2: empty \"Revision ID\": write the revision's id after \"Revision ID:\"",
                error(file("-- m\n-- Revision ID:  ", "")));
    }

    @Test
    void invalidIds() {
        String rule = "may contain only letters, digits and '_' (the characters @ - + : are target syntax)";
        assertEquals(FILE + ":2: invalid Revision ID 'ab-c': ids " + rule, error(file("-- m\n-- Revision ID: ab-c", "")));
        assertEquals(FILE + ":2: invalid Revision ID 'a1 b2': ids " + rule, error(file("-- m\n-- Revision ID: a1 b2", "")));
        assertEquals(FILE + ":3: invalid revision 'b@2' in Revises: ids " + rule, error(file("-- m\n-- Revision ID: a1\n-- Revises: b@2", "")));
        assertEquals(FILE + ":3: invalid branch label 'auth+1' in Branch Labels: labels " + rule,
                error(file("-- m\n-- Revision ID: a1\n-- Branch Labels: auth+1", "")));
        assertEquals(FILE + ":3: invalid revision or branch label 'a:b' in Depends On: ids and labels " + rule,
                error(file("-- m\n-- Revision ID: a1\n-- Depends On: a:b", "")));
    }

    @Test
    void revisionIdMustFitTheVersionTable() {
        String id = "a".repeat(65);
        assertEquals(FILE + ":2: Revision ID '" + id + "' is 65 characters long: the version table holds at most 64; use a shorter id",
                error(file("-- m\n-- Revision ID: " + id, "")));
        assertEquals("a".repeat(64), parse(file("-- m\n-- Revision ID: " + "a".repeat(64), "")).id());
    }

    @Test
    void entryListedTwice() {
        assertEquals(FILE + ":3: 'b2' is listed twice in Revises: list it once", error(file("-- m\n-- Revision ID: a1\n-- Revises: b2, b2", "")));
    }

    @Test
    void headerGivenTwice() {
        assertEquals(FILE + ":4: \"Revises\" is given twice (first at line 3): keep one",
                error(file("-- m\n-- Revision ID: a1\n-- Revises: b2\n-- revises: c3", "")));
    }

    @Test
    void badTransactionalValue() {
        assertEquals(FILE + ":3: Transactional must be true or false, not 'no'", error(file("-- m\n-- Revision ID: a1\n-- Transactional: no", "")));
    }

    @Test
    void missingUpgradeMarker() {
        assertEquals(FILE + ":3: no \"-- migrate:upgrade\" line: put the upgrade SQL after a line \"-- migrate:upgrade\" "
                        + "(and the downgrade SQL, if any, after \"-- migrate:downgrade\")",
                error("-- m\n-- Revision ID: a1\nCREATE TABLE t (id int);\n"));
        assertEquals(FILE + ":1: no \"-- migrate:upgrade\" line: put the upgrade SQL after a line \"-- migrate:upgrade\" "
                        + "(and the downgrade SQL, if any, after \"-- migrate:downgrade\")",
                error("-- m\n-- Revision ID: a1\n"));
        assertEquals(FILE + ":1: no \"-- migrate:upgrade\" line: put the upgrade SQL after a line \"-- migrate:upgrade\" "
                        + "(and the downgrade SQL, if any, after \"-- migrate:downgrade\")",
                error(""));
    }

    @Test
    void downgradeBeforeUpgrade() {
        assertEquals(FILE + ":3: \"-- migrate:downgrade\" comes before \"-- migrate:upgrade\": put the upgrade section first",
                error("-- m\n-- Revision ID: a1\n-- migrate:downgrade\nDROP TABLE t;\n-- migrate:upgrade\nCREATE TABLE t ();\n"));
        assertEquals(FILE + ":3: \"-- migrate:downgrade\" comes before \"-- migrate:upgrade\": put the upgrade section first",
                error("-- m\n-- Revision ID: a1\n-- migrate:downgrade\nDROP TABLE t;\n"));
    }

    @Test
    void duplicateMarkers() {
        assertEquals(FILE + ":5: second \"-- migrate:upgrade\" (the first is at line 3): a file has one upgrade section "
                        + "and at most one downgrade section",
                error("-- m\n-- Revision ID: a1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:upgrade\nSELECT 2;\n"));
        assertEquals(FILE + ":7: second \"-- migrate:downgrade\" (the first is at line 5): a file has one upgrade section "
                        + "and at most one downgrade section",
                error("-- m\n-- Revision ID: a1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\nSELECT 2;\n--migrate:downgrade\n"));
    }

    @Test
    void unknownMarkerIsAnError() {
        // a misspelt downgrade marker would otherwise run the downgrade SQL as part of the upgrade
        assertEquals(FILE + ":5: unknown marker \"-- migrate:downgrad\": the markers are \"-- migrate:upgrade\", \"-- migrate:downgrade\" and \"-- migrate:nothing-to-undo\"",
                error("-- m\n-- Revision ID: a1\n-- migrate:upgrade\nCREATE TABLE t ();\n-- migrate:downgrad\nDROP TABLE t;\n"));
    }

    @Test
    void sqlBeforeTheUpgradeMarker() {
        assertEquals(FILE + ":3: SQL before \"-- migrate:upgrade\": statements belong in the upgrade or downgrade section",
                error("-- m\n-- Revision ID: a1\nDROP TABLE t;\n-- migrate:upgrade\n"));
    }

    @Test
    void markersAndKeysAreToleratedWithSpacing() {
        RevisionScript script = parse("-- m\n-- Revision ID: a1\n  --migrate:UPGRADE  \nSELECT 1;\n--  migrate:downgrade\nSELECT 2;");
        assertEquals(List.of(new SqlStatement("SELECT 1", 4)), script.upgrade());
        assertEquals(List.of(new SqlStatement("SELECT 2", 6)), script.downgrade());
    }

    @Test
    void headerLikeCommentsInSectionsAreSql() {
        RevisionScript script = parse(file("-- m\n-- Revision ID: a1", "-- Revision ID: zz\nSELECT 1;\n"));
        assertEquals("a1", script.id());
        assertEquals(List.of(new SqlStatement("SELECT 1", 5)), script.upgrade());
    }

    @Test
    void emptyDowngradeSectionIsIrreversible() {
        RevisionScript script = parse("-- m\n-- Revision ID: a1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\n-- nothing to do\n");
        assertEquals(List.of(), script.downgrade());
        assertFalse(script.reversible());
        assertEquals(RevisionScript.DowngradeSection.EMPTY, script.downgradeSection());
    }

    @Test
    void missingDowngradeSectionIsToldFromAnEmptyOne() {
        RevisionScript script = parse("-- m\n-- Revision ID: a1\n-- migrate:upgrade\nSELECT 1;\n");
        assertFalse(script.reversible());
        assertEquals(RevisionScript.DowngradeSection.MISSING, script.downgradeSection());
        assertEquals("it has no '-- migrate:downgrade' section", script.downgradeSection().description());
        assertEquals(RevisionScript.DowngradeSection.STATEMENTS, parse(
                "-- m\n-- Revision ID: a1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\nSELECT 2;\n").downgradeSection());
    }

    @Test
    void nothingToUndoMakesARevisionReversibleWithoutStatements() {
        RevisionScript script = parse("-- m\n-- Revision ID: a1\n-- migrate:upgrade\nGRANT SELECT ON t TO r;\n"
                + "-- migrate:downgrade\n-- migrate:nothing-to-undo\n");
        assertTrue(script.reversible());
        assertEquals(List.of(), script.downgrade());
        assertEquals(RevisionScript.DowngradeSection.NOTHING_TO_UNDO, script.downgradeSection());
    }

    @Test
    void nothingToUndoOutsideTheDowngradeSectionOrBesideStatementsIsAnError() {
        assertEquals(FILE + ":4: \"-- migrate:nothing-to-undo\" belongs in the downgrade section: put it after "
                + "\"-- migrate:downgrade\"", error("-- m\n-- Revision ID: a1\n-- migrate:upgrade\n-- migrate:nothing-to-undo\n"));
        assertEquals(FILE + ":6: \"-- migrate:nothing-to-undo\" in a downgrade section that has statements (line 7): "
                + "keep the statements or the marker, not both", error("-- m\n-- Revision ID: a1\n-- migrate:upgrade\n"
                + "SELECT 1;\n-- migrate:downgrade\n-- migrate:nothing-to-undo\nSELECT 2;\n"));
    }

    @Test
    void aNulByteIsReportedByLine() {
        assertEquals(FILE + ":4: a NUL byte (\\0): a revision file is UTF-8 text; if this one was saved as UTF-16, save "
                + "it again as UTF-8", error("-- m\n-- Revision ID: a1\n-- migrate:upgrade\nSELECT '\0';\n"));
    }

    @Test
    void aLabelEqualToTheRevisionIdIsAnError() {
        assertEquals(FILE + ":3: branch label 'a1' is the revision's own id: a label must differ from every revision "
                + "id, or 'label@head' could not be told from the revision",
                error("-- m\n-- Revision ID: a1\n-- Branch Labels: a1\n-- migrate:upgrade\nSELECT 1;\n"));
    }

    @Test
    void statementLinesAreLinesInTheFile() {
        RevisionScript script = parse("-- m\n-- Revision ID: a1\n\n-- migrate:upgrade\n\nCREATE TABLE a ();\n\nCREATE TABLE b (\n  id int\n);\n"
                + "-- migrate:downgrade\nDROP TABLE b;\nDROP TABLE a;");
        assertEquals(List.of(new SqlStatement("CREATE TABLE a ()", 6), new SqlStatement("CREATE TABLE b (\n  id int\n)", 8)), script.upgrade());
        assertEquals(List.of(new SqlStatement("DROP TABLE b", 12), new SqlStatement("DROP TABLE a", 13)), script.downgrade());
    }

    @Test
    void unterminatedSqlNamesFileAndLine() {
        MalformedRevisionFileException e = assertThrows(MalformedRevisionFileException.class,
                () -> parse("-- m\n-- Revision ID: a1\n-- migrate:upgrade\nSELECT 1;\nDO $body$ BEGIN END $$;\n-- migrate:downgrade\nSELECT 2;\n"));
        assertEquals(FILE + ":5: unterminated dollar-quoted string: add the closing $body$", e.getMessage());
        assertEquals(FILE, e.file());
        assertEquals(5, e.line());
        assertEquals("unterminated dollar-quoted string: add the closing $body$", e.problem());
    }

    @Test
    void invalidUtf8() {
        byte[] bytes = "-- m\n-- Revision ID: a1\n-- migrate:upgrade\nSELECT 'x';\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 4] = (byte) 0xC3; // the 'x' becomes a lone lead byte
        assertEquals(FILE + ":4: not valid UTF-8: save the file with UTF-8 encoding",
                assertThrows(MalformedRevisionFileException.class, () -> RevisionFileParser.parse(FILE, bytes)).getMessage());
    }

    @Test
    void crlfAndBomFilesParseLikeLfOnes() {
        RevisionScript lf = parse(SPEC_EXAMPLE);
        byte[] crlf = SPEC_EXAMPLE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + SPEC_EXAMPLE).getBytes(StandardCharsets.UTF_8);
        assertEquals(lf, RevisionFileParser.parse(FILE, crlf));
        assertEquals(lf, RevisionFileParser.parse(FILE, bom));
    }

    @Test
    void checksumIgnoresLineEndingsAndBomButNotContent() {
        String lf = Checksum.of(SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(67, lf.length());
        assertTrue(lf.matches("v2:[0-9a-f]{64}"));
        assertEquals(lf, Checksum.of(SPEC_EXAMPLE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(lf, Checksum.of(SPEC_EXAMPLE.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)));
        assertEquals(lf, Checksum.of(("\uFEFF" + SPEC_EXAMPLE.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(lf, Checksum.of(SPEC_EXAMPLE.replace("DEFAULT false", "DEFAULT true").getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(lf, Checksum.of(SPEC_EXAMPLE.replace("\n", "\n\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(lf, Checksum.of((SPEC_EXAMPLE + " ").getBytes(StandardCharsets.UTF_8)), "trailing blanks are no edit");
        // the well-known SHA-256 of "abc", reached through a BOM and no line endings
        assertEquals("v2:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Checksum.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b', 'c'}));
        assertEquals(Checksum.of("a\nb\n".getBytes(StandardCharsets.UTF_8)), Checksum.of("a\r\nb\r".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void largeFileIsReadInLinearTime() {
        StringBuilder sb = new StringBuilder("-- bulk load\n-- Revision ID: a1\n-- migrate:upgrade\n");
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            sb.append("INSERT INTO t VALUES (").append(i).append(", 'x;y'); -- row\n");
        }
        sb.append("-- migrate:downgrade\nTRUNCATE t;\n");
        long t0 = System.nanoTime();
        RevisionScript script = parse(sb.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(n, script.upgrade().size());
        assertEquals(new SqlStatement("INSERT INTO t VALUES (99999, 'x;y')", n + 3), script.upgrade().get(n - 1));
        assertEquals(List.of(new SqlStatement("TRUNCATE t", n + 5)), script.downgrade());
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }
}
