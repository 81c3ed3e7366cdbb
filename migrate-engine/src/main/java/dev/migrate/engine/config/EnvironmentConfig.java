package dev.migrate.engine.config;

import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.LockMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * One environment, resolved from all setting layers by {@link EnvironmentResolver}: what the user
 * sees of it (name, description, notices, where each setting came from), what guards it
 * (protected, Supabase, the embedded server's data) and, as {@link #database()}, the one settings
 * record the database code runs with. Immutable; {@link #toString()} never shows the password.
 *
 * @param name                 the environment name, e.g. {@code staging}
 * @param description          the line every goal prints, e.g.
 *                             {@code Environment staging: postgresql://app@db.example.com:5432/app (schema public)}
 * @param database             connection, schema, tables, timeouts, lock mode and retries; its
 *                             {@code jdbcUrl} is empty when {@link #embedded()} until {@link #withEmbeddedServer} is called
 * @param protectedEnvironment true when downgrade and stamp need an explicit confirmation
 * @param supabase             true when the database is hosted by Supabase
 * @param embeddedDataDir      the data directory of the embedded PostgreSQL, when one is to be used
 * @param notices              explanations of adjustments made (port switched, url overridden, …) to show the user
 * @param origins              for each setting that has a value, where it came from (never the value itself)
 * @param shadowUrl            the server scratch databases are created on ({@code shadowUrl}), if set;
 *                             else the embedded PostgreSQL
 */
public record EnvironmentConfig(
        String name,
        String description,
        DatabaseSettings database,
        boolean protectedEnvironment,
        boolean supabase,
        Optional<Path> embeddedDataDir,
        List<String> notices,
        Map<String, String> origins,
        Optional<DatabaseUrl> shadowUrl) {

    public EnvironmentConfig {
        Objects.requireNonNull(shadowUrl, "shadowUrl");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(embeddedDataDir, "embeddedDataDir");
        notices = List.copyOf(notices);
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        if (database.jdbcUrl().isEmpty() && embeddedDataDir.isEmpty()) {
            throw new IllegalArgumentException("an environment needs a jdbcUrl or an embedded data directory");
        }
    }

    /** Without {@code shadowUrl}: scratch databases on the embedded server. */
    public EnvironmentConfig(String name, String description, DatabaseSettings database, boolean protectedEnvironment,
                             boolean supabase, Optional<Path> embeddedDataDir, List<String> notices,
                             Map<String, String> origins) {
        this(name, description, database, protectedEnvironment, supabase, embeddedDataDir, notices, origins, Optional.empty());
    }

    /** The same environment with its scratch databases on {@code server}. */
    public EnvironmentConfig withShadowUrl(Optional<DatabaseUrl> server) {
        return new EnvironmentConfig(name, description, database, protectedEnvironment, supabase, embeddedDataDir,
                notices, origins, server);
    }

    /** {@code jdbc:postgresql://host:port/db} without credentials or query; empty for an embedded server not started. */
    public Optional<String> jdbcUrl() {
        return Optional.of(database.jdbcUrl()).filter(url -> !url.isEmpty());
    }

    /** pgjdbc properties (user, password, sslmode, sslrootcert, prepareThreshold, …): a fresh copy each time. */
    public Properties driverProperties() {
        return database.driverProperties();
    }

    /** The schema migrations run in and the tool's tables live in. */
    public String schema() {
        return database.schema();
    }

    public String versionTable() {
        return database.versionTable();
    }

    public String historyTable() {
        return database.historyTable();
    }

    /** PostgreSQL {@code lock_timeout} for migrations (and the wait for another run's lock). */
    public Optional<Duration> lockTimeout() {
        return Optional.of(database.lockTimeout());
    }

    /** PostgreSQL {@code statement_timeout} for migrations, if set. */
    public Optional<Duration> statementTimeout() {
        return Optional.of(database.statementTimeout()).filter(d -> !d.isZero());
    }

    /** {@link PoolerMode#TRANSACTION} behind a transaction-mode pooler. */
    public PoolerMode pooler() {
        return database.lockMode() == LockMode.TRANSACTION ? PoolerMode.TRANSACTION : PoolerMode.SESSION;
    }

    /** How often a transactional revision that hits {@code lock_timeout} is retried. */
    public int lockRetries() {
        return database.lockRetries();
    }

    /** The same environment with {@code lockRetries} set. */
    public EnvironmentConfig withLockRetries(int retries) {
        return new EnvironmentConfig(name, description, database.withLockRetries(retries), protectedEnvironment,
                supabase, embeddedDataDir, notices, origins, shadowUrl);
    }

    /** True for the {@code local} environment without a url: the database is an embedded PostgreSQL. */
    public boolean embedded() {
        return embeddedDataDir.isPresent();
    }

    /**
     * Fails with {@link ProtectedEnvironmentException} when this environment is protected and
     * {@code confirmation} (the value of {@code migrate.confirm}, may be null) is not its name.
     * Callers check destructive operations only (downgrade, stamp), never upgrade.
     */
    public void checkConfirmed(String operation, String confirmation) {
        if (protectedEnvironment && !name.equals(confirmation == null ? null : confirmation.strip())) {
            throw new ProtectedEnvironmentException(name, operation);
        }
    }

    /** The password, if any, as the driver will receive it. */
    public Optional<String> password() {
        return Optional.ofNullable(database.driverProperties().getProperty("password"));
    }

    public Optional<String> user() {
        return Optional.ofNullable(database.driverProperties().getProperty("user"));
    }

    /** Scrubs this environment's password (and SSL key password) from text and exceptions. */
    public Secrets secrets() {
        Secrets own = database.secrets();
        return shadowUrl.flatMap(DatabaseUrl::password).map(p -> own.and(Secrets.of(p))).orElse(own);
    }

    /**
     * The PostgreSQL settings to apply on each connection, in order, as name and value for
     * {@code SET name = 'value'} ({@code SET LOCAL} behind a transaction pooler).
     */
    public Map<String, String> sessionSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        lockTimeout().ifPresent(d -> settings.put("lock_timeout", PgDuration.format(d)));
        statementTimeout().ifPresent(d -> settings.put("statement_timeout", PgDuration.format(d)));
        return Collections.unmodifiableMap(settings);
    }

    /**
     * This embedded environment pointed at its started server: jdbc URL, credentials and
     * description come from {@code server}; everything else stays.
     */
    public EnvironmentConfig withEmbeddedServer(DatabaseUrl server) {
        String line = "Environment " + name + ": embedded PostgreSQL " + server.masked() + " (schema " + schema() + ")";
        return withEmbeddedServer(server.jdbcUrl(), server.driverProperties(), line);
    }

    /** This embedded environment pointed at its started server, at {@code jdbcUrl} with these driver properties added. */
    public EnvironmentConfig withEmbeddedServer(String jdbcUrl, Properties serverProperties) {
        return withEmbeddedServer(jdbcUrl, serverProperties, description);
    }

    private EnvironmentConfig withEmbeddedServer(String jdbcUrl, Properties serverProperties, String line) {
        if (!embedded()) {
            throw new IllegalStateException("environment " + name + " is not embedded");
        }
        Properties properties = driverProperties();
        properties.putAll(serverProperties);
        return new EnvironmentConfig(name, line, database.withConnection(jdbcUrl, properties), protectedEnvironment,
                supabase, embeddedDataDir, notices, origins, shadowUrl);
    }

    @Override
    public String toString() {
        return "EnvironmentConfig[name=" + name + ", database=" + database + ", protected=" + protectedEnvironment
                + ", supabase=" + supabase + ", embeddedDataDir=" + embeddedDataDir.map(Path::toString).orElse("") + "]";
    }
}
