package dev.migrate.engine.scripts;

import dev.migrate.engine.config.Spelling;
import dev.migrate.engine.graph.Revision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a revision file (SPEC §4) into a {@link RevisionScript}: the header comment block, then the
 * {@code -- migrate:upgrade} and {@code -- migrate:downgrade} sections, split into statements. The
 * file is read once; its checksum comes from the same bytes.
 *
 * <p>Header keys ({@code Revision ID}, {@code Revises}, {@code Create Date}, {@code Branch Labels},
 * {@code Depends On}, {@code Transactional}) are matched ignoring case and extra spaces. Other
 * comment lines in the header are free text, as in an Alembic docstring, except those whose key is
 * a near miss of a known key ({@code Revise:}, {@code Depend On:}, {@code Revision:}): a typo there
 * would silently change the graph (a child read as a base), so it is an error.
 */
public final class RevisionFileParser {

    static final String UPGRADE_MARKER = "-- migrate:upgrade";
    static final String DOWNGRADE_MARKER = "-- migrate:downgrade";
    static final String NOTHING_TO_UNDO_MARKER = "-- migrate:nothing-to-undo";

    /** The width of {@code migrate_version.version_num}. */
    static final int MAX_ID_LENGTH = 64;
    private static final String ID_RULE = "may contain only letters, digits and '_' (the characters @ - + : are target syntax)";
    private static final List<String> KEYS = List.of(
            "Revision ID", "Revises", "Create Date", "Branch Labels", "Depends On", "Transactional");
    private static final String KEY_LIST = String.join(", ", KEYS);
    private static final List<String> NORMAL_KEYS = KEYS.stream().map(RevisionFileParser::normalKey).toList();

    private final Path file;
    private final String text;
    private final String checksum;

    private String message = "";
    private boolean messageSeen;
    private final String[] values = new String[KEYS.size()];
    private final int[] valueLines = new int[KEYS.size()];

    private RevisionFileParser(Path file, String text, String checksum) {
        this.file = file;
        this.text = text;
        this.checksum = checksum;
    }

    /** Reads and parses {@code file}. */
    public static RevisionScript parse(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileAccessException(file, "read revision file", e);
        }
        return parse(file, raw);
    }

    /**
     * Parses the raw bytes of {@code file}.
     *
     * @throws MalformedRevisionFileException naming the file and line of the first problem
     */
    public static RevisionScript parse(Path file, byte[] raw) {
        refuseNul(file, raw);
        byte[] normalised = Checksum.normalise(raw);
        String checksum = Checksum.sha256(normalised);
        return new RevisionFileParser(file, decode(file, normalised), checksum).parse();
    }

    /** A NUL byte cannot reach PostgreSQL in a statement's text: name its line before anything connects. */
    private static void refuseNul(Path file, byte[] raw) {
        int line = 1;
        for (byte b : raw) {
            if (b == '\n') {
                line++;
            } else if (b == 0) {
                throw new MalformedRevisionFileException(file, line, "a NUL byte (\\0): a revision file is UTF-8 "
                        + "text; if this one was saved as UTF-16, save it again as UTF-8");
            }
        }
    }

    private static String decode(Path file, byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MalformedRevisionFileException(file, line, "not valid UTF-8: save the file with UTF-8 encoding");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private RevisionScript parse() {
        int upgradeLine = 0;
        int downgradeLine = 0;
        int upgradeStart = -1;
        int upgradeEnd = -1;
        int downgradeStart = -1;
        int nothingToUndoLine = 0;
        int firstSqlLine = 0;
        int line = 0;
        int offset = 0;
        int length = text.length();
        while (offset < length || (offset == length && line == 0)) {
            int newline = text.indexOf('\n', offset);
            int lineEnd = newline < 0 ? length : newline;
            int next = newline < 0 ? length + 1 : newline + 1;
            line++;
            int first = offset;
            while (first < lineEnd && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            boolean comment = text.startsWith("--", first) && first + 1 < lineEnd;
            if (!comment && (upgradeLine != 0 || downgradeLine != 0)) {
                offset = next; // SQL inside a section: only comment lines can be markers
                continue;
            }
            String trimmed = text.substring(first, lineEnd).strip();
            String marker = comment ? marker(trimmed, line) : null;
            if (UPGRADE_MARKER.equals(marker)) {
                if (upgradeLine != 0) {
                    throw error(line, "second \"" + UPGRADE_MARKER + "\" (the first is at line " + upgradeLine
                            + "): a file has one upgrade section and at most one downgrade section");
                }
                if (downgradeLine != 0) {
                    throw error(downgradeLine, "\"" + DOWNGRADE_MARKER + "\" comes before \"" + UPGRADE_MARKER
                            + "\": put the upgrade section first");
                }
                upgradeLine = line;
                upgradeStart = Math.min(next, length);
            } else if (DOWNGRADE_MARKER.equals(marker)) {
                if (downgradeLine != 0) {
                    throw error(line, "second \"" + DOWNGRADE_MARKER + "\" (the first is at line " + downgradeLine
                            + "): a file has one upgrade section and at most one downgrade section");
                }
                downgradeLine = line;
                upgradeEnd = offset;
                downgradeStart = Math.min(next, length);
            } else if (NOTHING_TO_UNDO_MARKER.equals(marker)) {
                if (downgradeLine == 0) {
                    throw error(line, "\"" + NOTHING_TO_UNDO_MARKER + "\" belongs in the downgrade section: put it "
                            + "after \"" + DOWNGRADE_MARKER + "\"");
                }
                nothingToUndoLine = line;
            } else if (upgradeLine == 0 && downgradeLine == 0) {
                if (trimmed.startsWith("--")) {
                    header(trimmed.substring(2).strip(), line);
                } else if (!trimmed.isEmpty() && firstSqlLine == 0) {
                    firstSqlLine = line;
                }
            }
            offset = next;
        }
        if (upgradeLine == 0) {
            if (downgradeLine != 0) {
                throw error(downgradeLine, "\"" + DOWNGRADE_MARKER + "\" comes before \"" + UPGRADE_MARKER
                        + "\": put the upgrade section first");
            }
            throw error(firstSqlLine == 0 ? 1 : firstSqlLine, "no \"" + UPGRADE_MARKER + "\" line: put the upgrade SQL after a line \""
                    + UPGRADE_MARKER + "\" (and the downgrade SQL, if any, after \"" + DOWNGRADE_MARKER + "\")");
        }
        if (firstSqlLine != 0) {
            throw error(firstSqlLine, "SQL before \"" + UPGRADE_MARKER + "\": statements belong in the upgrade or downgrade section");
        }
        String upgradeSql = text.substring(upgradeStart, upgradeEnd < 0 ? length : upgradeEnd);
        String downgradeSql = downgradeStart < 0 ? "" : text.substring(downgradeStart);
        List<SqlStatement> downgrade = split(downgradeSql, downgradeLine + 1);
        RevisionScript.DowngradeSection section;
        if (nothingToUndoLine != 0) {
            if (!downgrade.isEmpty()) {
                throw error(nothingToUndoLine, "\"" + NOTHING_TO_UNDO_MARKER + "\" in a downgrade section that has "
                        + "statements (line " + downgrade.get(0).line() + "): keep the statements or the marker, not both");
            }
            section = RevisionScript.DowngradeSection.NOTHING_TO_UNDO;
        } else if (downgradeLine == 0) {
            section = RevisionScript.DowngradeSection.MISSING;
        } else {
            section = downgrade.isEmpty() ? RevisionScript.DowngradeSection.EMPTY : RevisionScript.DowngradeSection.STATEMENTS;
        }
        Revision revision = revision();
        if (revision.branchLabels().contains(revision.id())) {
            throw error(valueLines[3], "branch label '" + revision.id() + "' is the revision's own id: a label must "
                    + "differ from every revision id, or 'label@head' could not be told from the revision");
        }
        return new RevisionScript(revision, message, file, createDate(), transactional(),
                split(upgradeSql, upgradeLine + 1), downgrade, checksum, section);
    }

    /** The marker a line is ({@code -- migrate:NAME}), or null for any other line. */
    private String marker(String trimmed, int line) {
        if (!trimmed.startsWith("--")) {
            return null;
        }
        String rest = trimmed.substring(2).strip();
        if (!rest.regionMatches(true, 0, "migrate:", 0, 8)) {
            return null;
        }
        String name = rest.substring(8).strip();
        if (name.equalsIgnoreCase("upgrade")) {
            return UPGRADE_MARKER;
        }
        if (name.equalsIgnoreCase("downgrade")) {
            return DOWNGRADE_MARKER;
        }
        if (name.equalsIgnoreCase("nothing-to-undo")) {
            return NOTHING_TO_UNDO_MARKER;
        }
        if (name.regionMatches(true, 0, "lint-ignore", 0, 11) && (name.length() == 11 || Character.isWhitespace(name.charAt(11)))) {
            return null; // a comment for lint (-- migrate:lint-ignore RULE reason), not a section marker
        }
        throw error(line, "unknown marker \"" + trimmed + "\": the markers are \"" + UPGRADE_MARKER + "\", \""
                + DOWNGRADE_MARKER + "\" and \"" + NOTHING_TO_UNDO_MARKER + "\"");
    }

    private void header(String comment, int line) {
        int colon = comment.indexOf(':');
        int key = colon < 0 ? -1 : keyIndex(comment.substring(0, colon));
        if (!messageSeen) {
            if (comment.isEmpty()) {
                return;
            }
            messageSeen = true;
            if (key < 0) {
                message = comment;
                return;
            }
        }
        if (key < 0) {
            if (colon > 0) {
                String nearMiss = nearMiss(comment.substring(0, colon).strip());
                if (nearMiss != null) {
                    throw error(line, "unknown header \"" + comment.substring(0, colon).strip() + "\": did you mean \""
                            + nearMiss + "\"? (the header keys are " + KEY_LIST + ")");
                }
            }
            return;
        }
        if (values[key] != null) {
            throw error(line, "\"" + KEYS.get(key) + "\" is given twice (first at line " + valueLines[key] + "): keep one");
        }
        values[key] = comment.substring(colon + 1).strip();
        valueLines[key] = line;
    }

    private static int keyIndex(String key) {
        return key.length() > 20 ? -1 : NORMAL_KEYS.indexOf(normalKey(key));
    }

    /** Lowercase, with runs of blanks made one space and none at the ends. */
    private static String normalKey(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        boolean blank = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c)) {
                blank = sb.length() > 0;
            } else {
                if (blank) {
                    sb.append(' ');
                    blank = false;
                }
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The known key that {@code key} looks like a typo of, or null. */
    private static String nearMiss(String key) {
        String normal = normalKey(key);
        if (normal.length() > 20) {
            return null;
        }
        for (int i = 0; i < KEYS.size(); i++) {
            String known = KEYS.get(i);
            String k = NORMAL_KEYS.get(i);
            boolean prefix = normal.length() >= 4 && (k.startsWith(normal) || normal.startsWith(k));
            if (prefix || Spelling.distance(normal, k) <= 2) {
                return known;
            }
        }
        return null;
    }

    private Revision revision() {
        String id = values[0];
        if (id == null) {
            throw error(1, "no \"Revision ID\" in the header: add a line \"-- Revision ID: <id>\" before \"" + UPGRADE_MARKER + "\"");
        }
        if (id.isEmpty()) {
            throw error(valueLines[0], "empty \"Revision ID\": write the revision's id after \"Revision ID:\"");
        }
        if (!Revision.isValidId(id)) {
            throw error(valueLines[0], "invalid Revision ID '" + id + "': ids " + ID_RULE);
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw error(valueLines[0], "Revision ID '" + id + "' is " + id.length() + " characters long: the version table holds at most "
                    + MAX_ID_LENGTH + "; use a shorter id");
        }
        List<String> downRevisions = list(1, "revision", "Revises", "ids");
        List<String> branchLabels = list(3, "branch label", "Branch Labels", "labels");
        List<String> dependsOn = list(4, "revision or branch label", "Depends On", "ids and labels");
        return new Revision(id, downRevisions, dependsOn, new LinkedHashSet<>(branchLabels));
    }

    private List<String> list(int key, String what, String header, String rulePrefix) {
        String value = values[key];
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (!Revision.isValidId(item)) {
                throw error(valueLines[key], "invalid " + what + " '" + item + "' in " + header + ": " + rulePrefix + " " + ID_RULE);
            }
            if (!items.add(item)) {
                throw error(valueLines[key], "'" + item + "' is listed twice in " + header + ": list it once");
            }
        }
        return new ArrayList<>(items);
    }

    private Optional<String> createDate() {
        String value = values[2];
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private boolean transactional() {
        String value = values[5];
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw error(valueLines[5], "Transactional must be true or false, not '" + value + "'");
    }

    private List<SqlStatement> split(String sql, int firstLine) {
        try {
            return SqlSplitter.split(sql, firstLine);
        } catch (UnterminatedSqlException e) {
            throw error(e.line(), "unterminated " + e.construct() + ": add the closing " + e.closing());
        }
    }

    private MalformedRevisionFileException error(int line, String problem) {
        return new MalformedRevisionFileException(file, line, problem);
    }
}
