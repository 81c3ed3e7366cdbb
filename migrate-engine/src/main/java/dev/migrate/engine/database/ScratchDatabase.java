package dev.migrate.engine.database;

import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.scripts.RevisionScript;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * One temporary database made by {@link ScratchDatabases#create(String)}; {@link #close()} drops it.
 * It hands out connections, and the settings a {@link Migrator} needs to run revisions on it.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final ScratchDatabases owner;
    private final String name;
    private final String jdbcUrl;
    private final Properties properties;

    ScratchDatabase(ScratchDatabases owner, String name, String jdbcUrl, Properties properties) {
        this.owner = owner;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Driver properties (they may hold a password: never print them). */
    public Properties driverProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    public Connection connect() {
        Properties p = driverProperties();
        p.putIfAbsent("ApplicationName", "migrate scratch database");
        try {
            return DriverManager.getConnection(jdbcUrl, p);
        } catch (SQLException e) {
            throw new ScratchDatabaseException(name, "its server", "cannot be reached: " + e.getMessage(), e);
        }
    }

    /**
     * {@code like} (schema, version and history tables, timeouts, environment) pointed at this
     * database, so that revisions run here exactly as they would on the environment's own.
     */
    public DatabaseSettings settings(DatabaseSettings like) {
        Properties p = driverProperties();
        p.putIfAbsent("ApplicationName", "migrate scratch database");
        return like.withConnection(jdbcUrl, p).withLockMode(LockMode.SESSION);
    }

    /**
     * Runs the plan {@code planner} makes (from this database's heads, none at first) with the
     * ordinary {@link Migrator}: the head schema is {@code heads -> graph.upgrade(heads, "heads")}.
     */
    public RunResult migrate(Map<String, RevisionScript> scripts, Function<Set<String>, Plan> planner,
                             DatabaseSettings like, MigrationListener listener) {
        try (Migrator migrator = Migrator.connect(settings(like))) {
            return migrator.migrate(scripts, planner, RunOptions.defaults(), listener);
        }
    }

    /** Drops the database (closing any connection still open on it); idempotent. */
    @Override
    public void close() {
        owner.drop(this);
    }

    @Override
    public String toString() {
        return "scratch database " + name;
    }
}
