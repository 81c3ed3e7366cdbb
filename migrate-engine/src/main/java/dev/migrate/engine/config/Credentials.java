package dev.migrate.engine.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A user and password from outside the layered settings, such as a Maven settings.xml
 * {@code <server>} (already decrypted by the caller). {@link #toString()} never shows the password.
 */
public record Credentials(Optional<String> user, Optional<String> password) {
    public Credentials {
        user = Objects.requireNonNull(user, "user").filter(u -> !u.isEmpty());
        password = Objects.requireNonNull(password, "password").filter(p -> !p.isEmpty());
    }

    /** Either may be null or empty, meaning "not given". */
    public static Credentials of(String user, String password) {
        return new Credentials(Optional.ofNullable(user), Optional.ofNullable(password));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user.orElse("") + ", password=" + (password.isPresent() ? Secrets.MASK : "") + "]";
    }
}
