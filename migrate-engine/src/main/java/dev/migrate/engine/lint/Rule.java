package dev.migrate.engine.lint;

import java.util.Objects;

/**
 * One lint rule: its id (kebab-case, squawk's name where squawk has the rule), its default
 * severity, the PostgreSQL versions it applies to, what goes wrong, and the fix.
 *
 * @param minVersion first major version the rule applies to, 0 for all
 * @param maxVersion last major version it applies to, 0 for all later ones
 */
public record Rule(String id, Severity severity, int minVersion, int maxVersion, String problem, String fix) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    public boolean appliesTo(int majorVersion) {
        return (minVersion == 0 || majorVersion >= minVersion) && (maxVersion == 0 || majorVersion <= maxVersion);
    }

    /** {@code all}, {@code 12+}, {@code 10 and older}, {@code 9.6-10}. */
    public String versions() {
        if (minVersion == 0 && maxVersion == 0) {
            return "all";
        }
        if (maxVersion == 0) {
            return minVersion + "+";
        }
        return minVersion == 0 ? maxVersion + " and older" : minVersion + "-" + maxVersion;
    }
}
