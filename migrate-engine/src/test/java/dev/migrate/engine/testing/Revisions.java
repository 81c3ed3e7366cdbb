package dev.migrate.engine.testing;

import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-made revision scripts and plans for tests that run SQL, without the file parser or the
 * graph: statements are separated by a line that ends in {@code ;}, and the plans cover linear
 * histories only.
 */
public final class Revisions {
    private Revisions() {
    }

    /** A transactional revision; {@code downgrade} may be empty (irreversible). */
    public static RevisionScript script(String id, String parent, String message, String upgrade, String downgrade) {
        return script(id, parent, message, upgrade, downgrade, true);
    }

    public static RevisionScript script(String id, String parent, String message, String upgrade, String downgrade,
                                        boolean transactional) {
        Revision revision = parent == null ? Revision.of(id) : Revision.of(id, parent);
        String text = "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + (parent == null ? "" : parent)
                + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n";
        int upgradeLine = 7;
        int downgradeLine = upgradeLine + (int) upgrade.lines().count() + 2;
        return new RevisionScript(revision, message, Path.of("versions", id + "_" + message.replace(' ', '_') + ".sql"),
                Optional.empty(), transactional, split(upgrade, upgradeLine), split(downgrade, downgradeLine), sha256(text));
    }

    /** The same script with a different checksum, as if its file had been edited. */
    public static RevisionScript edited(RevisionScript script) {
        return new RevisionScript(script.revision(), script.message(), script.file(), script.createDate(),
                script.transactional(), script.upgrade(), script.downgrade(), sha256(script.checksum() + " edited"));
    }

    /** Splits at lines ending in ';' (test input only), keeping each statement's first line. */
    public static List<SqlStatement> split(String sql, int firstLine) {
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = -1;
        int line = firstLine;
        for (String text : sql.split("\n", -1)) {
            if (!text.isBlank()) {
                if (start < 0) {
                    start = line;
                }
                current.append(current.length() == 0 ? "" : "\n").append(text);
                if (text.stripTrailing().endsWith(";")) {
                    String s = current.toString().stripTrailing();
                    statements.add(new SqlStatement(s.substring(0, s.length() - 1), start));
                    current.setLength(0);
                    start = -1;
                }
            }
            line++;
        }
        if (current.length() > 0) {
            statements.add(new SqlStatement(current.toString(), start));
        }
        return statements;
    }

    public static Map<String, RevisionScript> byId(RevisionScript... scripts) {
        Map<String, RevisionScript> map = new LinkedHashMap<>();
        for (RevisionScript s : scripts) {
            map.put(s.id(), s);
        }
        return map;
    }

    /**
     * The upgrade plan of a linear chain from the given heads (empty or one revision of the
     * chain) to {@code target}.
     */
    public static Plan upgrade(List<RevisionScript> chain, Set<String> heads, String target) {
        int from = heads.isEmpty() ? -1 : indexOf(chain, heads.iterator().next());
        int to = indexOf(chain, target);
        List<Step> steps = new ArrayList<>();
        for (int i = from + 1; i <= to; i++) {
            Revision r = chain.get(i).revision();
            VersionChange change = i == 0 ? new VersionChange.Insert(r.id()) : new VersionChange.Update(chain.get(i - 1).id(), r.id());
            steps.add(new Step(r, Direction.UPGRADE, List.of(change)));
        }
        return Plan.of(heads, to < 0 ? Set.of() : Set.of(target), steps);
    }

    /** The downgrade plan of a linear chain from the given head to {@code target} (null: base). */
    public static Plan downgrade(List<RevisionScript> chain, Set<String> heads, String target) {
        int from = indexOf(chain, heads.iterator().next());
        int to = target == null ? -1 : indexOf(chain, target);
        List<Step> steps = new ArrayList<>();
        for (int i = from; i > to; i--) {
            Revision r = chain.get(i).revision();
            VersionChange change = i == 0 ? new VersionChange.Delete(r.id()) : new VersionChange.Update(r.id(), chain.get(i - 1).id());
            steps.add(new Step(r, Direction.DOWNGRADE, List.of(change)));
        }
        return Plan.of(heads, to < 0 ? Set.of() : Set.of(target), steps);
    }

    private static int indexOf(List<RevisionScript> chain, String id) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not in the chain: " + id);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
