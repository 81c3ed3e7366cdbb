package dev.migrate.engine.config;

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
 * Everything needed to reach one environment's database, resolved from all setting layers by
 * {@link EnvironmentResolver}. Immutable; {@link #toString()} never shows the password.
 *
 * @param name                 the environment name, e.g. {@code staging}
 * @param jdbcUrl              {@code jdbc:postgresql://host:port/db} without credentials or query;
 *                             empty when {@link #embedded()} until {@link #withEmbeddedServer} is called
 * @param driverProperties     pgjdbc properties: user, password, sslmode, sslrootcert, prepareThreshold, …
 * @param description          the line every goal prints, e.g.
 *                             {@code Environment staging: postgresql://app@db.example.com:5432/app (schema public)}
 * @param schema               the schema migrations run in and the tool's tables live in
 * @param versionTable         the table holding the current heads
 * @param historyTable         the table logging every applied step
 * @param lockTimeout          PostgreSQL {@code lock_timeout} for migrations, if set
 * @param statementTimeout     PostgreSQL {@code statement_timeout} for migrations, if set
 * @param protectedEnvironment true when downgrade and stamp need an explicit confirmation
 * @param pooler               {@link PoolerMode#TRANSACTION} behind a transaction-mode pooler
 * @param supabase             true when the database is hosted by Supabase
 * @param embeddedDataDir      the data directory of the embedded PostgreSQL, when one is to be used
 * @param notices              explanations of adjustments made (port switched, url overridden, …) to show the user
 * @param origins              for each setting that has a value, where it came from (never the value itself)
 * @param lockRetries          how often a transactional revision that hits {@code lock_timeout} is retried
 * @param shadowUrl            the server scratch databases are created on ({@code shadowUrl}), if set;
 *                             else the embedded PostgreSQL
 */
public record EnvironmentConfig(
        String name,
        Optional<String> jdbcUrl,
        Properties driverProperties,
        String description,
        String schema,
        String versionTable,
        String historyTable,
        Optional<Duration> lockTimeout,
        Optional<Duration> statementTimeout,
        boolean protectedEnvironment,
        PoolerMode pooler,
        boolean supabase,
        Optional<Path> embeddedDataDir,
        List<String> notices,
        Map<String, String> origins,
        int lockRetries,
        Optional<DatabaseUrl> shadowUrl) {

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        driverProperties = copy(driverProperties);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(pooler, "pooler");
        Objects.requireNonNull(embeddedDataDir, "embeddedDataDir");
        notices = List.copyOf(notices);
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        Objects.requireNonNull(shadowUrl, "shadowUrl");
        if (jdbcUrl.isEmpty() && embeddedDataDir.isEmpty()) {
            throw new IllegalArgumentException("an environment needs a jdbcUrl or an embedded data directory");
        }
    }

    /** Without {@code lockRetries} (none). */
    public EnvironmentConfig(String name, Optional<String> jdbcUrl, Properties driverProperties, String description,
                             String schema, String versionTable, String historyTable, Optional<Duration> lockTimeout,
                             Optional<Duration> statementTimeout, boolean protectedEnvironment, PoolerMode pooler,
                             boolean supabase, Optional<Path> embeddedDataDir, List<String> notices,
                             Map<String, String> origins) {
        this(name, jdbcUrl, driverProperties, description, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, protectedEnvironment, pooler, supabase, embeddedDataDir, notices, origins, 0);
    }

    /** Without {@code shadowUrl} (scratch databases on the embedded server). */
    public EnvironmentConfig(String name, Optional<String> jdbcUrl, Properties driverProperties, String description,
                             String schema, String versionTable, String historyTable, Optional<Duration> lockTimeout,
                             Optional<Duration> statementTimeout, boolean protectedEnvironment, PoolerMode pooler,
                             boolean supabase, Optional<Path> embeddedDataDir, List<String> notices,
                             Map<String, String> origins, int lockRetries) {
        this(name, jdbcUrl, driverProperties, description, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, protectedEnvironment, pooler, supabase, embeddedDataDir, notices, origins, lockRetries,
                Optional.empty());
    }

    /** The same environment with its scratch databases on {@code server}. */
    public EnvironmentConfig withShadowUrl(Optional<DatabaseUrl> server) {
        return new EnvironmentConfig(name, jdbcUrl, driverProperties, description, schema, versionTable, historyTable,
                lockTimeout, statementTimeout, protectedEnvironment, pooler, supabase, embeddedDataDir, notices, origins,
                lockRetries, server);
    }

    /** The same environment with {@code lockRetries} set. */
    public EnvironmentConfig withLockRetries(int retries) {
        return new EnvironmentConfig(name, jdbcUrl, driverProperties, description, schema, versionTable, historyTable,
                lockTimeout, statementTimeout, protectedEnvironment, pooler, supabase, embeddedDataDir, notices, origins,
                retries, shadowUrl);
    }

    /** A fresh copy each time: the caller may add properties without changing this config. */
    @Override
    public Properties driverProperties() {
        return copy(driverProperties);
    }

    private static Properties copy(Properties properties) {
        Properties result = new Properties();
        result.putAll(Objects.requireNonNull(properties, "driverProperties"));
        return result;
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
        return Optional.ofNullable(driverProperties.getProperty("password"));
    }

    public Optional<String> user() {
        return Optional.ofNullable(driverProperties.getProperty("user"));
    }

    /** Scrubs this environment's password (and SSL key password) from text and exceptions. */
    public Secrets secrets() {
        Secrets own = Secrets.of(driverProperties.getProperty("password"), driverProperties.getProperty("sslpassword"));
        return shadowUrl.flatMap(DatabaseUrl::password).map(p -> own.and(Secrets.of(p))).orElse(own);
    }

    /**
     * The PostgreSQL settings to apply on each connection, in order, as name and value for
     * {@code SET name = 'value'} ({@code SET LOCAL} behind a transaction pooler).
     */
    public Map<String, String> sessionSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        lockTimeout.ifPresent(d -> settings.put("lock_timeout", PgDuration.format(d)));
        statementTimeout.ifPresent(d -> settings.put("statement_timeout", PgDuration.format(d)));
        return Collections.unmodifiableMap(settings);
    }

    /**
     * This embedded environment pointed at its started server: jdbc URL, credentials and
     * description come from {@code server}; everything else stays.
     */
    public EnvironmentConfig withEmbeddedServer(DatabaseUrl server) {
        if (!embedded()) {
            throw new IllegalStateException("environment " + name + " is not embedded");
        }
        Properties properties = driverProperties();
        properties.putAll(server.driverProperties());
        String line = "Environment " + name + ": embedded PostgreSQL " + server.masked() + " (schema " + schema + ")";
        return new EnvironmentConfig(name, Optional.of(server.jdbcUrl()), properties, line, schema, versionTable,
                historyTable, lockTimeout, statementTimeout, protectedEnvironment, pooler, supabase, embeddedDataDir,
                notices, origins, lockRetries, shadowUrl);
    }

    @Override
    public String toString() {
        Properties shown = driverProperties();
        shown.computeIfPresent("password", (k, v) -> Secrets.MASK);
        shown.computeIfPresent("sslpassword", (k, v) -> Secrets.MASK);
        return "EnvironmentConfig[name=" + name + ", jdbcUrl=" + jdbcUrl.orElse("(embedded)")
                + ", driverProperties=" + shown + ", schema=" + schema + ", versionTable=" + versionTable
                + ", historyTable=" + historyTable + ", lockTimeout=" + lockTimeout.map(Duration::toString).orElse("")
                + ", statementTimeout=" + statementTimeout.map(Duration::toString).orElse("")
                + ", protected=" + protectedEnvironment + ", pooler=" + pooler + ", supabase=" + supabase
                + ", embeddedDataDir=" + embeddedDataDir.map(Path::toString).orElse("") + "]";
    }
}
