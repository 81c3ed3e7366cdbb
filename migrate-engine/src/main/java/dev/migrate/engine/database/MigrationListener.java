package dev.migrate.engine.database;

import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the engine reports what it does; the engine never prints. The caller (the Maven plugin,
 * a test, an application) decides where lines go. The one listener of the engine: the commands'
 * lines ({@link #info}, {@link #warn}, {@link #debug}) and a run's events, each of which by default
 * writes Alembic's log line to {@link #info}, e.g.
 * {@code Running upgrade 6f815ac9ca51 -> 3f2a9c1d8e7b, add email_verified (12 ms)}. Every method
 * has a default, so a caller overrides only what it shows. Called on the thread that runs the command.
 */
public interface MigrationListener {
    /** Shows nothing. */
    MigrationListener NONE = new MigrationListener() {
    };

    /** A line for the user. */
    default void info(String line) {
    }

    /** A line the user should not miss. */
    default void warn(String line) {
        info(line);
    }

    /** A line for diagnosing (Maven's {@code -X}). */
    default void debug(String line) {
    }

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
        info(ProgressLines.step(step, script.message(), duration));
    }

    /**
     * A statement of a transactional step hit {@code lock_timeout}: the step was rolled back and runs
     * again after {@code pause}; this was attempt {@code attempt} of {@code 1 + retries}.
     */
    default void lockRetry(Step step, RevisionScript script, int attempt, int retries, Duration pause, String reason) {
        info(ProgressLines.header(step, script.message()) + ": " + reason + "; rolled back, retrying in "
                + pause.toMillis() + " ms (retry " + attempt + " of " + retries + ")");
    }

    /** An interrupted non-transactional step continues after its {@code done} statements of {@code total}. */
    default void resuming(Step step, RevisionScript script, int done, int total) {
        info("Resuming " + step.direction().word() + " " + script.id() + " after statement " + done + " of " + total);
    }

    /** An edited revision file was accepted ({@code acceptChanged}): its new checksum is recorded. */
    default void editAccepted(EditedRevision edit) {
        info("Accepted the edited file of " + edit.revision() + " (" + edit.file()
                + "): its new checksum is recorded, later runs compare against it");
    }

    /** A stamp wrote this version change without running anything. */
    default void stamped(VersionChange change) {
        info(ProgressLines.stamp(change));
    }

    /** A listener that hands every line (info, warnings, not debug) to {@code sink}. */
    static MigrationListener lines(Consumer<String> sink) {
        return new MigrationListener() {
            @Override
            public void info(String line) {
                sink.accept(line);
            }
        };
    }
}
