package dev.migrate.engine.database;

import dev.migrate.engine.config.Secrets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything needed to run migrations against one database: where it is (a JDBC URL without
 * credentials, which travel in {@code driverProperties}), where our tables live, how long to wait,
 * and what to record in the history. The one settings type from the resolved environment
 * ({@code config.EnvironmentConfig#database()}) to the code that connects; its defaults are the
 * only ones. Build with {@link #of(String, Properties)} and the {@code with...} methods.
 *
 * @param jdbcUrl          {@code jdbc:postgresql://host:port/db}; empty for an embedded server not yet started
 * @param lockTimeout      how long a run waits for another run's lock, and PostgreSQL's {@code lock_timeout}; zero fails at once
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for the run; zero means none
 * @param lockRetries      how often a transactional revision that hits {@code lock_timeout} is retried
 */
public record DatabaseSettings(
        String jdbcUrl,
        Properties driverProperties,
        String schema,
        String versionTable,
        String historyTable,
        Duration lockTimeout,
        Duration statementTimeout,
        LockMode lockMode,
        String environment,
        String toolVersion,
        int lockRetries) {

    public static final String DEFAULT_SCHEMA = "public";
    public static final String DEFAULT_VERSION_TABLE = "migrate_version";
    public static final String DEFAULT_HISTORY_TABLE = "migrate_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(1);
    /** PostgreSQL's limit for a name ({@code NAMEDATALEN - 1}), in bytes of UTF-8, not characters. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Properties copy = new Properties();
        if (driverProperties != null) {
            copy.putAll(driverProperties);
        }
        driverProperties = copy;
        schema = requireName(schema, "schema");
        versionTable = requireName(versionTable, "versionTable");
        historyTable = requireName(historyTable, "historyTable");
        if (versionTable.equals(historyTable)) {
            throw new IllegalArgumentException("versionTable and historyTable must differ, both are '" + versionTable + "'");
        }
        lockTimeout = requireNotNegative(lockTimeout, "lockTimeout");
        statementTimeout = requireNotNegative(statementTimeout, "statementTimeout");
        lockMode = Objects.requireNonNull(lockMode, "lockMode");
        environment = Objects.requireNonNullElse(environment, "");
        toolVersion = Objects.requireNonNullElse(toolVersion, "");
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must not be negative: " + lockRetries);
        }
    }

    /** Defaults: schema {@code public}, tables {@code migrate_version} and {@code migrate_history}, a one-minute lock wait. */
    public static DatabaseSettings of(String jdbcUrl, Properties driverProperties) {
        return new DatabaseSettings(jdbcUrl, driverProperties, DEFAULT_SCHEMA, DEFAULT_VERSION_TABLE,
                DEFAULT_HISTORY_TABLE, DEFAULT_LOCK_TIMEOUT, Duration.ZERO, LockMode.SESSION, "", "", 0);
    }

    public DatabaseSettings withSchema(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, value, versionTable, historyTable, lockTimeout,
                statementTimeout, lockMode, environment, toolVersion, lockRetries);
    }

    public DatabaseSettings withVersionTable(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, value, historyTable, lockTimeout,
                statementTimeout, lockMode, environment, toolVersion, lockRetries);
    }

    public DatabaseSettings withHistoryTable(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, value, lockTimeout,
                statementTimeout, lockMode, environment, toolVersion, lockRetries);
    }

    public DatabaseSettings withLockTimeout(Duration value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, value,
                statementTimeout, lockMode, environment, toolVersion, lockRetries);
    }

    public DatabaseSettings withStatementTimeout(Duration value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                value, lockMode, environment, toolVersion, lockRetries);
    }

    public DatabaseSettings withLockMode(LockMode value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, value, environment, toolVersion, lockRetries);
    }

    public DatabaseSettings withEnvironment(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, lockMode, value, toolVersion, lockRetries);
    }

    public DatabaseSettings withToolVersion(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, lockMode, environment, value, lockRetries);
    }

    public DatabaseSettings withLockRetries(int value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, lockMode, environment, toolVersion, value);
    }

    /** The same settings reaching another server (an embedded or scratch one): its URL and driver properties. */
    public DatabaseSettings withConnection(String url, Properties properties) {
        return new DatabaseSettings(url, properties, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, lockMode, environment, toolVersion, lockRetries);
    }

    /** Scrubs the password (and SSL key password) of these settings from text and exceptions. */
    public Secrets secrets() {
        return Secrets.of(driverProperties.getProperty("password"), driverProperties.getProperty("sslpassword"));
    }

    /**
     * Why {@code name} cannot be a PostgreSQL identifier (empty, a NUL character, over
     * {@value #MAX_IDENTIFIER_BYTES} bytes), or empty when it can.
     */
    public static Optional<String> identifierProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("'" + name.replace("\0", "") + "' holds a NUL character");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            return Optional.of("'" + name + "' is longer than PostgreSQL's " + MAX_IDENTIFIER_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /** A copy of the driver properties (they may hold the password: never print them). */
    @Override
    public Properties driverProperties() {
        Properties copy = new Properties();
        copy.putAll(driverProperties);
        return copy;
    }

    /** The URL with any password in it replaced by {@value Secrets#MASK}, fit for messages. */
    public String maskedUrl() {
        return secrets().scrub(jdbcUrl);
    }

    /** Never prints the driver properties. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + maskedUrl() + ", schema=" + schema + ", versionTable=" + versionTable
                + ", historyTable=" + historyTable + ", lockTimeout=" + lockTimeout + ", statementTimeout="
                + statementTimeout + ", lockMode=" + lockMode + ", environment=" + environment + "]";
    }

    private static String requireName(String value, String what) {
        identifierProblem(value).ifPresent(problem -> {
            throw new IllegalArgumentException(what + " " + problem);
        });
        return value;
    }

    private static Duration requireNotNegative(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        return value;
    }
}
