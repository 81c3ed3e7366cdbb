package dev.migrate.engine.config;

/**
 * A {@code ${env:VAR}} or {@code ${sys:NAME}} reference in a settings file whose variable is not
 * set anywhere.
 */
public final class UnresolvedVariableException extends ConfigException {
    private final String key;
    private final String origin;
    private final String reference;

    /** {@code prefix} is {@code env} or {@code sys}; {@code variable} the name after it. */
    public UnresolvedVariableException(String key, String origin, String prefix, String variable) {
        super("The " + key + " in " + origin + " refers to ${" + prefix + ":" + variable + "}, which is not set; "
                + (prefix.equals("sys") ? "pass -D" + variable + "=…"
                        : "set the environment variable " + variable + " or define it in .env"));
        this.key = key;
        this.origin = origin;
        this.reference = prefix + ":" + variable;
    }

    public String key() {
        return key;
    }

    public String origin() {
        return origin;
    }

    /** The reference as written between the braces, e.g. {@code env:STAGING_DB_PASSWORD}. */
    public String reference() {
        return reference;
    }
}
