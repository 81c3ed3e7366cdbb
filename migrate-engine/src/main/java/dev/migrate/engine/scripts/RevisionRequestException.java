package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

import java.util.Optional;

/**
 * A new revision or merge cannot be written as asked: no message, an id or branch label already
 * used, a parent that is not a head, nothing to merge, several heads to choose from. Nothing was
 * written; the message names the setting to change.
 */
public final class RevisionRequestException extends MigrateException {
    private final String setting;
    private final String value;

    /**
     * @param setting the setting to change, e.g. {@code head} (its advice is written with {@code Advice.setting})
     * @param value   its value as given, null when it was not given
     */
    public RevisionRequestException(String setting, String value, String message, Throwable cause) {
        super(Kind.CONTENT, message, cause);
        this.setting = setting;
        this.value = value;
    }

    public RevisionRequestException(String setting, String value, String message) {
        this(setting, value, message, null);
    }

    /** The setting to change, e.g. {@code head} or {@code revId}. */
    public String setting() {
        return setting;
    }

    /** Its value as given, if it was given. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }
}
