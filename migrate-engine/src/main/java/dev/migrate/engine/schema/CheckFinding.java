package dev.migrate.engine.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason {@code check} fails.
 *
 * @param kind    {@code desired} (head schema ≠ desired schema), {@code drift} (live database ≠ the
 *                schema of its revisions), {@code edited} (an applied revision file changed),
 *                {@code heads} (several heads), {@code uncompared} (an object the differ cannot
 *                compare), {@code lint} (an error in a pending revision)
 * @param message one line: what, where, and how to fix it
 * @param subject what it is about: an object, a revision, a file
 */
public record CheckFinding(String kind, String message, String subject) {
    public static final String DESIRED = "desired";
    public static final String DRIFT = "drift";
    public static final String EDITED = "edited";
    public static final String HEADS = "heads";
    public static final String UNCOMPARED = "uncompared";
    public static final String LINT = "lint";

    public CheckFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        subject = subject == null ? "" : subject;
    }

    public Optional<String> subjectIfAny() {
        return subject.isEmpty() ? Optional.empty() : Optional.of(subject);
    }
}
