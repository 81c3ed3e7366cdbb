package dev.migrate.engine.database;

import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a run reports while it works; the engine never prints. Every method has an empty default,
 * so a caller overrides only what it shows. Called on the thread that runs the migration.
 */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() {
    };

    /** The run holds the migration lock, after waiting this long for another run. */
    default void lockAcquired(Duration waited) {
    }

    /** The version and history tables (and the schema) were missing and were created with these statements. */
    default void tablesCreated(List<String> statements) {
    }

    default void stepStarting(Step step, RevisionScript script) {
    }

    /** The step ran and its version change is written (committed, unless the whole run is one transaction). */
    default void stepCompleted(Step step, RevisionScript script, Duration duration) {
    }

    /**
     * A statement of a transactional step hit {@code lock_timeout}: the step was rolled back and runs
     * again after {@code pause}; this was attempt {@code attempt} of {@code 1 + retries}.
     */
    default void lockRetry(Step step, RevisionScript script, int attempt, int retries, Duration pause, String reason) {
    }

    /** An interrupted non-transactional step continues after its {@code done} statements of {@code total}. */
    default void resuming(Step step, RevisionScript script, int done, int total) {
    }

    /** An edited revision file was accepted ({@code acceptChanged}): its new checksum is recorded. */
    default void editAccepted(EditedRevision edit) {
    }

    /** A stamp wrote this version change without running anything. */
    default void stamped(VersionChange change) {
    }

    /**
     * A listener that hands Alembic's log lines to {@code sink}:
     * {@code Running upgrade 6f815ac9ca51 -> 3f2a9c1d8e7b, add email_verified (12 ms)}.
     */
    static MigrationListener lines(Consumer<String> sink) {
        return new MigrationListener() {
            @Override
            public void stepCompleted(Step step, RevisionScript script, Duration duration) {
                sink.accept(ProgressLines.step(step, script.message(), duration));
            }

            @Override
            public void lockRetry(Step step, RevisionScript script, int attempt, int retries, Duration pause, String reason) {
                sink.accept(ProgressLines.header(step, script.message()) + ": " + reason + "; rolled back, retrying in "
                        + pause.toMillis() + " ms (retry " + attempt + " of " + retries + ")");
            }

            @Override
            public void resuming(Step step, RevisionScript script, int done, int total) {
                sink.accept("Resuming " + step.direction().word() + " " + script.id() + " after statement " + done
                        + " of " + total);
            }

            @Override
            public void editAccepted(EditedRevision edit) {
                sink.accept("Accepted the edited file of " + edit.revision() + " (" + edit.file()
                        + "): its new checksum is recorded, later runs compare against it");
            }

            @Override
            public void stamped(VersionChange change) {
                sink.accept(ProgressLines.stamp(change));
            }
        };
    }
}
