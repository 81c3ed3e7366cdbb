package dev.migrate.engine.database;

import dev.migrate.engine.scripts.RevisionScript;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the local revision files with what the database recorded: applied revisions whose
 * file changed since, and current heads that no file knows. Linear in the number of scripts.
 */
public final class ScriptChecks {
    private ScriptChecks() {
    }

    /** Applied revisions whose checksum differs from the latest upgrade's, except those accepted; in script order. */
    public static List<EditedRevision> edited(Collection<RevisionScript> scripts, DatabaseState state, Set<String> accepted) {
        List<EditedRevision> edited = new ArrayList<>();
        Map<String, String> applied = state.appliedChecksums();
        for (RevisionScript script : scripts) {
            String recorded = applied.get(script.id());
            if (recorded != null && !recorded.equals(script.checksum()) && !accepted.contains(script.id())) {
                edited.add(new EditedRevision(script.id(), script.file(), recorded, script.checksum()));
            }
        }
        return edited;
    }

    /** Current heads that no local script knows, sorted. */
    public static List<String> unknownHeads(Map<String, RevisionScript> scriptsById, DatabaseState state) {
        Set<String> unknown = new TreeSet<>();
        for (String head : state.heads()) {
            if (!scriptsById.containsKey(head)) {
                unknown.add(head);
            }
        }
        return List.copyOf(unknown);
    }

    /** Throws {@link EditedRevisionsException} when {@link #edited} finds any. */
    public static void requireUnedited(Collection<RevisionScript> scripts, DatabaseState state, Set<String> accepted) {
        List<EditedRevision> edited = edited(scripts, state, accepted);
        if (!edited.isEmpty()) {
            throw new EditedRevisionsException(edited);
        }
    }

    /** Throws {@link UnknownDatabaseRevisionsException} when {@link #unknownHeads} finds any. */
    public static void requireKnownHeads(Map<String, RevisionScript> scriptsById, DatabaseState state, String versionTable) {
        List<String> unknown = unknownHeads(scriptsById, state);
        if (!unknown.isEmpty()) {
            throw new UnknownDatabaseRevisionsException(versionTable, unknown);
        }
    }
}
