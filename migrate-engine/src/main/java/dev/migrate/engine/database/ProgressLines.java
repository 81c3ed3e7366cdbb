package dev.migrate.engine.database;

import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;

import java.time.Duration;

/** The text of the progress lines, in Alembic's words. */
public final class ProgressLines {
    private ProgressLines() {
    }

    /** {@code Running upgrade 6f815ac9ca51 -> 3f2a9c1d8e7b, add email_verified (12 ms)}. */
    public static String step(Step step, String message, Duration duration) {
        return header(step, message) + " (" + duration.toMillis() + " ms)";
    }

    /** {@code Running upgrade 6f815ac9ca51 -> 3f2a9c1d8e7b, add email_verified}, also the offline script's comment. */
    public static String header(Step step, String message) {
        String text = "Running " + step.direction().word() + " " + step.arrow();
        return message == null || message.isBlank() ? text : text + ", " + message;
    }

    /** {@code Running stamp_revision 6f815ac9ca51 -> 3f2a9c1d8e7b}, as Alembic logs a stamp. */
    public static String stamp(VersionChange change) {
        if (change instanceof VersionChange.Insert i) {
            return "Running stamp_revision  -> " + i.version();
        }
        if (change instanceof VersionChange.Update u) {
            return "Running stamp_revision " + u.from() + " -> " + u.to();
        }
        return "Running stamp_revision " + ((VersionChange.Delete) change).version() + " -> ";
    }
}
