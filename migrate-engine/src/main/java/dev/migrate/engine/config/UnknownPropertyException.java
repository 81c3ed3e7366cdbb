package dev.migrate.engine.config;

import dev.migrate.engine.MigrateException;
import java.util.Optional;

/** A {@code migrate.*} property no goal knows, such as {@code -Dmigrate.tagret}; nothing was run. */
public final class UnknownPropertyException extends MigrateException {
    private final String property;
    private final Optional<String> suggestion;

    UnknownPropertyException(String property, Optional<String> suggestion) {
        super("Unknown property -D" + property + ": " + suggestion.map(s -> "did you mean -D" + s + "? ")
                .orElse("no goal of migrate reads it. ") + "Nothing was run; fix or remove it (the README lists "
                + "every goal's properties).");
        this.property = property;
        this.suggestion = suggestion;
    }

    public String property() {
        return property;
    }

    public Optional<String> suggestion() {
        return suggestion;
    }
}
