package dev.migrate.engine.database;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the database says before a run: its current heads (the rows of the version table), the
 * checksum of the latest upgrade (or accepted edit) of each revision, and the non-transactional
 * steps an earlier run left unfinished, all read in one round trip.
 */
public record DatabaseState(Set<String> heads, Map<String, String> appliedChecksums, List<InterruptedStep> interrupted) {
    public DatabaseState {
        heads = Set.copyOf(heads);
        appliedChecksums = Map.copyOf(appliedChecksums);
        interrupted = List.copyOf(interrupted);
    }

    public DatabaseState(Set<String> heads, Map<String, String> appliedChecksums) {
        this(heads, appliedChecksums, List.of());
    }

    public static DatabaseState empty() {
        return new DatabaseState(Set.of(), Map.of());
    }

    public Optional<String> appliedChecksum(String revision) {
        return Optional.ofNullable(appliedChecksums.get(revision));
    }
}
