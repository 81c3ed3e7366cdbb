package dev.migrate.engine.database;

import java.util.Optional;

/** The database could not be reached or refused the login. The message names the masked URL. */
public final class DatabaseConnectionException extends DatabaseException {
    /** An error of the environment, not of the user's content. */
    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    private final String maskedUrl;
    private final String sqlState;

    DatabaseConnectionException(String maskedUrl, String sqlState, String reason, Throwable cause) {
        super("Cannot connect to " + maskedUrl + ": " + trimmed(reason) + hint(sqlState), cause);
        this.maskedUrl = maskedUrl;
        this.sqlState = sqlState;
    }

    public String maskedUrl() {
        return maskedUrl;
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    private static String trimmed(String reason) {
        String r = reason.strip();
        return r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
    }

    private static String hint(String sqlState) {
        if (sqlState == null) {
            return "";
        }
        return switch (sqlState) {
            case "08001", "08004", "08006" -> ". Is the server running and reachable at that host and port?";
            case "28P01", "28000" -> ". Check the user and password of this environment.";
            case "3D000" -> ". Create the database first, or fix the database name in the url.";
            default -> "";
        };
    }
}
