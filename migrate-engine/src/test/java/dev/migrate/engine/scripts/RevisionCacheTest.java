package dev.migrate.engine.scripts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import static dev.migrate.engine.scripts.ScriptDirectoryTest.revisionFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The revision cache: a file it knows (same size, same modification time) is not read at all; any
 * doubt (size, time, tool version, checksum algorithm, a damaged cache file) means reading it again.
 * "Not read" is shown by changing a file's bytes behind the cache's back while keeping its size and
 * time: the cached checksum is then the old one.
 */
class RevisionCacheTest {
    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

    @TempDir
    Path root;
    Path versions;
    Path cacheFile;
    Path a1;
    Path b2;

    @BeforeEach
    void twoRevisions() throws IOException {
        versions = Files.createDirectories(root.resolve("versions"));
        cacheFile = root.resolve("target/migrate/revisions.cache");
        a1 = write("a1_first.sql", revisionFile("a1", ""), AN_HOUR_AGO);
        b2 = write("b2_second.sql", revisionFile("b2", "a1"), AN_HOUR_AGO);
    }

    private Path write(String name, String content, FileTime modified) throws IOException {
        Path file = versions.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, modified);
        return file;
    }

    private ScriptDirectory load(String toolVersion) {
        return ScriptDirectory.load(List.of(versions), RevisionCache.open(cacheFile, toolVersion));
    }

    private static String checksum(ScriptDirectory dir, String id) {
        return dir.script(id).orElseThrow().checksum();
    }

    /** Same size, same time, other bytes: only a run that reads the file sees the change. */
    private String editBehindTheCache(Path file) throws IOException {
        String edited = Files.readString(file).replace("CREATE TABLE", "CREATE TABLX");
        Files.writeString(file, edited);
        Files.setLastModifiedTime(file, AN_HOUR_AGO);
        return Checksum.of(edited.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKnownFileIsNotReadAgainAndItsHeaderIsTheParsedOne() throws IOException {
        ScriptDirectory first = load("1.0");
        assertTrue(Files.isRegularFile(cacheFile), "the first run writes the cache");

        String edited = editBehindTheCache(b2);
        ScriptDirectory second = load("1.0");

        RevisionScript parsed = first.script("b2").orElseThrow();
        RevisionScript cached = second.script("b2").orElseThrow();
        assertEquals(parsed.checksum(), cached.checksum(), "the file was not read: the recorded checksum is used");
        assertEquals(parsed.revision(), cached.revision());
        assertEquals(parsed.message(), cached.message());
        assertEquals(parsed.createDate(), cached.createDate());
        assertEquals(parsed.transactional(), cached.transactional());
        assertEquals(parsed.reversible(), cached.reversible());
        assertEquals(b2, cached.file());
        assertEquals(first.map().heads(), second.map().heads());
        LazyStatements upgrade = assertInstanceOf(LazyStatements.class, cached.upgrade());
        assertFalse(upgrade.isEmpty());
        assertFalse(upgrade.loaded(), "neither the check of emptiness nor the graph reads the SQL");
        assertTrue(!edited.equals(parsed.checksum()));
    }

    @Test
    void theStatementsOfACachedRevisionAreReadWhenFirstNeeded() {
        ScriptDirectory first = load("1.0");
        RevisionScript cached = load("1.0").script("a1").orElseThrow();

        assertEquals(first.script("a1").orElseThrow().upgrade(), cached.upgrade());
        assertEquals(first.script("a1").orElseThrow().downgrade(), cached.downgrade());
        assertEquals(List.of(new SqlStatement("CREATE TABLE t_a1 (id int)", 7)), cached.upgrade());
    }

    @Test
    void aFileChangedBehindTheCacheIsRefusedWhenItsStatementsAreRead() throws IOException {
        load("1.0");
        ScriptDirectory second = load("1.0");
        editBehindTheCache(a1);

        RevisionCache.RevisionFileChangedException e = assertThrows(RevisionCache.RevisionFileChangedException.class,
                () -> second.script("a1").orElseThrow().upgrade().size());
        assertEquals(a1, e.file());
        assertTrue(e.getMessage().startsWith("Revision file " + a1 + " changed while this run was reading it"), e.getMessage());
    }

    @Test
    void aChangedSizeMeansReadingTheFileAgain() throws IOException {
        load("1.0");
        String edited = Files.readString(b2).replace("(id int)", "(id bigint)");
        Files.writeString(b2, edited);
        Files.setLastModifiedTime(b2, AN_HOUR_AGO);

        assertEquals(Checksum.of(edited.getBytes(StandardCharsets.UTF_8)), checksum(load("1.0"), "b2"));
    }

    @Test
    void aChangedModificationTimeMeansReadingTheFileAgain() throws IOException {
        load("1.0");
        String edited = editBehindTheCache(b2);
        Files.setLastModifiedTime(b2, FileTime.from(AN_HOUR_AGO.toInstant().plusNanos(1_000)));

        assertEquals(edited, checksum(load("1.0"), "b2"));
    }

    @Test
    void anotherToolVersionMeansReadingEveryFileAgain() throws IOException {
        load("1.0");
        String edited = editBehindTheCache(b2);

        assertEquals(edited, checksum(load("1.1"), "b2"));
    }

    @Test
    void anotherChecksumAlgorithmMeansReadingEveryFileAgain() throws IOException {
        ScriptDirectory.load(List.of(versions), RevisionCache.open(cacheFile, "1.0", "MD5 of the raw bytes"));
        assertEquals(2, RevisionCache.open(cacheFile, "1.0", "MD5 of the raw bytes").size());
        String edited = editBehindTheCache(b2);

        assertEquals(0, RevisionCache.open(cacheFile, "1.0").size());
        assertEquals(edited, checksum(load("1.0"), "b2"));
    }

    @Test
    void aDamagedCacheFileIsIgnored() throws IOException {
        load("1.0");
        byte[] good = Files.readAllBytes(cacheFile);
        String edited = editBehindTheCache(b2);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x01;
        for (byte[] damaged : List.of(flipped, Arrays.copyOf(good, good.length - 9), new byte[0],
                "not a cache".getBytes(StandardCharsets.UTF_8))) {
            Files.write(cacheFile, damaged);
            assertEquals(0, RevisionCache.open(cacheFile, "1.0").size());
            assertEquals(edited, checksum(load("1.0"), "b2"));
        }
        assertEquals(2, RevisionCache.open(cacheFile, "1.0").size(), "the last run wrote a good cache again");
    }

    @Test
    void aFileModifiedJustNowIsNotRecorded() throws IOException {
        write("c3_third.sql", revisionFile("c3", "b2"), FileTime.from(Instant.now()));
        load("1.0");

        assertEquals(2, RevisionCache.open(cacheFile, "1.0").size(),
                "an edit within the time stamp's resolution could keep the same time");
    }

    @Test
    void aMalformedFileIsNeverRecordedSoItsErrorComesBackEveryRun() throws IOException {
        write("c3_third.sql", "-- no header\n-- migrate:upgrade\nSELECT 1;\n", AN_HOUR_AGO);
        for (int run = 0; run < 2; run++) {
            MalformedRevisionFileException e = assertThrows(MalformedRevisionFileException.class, () -> load("1.0"));
            assertEquals(versions.resolve("c3_third.sql"), e.file());
        }
        assertEquals(2, RevisionCache.open(cacheFile, "1.0").size());
    }

    @Test
    void aDeletedFileLeavesTheCache() throws IOException {
        load("1.0");
        Files.delete(b2);

        assertEquals(List.of("a1"), load("1.0").scripts().stream().map(RevisionScript::id).toList());
        assertEquals(1, RevisionCache.open(cacheFile, "1.0").size());
    }

    @Test
    void anUnwritableCacheOnlyCostsTheReading() throws IOException {
        Files.writeString(root.resolve("target"), "a file where the folder would be");

        assertEquals(2, load("1.0").scripts().size());
        assertEquals(2, load("1.0").scripts().size());
        assertFalse(Files.exists(cacheFile));
    }
}
