package dev.migrate.engine.lint;

import dev.migrate.engine.MigrateException;

/** A lint setting such as {@code migrate.failOn} or {@code migrate.pgVersion} has a value it cannot use. */
public final class InvalidLintSettingException extends MigrateException {
    private final String setting;
    private final String value;

    public InvalidLintSettingException(String setting, String value, String advice) {
        super("Invalid " + dev.migrate.engine.Advice.setting(setting + "=" + value) + ": " + advice + ".");
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
