package dev.migrate.engine.config;

/** An environment that lacks a setting it cannot do without, such as the url of a remote database. */
public final class MissingSettingException extends ConfigException {
    private final String environment;
    private final String key;

    public MissingSettingException(String environment, String key, String advice) {
        super("Environment " + environment + " has no " + key + ": " + advice);
        this.environment = environment;
        this.key = key;
    }

    public String environment() {
        return environment;
    }

    public String key() {
        return key;
    }
}
