package dev.migrate.engine.scripts;

import java.util.UUID;

/** New revision ids. */
public final class RevisionIds {
    private RevisionIds() {
    }

    /**
     * A new random id: 12 lowercase hex characters, the last 12 of a random UUID, as Alembic makes
     * them ({@code uuid4().hex[-12:]}).
     */
    public static String generate() {
        return UUID.randomUUID().toString().substring(24);
    }
}
