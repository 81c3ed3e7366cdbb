package dev.migrate.engine.lint;

import dev.migrate.engine.verify.Seed;
import dev.migrate.engine.verify.SeedException;

import dev.migrate.engine.graph.RevisionMap;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What a lint run needs besides the revisions to lint: the PostgreSQL version to judge by, the
 * project's seed data, and every revision up to the last linted one in upgrade order (the earlier
 * ones build the schema the linted ones are measured on).
 */
public final class LintInputs {
    /** The version judged by when neither the live server nor {@code pgVersion} says. */
    public static final int DEFAULT_PG_VERSION = 17;

    private LintInputs() {
    }

    /** The major version in {@code text} ({@code 16}, {@code 16.2}); the default when blank. */
    public static int pgVersion(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PG_VERSION;
        }
        try {
            int version = Integer.parseInt(text.trim().replaceFirst("\\..*$", ""));
            if (version >= 9 && version < 100) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLintSettingException("pgVersion", text, "give a PostgreSQL major version such as 13 or 17");
    }

    /** The live server's major version, or empty when it cannot be asked. */
    public static Optional<Integer> serverVersion(String jdbcUrl, Properties properties) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, properties)) {
            return Optional.of(Linter.serverMajorVersion(c));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** The project's seed statements ({@link Seed#DEFAULT_FILE}); none when there is none, or (noted) when it cannot be read. */
    public static List<SqlStatement> seed(Path baseDirectory, List<String> notes) {
        try {
            return Seed.locate(baseDirectory, null).map(Seed::statements).orElse(List.of());
        } catch (SeedException e) {
            notes.add("Seed data " + baseDirectory.resolve(Seed.DEFAULT_FILE) + " cannot be read (" + e.getMessage()
                    + "): measured without it.");
            return List.of();
        }
    }

    /** Every revision from base up to the last of {@code linted}, in upgrade order. */
    public static List<RevisionScript> inUpgradeOrder(RevisionMap map, Map<String, RevisionScript> scripts,
                                                      Set<String> linted) {
        List<RevisionScript> inOrder = new ArrayList<>();
        Set<String> remaining = new HashSet<>(linted);
        for (var step : map.upgrade(Set.of(), "heads").steps()) {
            if (remaining.isEmpty()) {
                break;
            }
            inOrder.add(scripts.get(step.revision().id()));
            remaining.remove(step.revision().id());
        }
        return inOrder;
    }
}
