package dev.migrate.engine.database;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Everything needed to run migrations against one database: where it is (a JDBC URL without
 * credentials, which travel in {@code driverProperties}), where our tables live, how long to wait,
 * and what to record in the history. Build with {@link #of(String, Properties)} and the
 * {@code with...} methods.
 *
 * @param lockTimeout      how long a run waits for another run's lock; zero fails at once
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for the run; zero means none
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
        String toolVersion) {

    public static final String DEFAULT_SCHEMA = "public";
    public static final String DEFAULT_VERSION_TABLE = "migrate_version";
    public static final String DEFAULT_HISTORY_TABLE = "migrate_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(1);

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)([?&]password=)[^&]*");
    private static final Pattern USERINFO_IN_URL = Pattern.compile("(//[^/@?#]*?:)[^/@?#]*@");

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
    }

    /** Defaults: schema {@code public}, tables {@code migrate_version} and {@code migrate_history}, a one-minute lock wait. */
    public static DatabaseSettings of(String jdbcUrl, Properties driverProperties) {
        return new DatabaseSettings(jdbcUrl, driverProperties, DEFAULT_SCHEMA, DEFAULT_VERSION_TABLE,
                DEFAULT_HISTORY_TABLE, DEFAULT_LOCK_TIMEOUT, Duration.ZERO, LockMode.SESSION, "", "");
    }

    public DatabaseSettings withSchema(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, value, versionTable, historyTable, lockTimeout,
                statementTimeout, lockMode, environment, toolVersion);
    }

    public DatabaseSettings withVersionTable(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, value, historyTable, lockTimeout,
                statementTimeout, lockMode, environment, toolVersion);
    }

    public DatabaseSettings withHistoryTable(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, value, lockTimeout,
                statementTimeout, lockMode, environment, toolVersion);
    }

    public DatabaseSettings withLockTimeout(Duration value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, value,
                statementTimeout, lockMode, environment, toolVersion);
    }

    public DatabaseSettings withStatementTimeout(Duration value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                value, lockMode, environment, toolVersion);
    }

    public DatabaseSettings withLockMode(LockMode value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, value, environment, toolVersion);
    }

    public DatabaseSettings withEnvironment(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, lockMode, value, toolVersion);
    }

    public DatabaseSettings withToolVersion(String value) {
        return new DatabaseSettings(jdbcUrl, driverProperties, schema, versionTable, historyTable, lockTimeout,
                statementTimeout, lockMode, environment, value);
    }

    /** A copy of the driver properties (they may hold the password: never print them). */
    @Override
    public Properties driverProperties() {
        Properties copy = new Properties();
        copy.putAll(driverProperties);
        return copy;
    }

    /** The URL with any password in it replaced by {@code ***}, fit for messages. */
    public String maskedUrl() {
        String masked = PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1***");
        return USERINFO_IN_URL.matcher(masked).replaceAll("$1***@");
    }

    /** Never prints the driver properties. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + maskedUrl() + ", schema=" + schema + ", versionTable=" + versionTable
                + ", historyTable=" + historyTable + ", lockTimeout=" + lockTimeout + ", statementTimeout="
                + statementTimeout + ", lockMode=" + lockMode + ", environment=" + environment + "]";
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.length() > 63) {
            throw new IllegalArgumentException(what + " '" + value + "' is longer than PostgreSQL's 63 characters");
        }
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
