package dev.migrate.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.engine.scripts.MalformedRevisionFileException;
import dev.migrate.engine.scripts.RevisionFileParser;
import dev.migrate.engine.scripts.RevisionScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The revision file parser on random files: header lines with real, misspelt and unknown keys,
 * markers, SQL and random bytes (NUL, invalid UTF-8, UTF-16). Each file is read, or refused with a
 * {@link MalformedRevisionFileException} that names the file and a line of it, in one line of text;
 * never another exception, never a hang. A generated valid header is read back exactly.
 *
 * <p>CI runs {@value #CI_TRIES} tries per property with a fixed seed; {@code -Dmigrate.fuzz.tries=N}
 * runs more.
 */
@AddLifecycleHook(FuzzBudget.class)
class RevisionHeaderFuzzTest {
    static final int CI_TRIES = 1000;
    private static final Path FILE = Path.of("versions", "0042_fuzz.sql");

    @Property(tries = CI_TRIES, seed = "20261205", shrinking = ShrinkingMode.BOUNDED)
    void randomHeadersAreReadOrRefusedWithFileAndLine(@ForAll("files") String file) {
        check(file.getBytes(StandardCharsets.UTF_8), file);
    }

    @Property(tries = CI_TRIES, seed = "20261206", shrinking = ShrinkingMode.BOUNDED)
    void randomBytesAreReadOrRefusedWithFileAndLine(@ForAll("bytes") byte[] raw) {
        check(raw, new String(raw, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = CI_TRIES, seed = "20261207", shrinking = ShrinkingMode.BOUNDED)
    void validHeadersAreReadBack(@ForAll("ids") String id, @ForAll("idLists") List<String> revises,
                                 @ForAll("idLists") List<String> labels, @ForAll boolean transactional,
                                 @ForAll("keySpellings") String revisesKey) {
        List<String> ownLabels = labels.stream().filter(l -> !l.equals(id)).toList();
        String text = "-- the message\n--\n-- Revision ID: " + id + "\n-- " + revisesKey + ": " + String.join(", ", revises)
                + "\n-- Branch Labels: " + String.join(",", ownLabels) + "\n-- Transactional: " + transactional
                + "\n-- Create Date: 2026-12-02 10:00:00\n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\nSELECT 2;\n";
        Fuzz.Outcome<RevisionScript> outcome = Fuzz.run(text, () -> RevisionFileParser.parse(FILE, text.getBytes(StandardCharsets.UTF_8)),
                "dev.migrate.engine.scripts");
        assertTrue(!outcome.refused(), () -> "refused " + Fuzz.show(text) + ": " + outcome.error().getMessage());
        RevisionScript script = outcome.value();
        assertEquals(id, script.id());
        assertEquals(revises, script.revision().downRevisions());
        assertEquals(Set.copyOf(ownLabels), Set.copyOf(script.revision().branchLabels()));
        assertEquals(transactional, script.transactional());
        assertEquals("the message", script.message());
        assertEquals(1, script.upgrade().size());
        assertEquals(10, script.upgrade().get(0).line());
    }

    private static void check(byte[] raw, String shown) {
        Fuzz.Outcome<RevisionScript> outcome = Fuzz.run(shown, () -> RevisionFileParser.parse(FILE, raw), "dev.migrate.engine.scripts");
        if (!outcome.refused()) {
            RevisionScript script = outcome.value();
            assertTrue(!script.id().isEmpty(), "a revision without an id");
            return;
        }
        assertTrue(outcome.error() instanceof MalformedRevisionFileException, () -> "refused with "
                + outcome.error().getClass().getSimpleName() + ": " + outcome.error().getMessage());
        MalformedRevisionFileException e = (MalformedRevisionFileException) outcome.error();
        int lines = 1;
        for (int i = 0; i < raw.length; i++) {
            // a line ends with \n, \r\n or a lone \r (the parser reads all three)
            lines += raw[i] == '\n' || raw[i] == '\r' && (i + 1 == raw.length || raw[i + 1] != '\n') ? 1 : 0;
        }
        int fileLines = lines;
        assertTrue(e.line() >= 1 && e.line() <= fileLines, () -> "line " + e.line() + " of " + fileLines + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + ":" + e.line() + ": "), () -> "message without file and line: " + e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0 && e.getMessage().indexOf('\r') < 0,
                () -> "message of more than one line: " + Fuzz.show(e.getMessage()));
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> key = Arbitraries.of("Revision ID", "revision id", "Revision  ID", "Revises", "Revise", "Revision",
                "Depends On", "Depend On", "Branch Labels", "Branch Label", "Transactional", "Transactionl", "Create Date",
                "Message", "Note", "", "Revision ID Revision ID Revision ID", "Ŕevises");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", "base0001", "a, b", "a,,b", "a, a", "a b", "x@y", "x-y",
                "true", "false", "maybe", "é", "\0", "0".repeat(70), "head", "+1"), Arbitraries.strings().all().ofMaxLength(8));
        Arbitrary<String> header = Combinators.combine(Arbitraries.of("-- ", "--", "  -- ", "-- --"), key, Arbitraries.of(": ", ":", " : ", " "),
                value).as((dash, k, colon, v) -> dash + k + colon + v);
        Arbitrary<String> other = Arbitraries.of("-- migrate:upgrade", "-- migrate:downgrade", "-- migrate:nothing-to-undo",
                "-- migrate:lint-ignore R1 why", "-- migrate:unknown", "--migrate:UPGRADE", "SELECT 1;", "SELECT 'x", "$$", "/*",
                "*/", "", "  ", "--", "-", "\t", "\r", "\uFEFF-- Revision ID: bom", "-- Revision ID: r1", "-- Revises: r0");
        Arbitrary<String> line = Arbitraries.oneOf(header, other, Arbitraries.strings().all().ofMaxLength(10));
        return line.list().ofMaxSize(14).flatMap(lines -> Arbitraries.of("\n", "\r\n", "\r")
                .map(eol -> String.join(eol, lines)));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> prefixed = Combinators.combine(Arbitraries.of(
                "-- r\n-- Revision ID: r1\n\n-- migrate:upgrade\n", "\uFEFF-- Revision ID: r1\n-- migrate:upgrade\n", ""),
                random).as((p, r) -> {
                    byte[] head = p.getBytes(StandardCharsets.UTF_8);
                    byte[] all = new byte[head.length + r.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(r, 0, all, head.length, r.length);
                    return all;
                });
        Arbitrary<byte[]> utf16 = files().map(t -> t.getBytes(StandardCharsets.UTF_16));
        return Arbitraries.oneOf(random, prefixed, utf16);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars('_')
                .ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<List<String>> idLists() {
        return ids().list().uniqueElements().ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> keySpellings() {
        return Arbitraries.of("Revises", "revises", "REVISES", "Revises ");
    }
}
