package dev.migrate.engine.config;

import java.util.Optional;

/**
 * A database URL that cannot be understood. The message describes the problem without quoting the
 * URL, because a URL that failed to parse may hold a password anywhere in it.
 */
public final class InvalidDatabaseUrlException extends ConfigException {
    private final String reason;
    private final String origin;

    public InvalidDatabaseUrlException(String reason) {
        this(reason, null);
    }

    private InvalidDatabaseUrlException(String reason, String origin) {
        super("Invalid database URL" + (origin == null ? "" : " from " + origin) + ": " + reason);
        this.reason = reason;
        this.origin = origin;
    }

    /** The same problem, told together with where the URL came from (a file, a variable). */
    public InvalidDatabaseUrlException from(String newOrigin) {
        return new InvalidDatabaseUrlException(reason, newOrigin);
    }

    public String reason() {
        return reason;
    }

    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }
}
