package dev.migrate.engine.config;

/**
 * A setting whose value cannot be used. The message names the key and where the value came from;
 * it quotes the value only for settings that are never secret.
 */
public final class InvalidSettingException extends ConfigException {
    private final String key;
    private final String origin;

    public InvalidSettingException(String key, String origin, String reason) {
        super("Invalid " + key + " from " + origin + ": " + reason);
        this.key = key;
        this.origin = origin;
    }

    public String key() {
        return key;
    }

    public String origin() {
        return origin;
    }
}
