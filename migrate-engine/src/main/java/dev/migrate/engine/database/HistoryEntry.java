package dev.migrate.engine.database;

import java.util.Objects;

/**
 * One row of the history table as written: which revision moved which way, the checksum of its
 * file, how long it took, and in which environment and tool version. {@code applied_by} and
 * {@code applied_at} are filled in by the database ({@code current_user}, {@code now()}).
 *
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
 */
public record HistoryEntry(String revision, String direction, String checksum, long durationMs,
                           String environment, String toolVersion, String message) {
    public HistoryEntry {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(direction, "direction");
    }
}
