package dev.migrate.engine.database;

/**
 * An earlier run stopped inside a {@code Transactional: false} revision (killed, disconnected,
 * or a statement failed): some of its statements ran, the version table does not say so. The run
 * refuses to go on until the user resumes it ({@code -Dmigrate.resume=REV}) or stamps.
 */
public final class InterruptedRevisionException extends DatabaseException {
    private final InterruptedStep step;

    InterruptedRevisionException(InterruptedStep step, String message) {
        super(message);
        this.step = step;
    }

    /** The interrupted step; empty when {@code resume} named a revision but no run was interrupted. */
    public java.util.Optional<InterruptedStep> step() {
        return java.util.Optional.ofNullable(step);
    }
}
