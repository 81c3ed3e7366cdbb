package dev.migrate.engine.config;

import static dev.migrate.engine.Advice.command;
import static dev.migrate.engine.Advice.setting;

import dev.migrate.engine.MigrateException;

/** A goal needs a property that was not given, e.g. {@code downgrade} without {@code -Dmigrate.target}. */
public final class MissingPropertyException extends MigrateException {
    private final String property;

    public MissingPropertyException(String goal, String property, String example, String meaning) {
        super(goal + " needs " + setting(name(property)) + " (" + meaning + "), e.g. " + command(goal) + " "
                + setting(name(property) + "=" + example));
        this.property = property;
    }

    private static String name(String property) {
        return property.startsWith(dev.migrate.engine.Advice.PREFIX)
                ? property.substring(dev.migrate.engine.Advice.PREFIX.length()) : property;
    }

    public String property() {
        return property;
    }
}
