package dev.migrate.engine;

import java.util.Objects;

/**
 * How the build's own tests reach the database a goal migrated: the JDBC url without credentials,
 * the user and the password (empty when there is none, as for the embedded server).
 * {@link #toString()} never shows the password.
 */
public record DatabaseConnection(String jdbcUrl, String user, String password) {
    public DatabaseConnection {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "DatabaseConnection[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****") + "]";
    }
}
