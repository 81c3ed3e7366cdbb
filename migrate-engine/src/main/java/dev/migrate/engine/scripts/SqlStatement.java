package dev.migrate.engine.scripts;

/** One SQL statement of a revision file, without its terminating semicolon, and its first line. */
public record SqlStatement(String sql, int line) {
}
