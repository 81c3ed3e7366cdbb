package dev.migrate.engine.config;

/** A {@code ${env:VAR}} reference in a settings file whose variable is not set anywhere. */
public final class UnresolvedVariableException extends ConfigException {
    private final String key;
    private final String origin;
    private final String variable;

    public UnresolvedVariableException(String key, String origin, String variable) {
        super("The " + key + " in " + origin + " refers to ${env:" + variable + "}, which is not set; "
                + "set the environment variable " + variable + " or define it in .env");
        this.key = key;
        this.origin = origin;
        this.variable = variable;
    }

    public String key() {
        return key;
    }

    public String origin() {
        return origin;
    }

    public String variable() {
        return variable;
    }
}
