package dev.migrate.engine.scripts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What counts as an edit of a revision file, and checksums of the earlier algorithm. */
class ChecksumTest {
    static final String FILE = "-- add users\n-- Revision ID: a1\n\n-- migrate:upgrade\nCREATE TABLE users (id int);\n";

    static String of(String text) {
        return Checksum.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lineEndingsBomAndTrailingWhitespaceAreNoEdit() {
        String base = of(FILE);
        assertTrue(base.startsWith("v2:"), base);
        assertEquals(base, of(FILE.replace("\n", "\r\n")));
        assertEquals(base, of("\uFEFF" + FILE));
        assertEquals(base, of(FILE.replace("(id int);", "(id int);  \t")));
        assertEquals(base, of(FILE + "\n\n   \n"));
    }

    @Test
    void commentsAndInnerWhitespaceAreEdits() {
        String base = of(FILE);
        assertNotEquals(base, of(FILE.replace("-- add users", "-- add the users")));
        assertNotEquals(base, of(FILE + "-- note\n"));
        assertNotEquals(base, of(FILE.replace("(id int)", "(id  int)")));
        assertNotEquals(base, of(FILE.replace("CREATE", "  CREATE")));
    }

    @Test
    void aChecksumOfTheEarlierAlgorithmIsComparedUnderIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a1.sql");
        Files.writeString(file, FILE + "  \n");
        String v1 = Checksum.v1(Files.readAllBytes(file));
        assertEquals("v1", Checksum.version(v1));
        assertTrue(Checksum.matches(v1, of(FILE), file));
        Files.writeString(file, FILE.replace("users", "people"));
        assertFalse(Checksum.matches(v1, of(FILE.replace("users", "people")), file));
        assertTrue(Checksum.matches("v9:abcdef", of(FILE), file), "a newer algorithm's checksum is not compared");
    }
}
