package dev.migrate.engine.database;

/**
 * The run no longer holds the migration lock: the connection holding it is gone (terminated with
 * {@code pg_terminate_backend}, closed by {@code idle_session_timeout}, a network failure), so
 * another run may already be migrating. The run stopped; {@link #outcome()} says what was applied.
 */
public final class LockLostException extends DatabaseException {
    /** An error of the environment, not of the user's content. */
    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    private final String revision;
    private final String outcome;

    LockLostException(String versionTable, long lockPid, String revision, String outcome) {
        super("This run lost its migration lock on " + versionTable + ": the connection holding it (backend pid "
                + lockPid + ") is gone, so another run may be migrating. Stopped at revision " + revision + ". "
                + sentence(outcome) + " Nothing more was applied; run the upgrade again (it waits for any other run, "
                + "then finds what is left).");
        this.revision = revision;
        this.outcome = outcome;
    }

    private static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The revision the run was at when it noticed. */
    public String revision() {
        return revision;
    }

    public String outcome() {
        return outcome;
    }
}
