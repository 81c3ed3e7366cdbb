package dev.migrate.engine.database;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the database says before a run: its current heads (the rows of the version table) and the
 * checksum of the latest upgrade of each revision (from the history table). Read in one query each.
 */
public record DatabaseState(Set<String> heads, Map<String, String> appliedChecksums) {
    public DatabaseState {
        heads = Set.copyOf(heads);
        appliedChecksums = Map.copyOf(appliedChecksums);
    }

    public static DatabaseState empty() {
        return new DatabaseState(Set.of(), Map.of());
    }

    public Optional<String> appliedChecksum(String revision) {
        return Optional.ofNullable(appliedChecksums.get(revision));
    }
}
