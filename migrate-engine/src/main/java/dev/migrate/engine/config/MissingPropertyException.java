package dev.migrate.engine.config;

import dev.migrate.engine.MigrateException;

/** A goal needs a property that was not given, e.g. {@code downgrade} without {@code -Dmigrate.target}. */
public final class MissingPropertyException extends MigrateException {
    private final String property;

    public MissingPropertyException(String goal, String property, String example, String meaning) {
        super(goal + " needs -D" + property + " (" + meaning + "), e.g. mvn migrate:" + goal + " -D" + property + "="
                + example);
        this.property = property;
    }

    public String property() {
        return property;
    }
}
