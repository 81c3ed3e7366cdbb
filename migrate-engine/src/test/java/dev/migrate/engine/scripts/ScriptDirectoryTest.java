package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.DuplicateRevisionException;
import dev.migrate.engine.graph.MissingRevisionException;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.RevisionMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptDirectoryTest {

    @TempDir
    Path root;

    static String revisionFile(String id, String revises) {
        return "-- revision " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n\n-- migrate:upgrade\nCREATE TABLE t_" + id + " (id int);\n\n-- migrate:downgrade\nDROP TABLE t_" + id + ";\n";
    }

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aDanglingLinkIsReportedWithItsTarget() throws IOException {
        write("versions/a_first.sql", revisionFile("a1", ""));
        Files.createSymbolicLink(root.resolve("versions/b_gone.sql"), root.resolve("elsewhere/b_moved.sql"));

        UnreadableRevisionFileException e = assertThrows(UnreadableRevisionFileException.class,
                () -> ScriptDirectory.load(root.resolve("versions")));

        assertEquals(root.resolve("versions/b_gone.sql"), e.file());
        assertEquals("Cannot read revision file " + root.resolve("versions/b_gone.sql") + ": it is a symbolic link to "
                + root.resolve("elsewhere/b_moved.sql") + ", which does not exist; restore that file or delete the link", e.getMessage());
    }

    @Test
    void loadsEverySqlFileAtAnyDepthInPathOrder() throws IOException {
        write("versions/b_second.sql", revisionFile("b2", "a1"));
        write("versions/a_first.sql", revisionFile("a1", ""));
        write("versions/auth/2024/c_third.sql", revisionFile("c3", "b2"));
        write("versions/auth/d_fourth.sql", revisionFile("d4", "b2"));
        write("versions/README.md", "not a revision");
        write("versions/.#a_first.sql", "editor lock file");
        write("versions/.hidden/e.sql", "hidden folder");
        write("versions/notes.sql.bak", "backup");

        ScriptDirectory dir = ScriptDirectory.load(root.resolve("versions"));

        assertEquals(4, dir.scripts().size());
        assertEquals(List.of("a1", "c3", "d4", "b2"), dir.scripts().stream().map(RevisionScript::id).toList());
        assertEquals(Revision.of("c3", "b2"), dir.script("c3").orElseThrow().revision());
        assertEquals(root.resolve("versions/auth/2024/c_third.sql"), dir.script("c3").orElseThrow().file());
        assertEquals(Optional.of(Path.of("auth", "2024", "c_third.sql")), dir.relativePath("c3"));
        assertEquals(Optional.empty(), dir.script("c"));
        assertEquals(Optional.empty(), dir.relativePath("zz"));
        assertEquals(List.of(root.resolve("versions")), dir.versionDirs());
    }

    @Test
    void severalVersionDirectoriesInTheGivenOrder() throws IOException {
        write("core/z.sql", revisionFile("a1", ""));
        write("extra/a.sql", revisionFile("b2", "a1"));
        ScriptDirectory dir = ScriptDirectory.load(List.of(root.resolve("extra"), root.resolve("core")));
        assertEquals(List.of("b2", "a1"), dir.scripts().stream().map(RevisionScript::id).toList());
        assertEquals(Optional.of(Path.of("z.sql")), dir.relativePath("a1"));
    }

    @Test
    void aFileUnderTwoGivenDirectoriesIsLoadedOnce() throws IOException {
        write("versions/auth/a.sql", revisionFile("a1", ""));
        ScriptDirectory dir = ScriptDirectory.load(List.of(root.resolve("versions"), root.resolve("versions/auth")));
        assertEquals(List.of("a1"), dir.scripts().stream().map(RevisionScript::id).toList());
    }

    @Test
    void emptyDirectoryHasNoScripts() throws IOException {
        Files.createDirectories(root.resolve("versions"));
        assertEquals(List.of(), ScriptDirectory.load(root.resolve("versions")).scripts());
    }

    @Test
    void duplicateIdNamesBothFiles() throws IOException {
        Path first = write("versions/a.sql", revisionFile("a1", ""));
        Path second = write("versions/sub/b.sql", revisionFile("a1", ""));
        DuplicateRevisionException e = assertThrows(DuplicateRevisionException.class, () -> ScriptDirectory.load(root.resolve("versions")));
        assertEquals("Revision a1 is defined twice: in " + first + " and in " + second
                + ". Give one of them a new 'Revision ID:' (and update the 'Revises:' lines that point to it).", e.getMessage());
        assertEquals("a1", e.id());
        assertEquals(first.toString(), e.firstOrigin());
        assertEquals(second.toString(), e.secondOrigin());
    }

    @Test
    void parseErrorNamesFileAndLine() throws IOException {
        write("versions/a.sql", revisionFile("a1", ""));
        Path bad = write("versions/b.sql", "-- broken\n-- Revision ID: b-2\n-- migrate:upgrade\n");
        MalformedRevisionFileException e = assertThrows(MalformedRevisionFileException.class, () -> ScriptDirectory.load(root.resolve("versions")));
        assertEquals(bad + ":2: invalid Revision ID 'b-2': ids may contain only letters, digits and '_' "
                + "(the characters @ - + : are target syntax)", e.getMessage());
        assertEquals(bad, e.file());
        assertEquals(2, e.line());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path a = write("versions/a.sql", revisionFile("a1", ""));
        Path b = write("versions/b.sql", "-- no id\n-- migrate:upgrade\n");
        Path c = write("versions/c.sql", revisionFile("a1", ""));
        Path d = write("versions/d.sql", "-- m\n-- Revision ID: d4\n-- Transactional: maybe\n-- migrate:upgrade\n");
        InvalidRevisionFilesException e = assertThrows(InvalidRevisionFilesException.class, () -> ScriptDirectory.load(root.resolve("versions")));
        assertEquals("3 problems in revision files:"
                + "\n  " + b + ":1: no \"Revision ID\" in the header: add a line \"-- Revision ID: <id>\" before \"-- migrate:upgrade\""
                + "\n  Revision a1 is defined twice: in " + a + " and in " + c
                + ". Give one of them a new 'Revision ID:' (and update the 'Revises:' lines that point to it)."
                + "\n  " + d + ":3: Transactional must be true or false, not 'maybe'", e.getMessage());
        assertEquals(3, e.problems().size());
        assertInstanceOf(DuplicateRevisionException.class, e.problems().get(1));
        assertEquals(3, e.getSuppressed().length);
    }

    @Test
    void mapIsTheGraphOfTheFilesBuiltOnce() throws IOException {
        write("versions/a.sql", revisionFile("a1", ""));
        write("versions/b.sql", revisionFile("b2", "a1"));
        write("versions/auth/c.sql", revisionFile("c3", "a1"));
        write("versions/auth/m.sql", revisionFile("m4", "b2, c3"));
        ScriptDirectory dir = ScriptDirectory.load(root.resolve("versions"));
        RevisionMap map = dir.map();
        assertEquals(java.util.Set.of("m4"), map.heads());
        assertEquals(java.util.Set.of("a1"), map.bases());
        assertEquals(java.util.Set.of("m4"), map.mergePoints());
        assertTrue(map == dir.map(), "built once");
    }

    @Test
    void graphErrorsNameTheFileRelativeToItsVersionDirectory() throws IOException {
        write("versions/a.sql", revisionFile("a1", ""));
        write("versions/auth/b.sql", revisionFile("b2", "zz"));
        ScriptDirectory dir = ScriptDirectory.load(root.resolve("versions"));
        MissingRevisionException e = assertThrows(MissingRevisionException.class, dir::map);
        assertEquals("Revision b2 (auth/b.sql) revises zz, which no revision file defines. "
                + "Fix the 'Revises:' line or restore the missing file.", e.getMessage());
        assertEquals("auth/b.sql", e.origin());
    }

    @Test
    void missingVersionDirectory() throws IOException {
        Path missing = root.resolve("nowhere");
        assertEquals("Version directory " + missing + " does not exist: create it, or run the init command",
                assertThrows(VersionDirectoryNotFoundException.class, () -> ScriptDirectory.load(missing)).getMessage());
        Path file = write("plain.txt", "x");
        VersionDirectoryNotFoundException e = assertThrows(VersionDirectoryNotFoundException.class, () -> ScriptDirectory.load(file));
        assertEquals("Version directory " + file + " is not a directory: create it, or run the init command", e.getMessage());
        assertEquals(file, e.directory());
    }

    @Test
    void checksumIsTheFileChecksum() throws IOException {
        Path file = write("versions/a.sql", revisionFile("a1", "").replace("\n", "\r\n"));
        RevisionScript script = ScriptDirectory.load(root.resolve("versions")).script("a1").orElseThrow();
        assertEquals(Checksum.of(Files.readAllBytes(file)), script.checksum());
        assertEquals(Checksum.of(revisionFile("a1", "").getBytes(java.nio.charset.StandardCharsets.UTF_8)), script.checksum());
    }

    @Test
    void fiveThousandFilesLoadQuickly() throws IOException {
        Path versions = root.resolve("many");
        for (int i = 0; i < 5_000; i++) {
            Path file = versions.resolve("d" + (i % 50)).resolve(String.format("r%05d_step.sql", i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, revisionFile(String.format("r%05d", i), i == 0 ? "" : String.format("r%05d", i - 1)));
        }
        long t0 = System.nanoTime();
        ScriptDirectory dir = ScriptDirectory.load(versions);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(5_000, dir.scripts().size());
        assertEquals(Revision.of("r04999", "r04998"), dir.script("r04999").orElseThrow().revision());
        assertTrue(ms < 10_000, "loading 5,000 files took " + ms + " ms");
    }
}
