package dev.migrate.engine.config;

import java.util.List;
import java.util.Optional;

/**
 * A setting key that no layer knows, such as {@code lockTimout=1s} in a properties file or
 * {@code MIGRATE_SHEMA} in {@code .env}: refused rather than ignored, naming the nearest known key.
 */
public final class UnknownSettingException extends ConfigException {
    private final String key;
    private final String origin;
    private final Optional<String> suggestion;

    public UnknownSettingException(String key, String origin, List<String> known) {
        this(key, origin, Spelling.nearest(key, known), known);
    }

    private UnknownSettingException(String key, String origin, Optional<String> suggestion, List<String> known) {
        super("Unknown key '" + key + "' in " + origin + ": "
                + suggestion.map(s -> "did you mean '" + s + "'? ").orElse("")
                + "The known keys are " + String.join(", ", known) + ".");
        this.key = key;
        this.origin = origin;
        this.suggestion = suggestion;
    }

    public String key() {
        return key;
    }

    public String origin() {
        return origin;
    }

    public Optional<String> suggestion() {
        return suggestion;
    }
}
