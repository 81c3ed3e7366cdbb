package dev.migrate.engine.verify;

import dev.migrate.engine.Advice;
import dev.migrate.engine.MigrateException;

/** A verify setting such as {@code migrate.seedAfter} has a value it cannot use. */
public final class InvalidVerifySettingException extends MigrateException {
    private final String setting;
    private final String value;

    InvalidVerifySettingException(String setting, String value, String advice, Throwable cause) {
        super("Invalid " + Advice.setting(setting + "=" + value) + ": " + advice, cause);
        this.setting = setting;
        this.value = value;
    }

    public String setting() {
        return setting;
    }

    public String value() {
        return value;
    }
}
