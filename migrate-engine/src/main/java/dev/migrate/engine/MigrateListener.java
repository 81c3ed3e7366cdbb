package dev.migrate.engine;

/**
 * Where the engine reports progress. The engine never prints; the caller (the Maven plugin, a
 * test, an application) decides where lines go.
 */
public interface MigrateListener {
    MigrateListener SILENT = line -> { };

    void info(String line);

    default void warn(String line) {
        info(line);
    }

    default void debug(String line) {
    }
}
