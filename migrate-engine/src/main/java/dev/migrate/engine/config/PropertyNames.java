package dev.migrate.engine.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code migrate.*} properties a run accepts, and the check that refuses any other: a typo
 * such as {@code -Dmigrate.tagret=001} must stop the goal, not upgrade to all heads.
 *
 * <p>The goals' own properties come from the caller (the plugin reads them from its descriptor);
 * this class adds those read outside any goal parameter: {@code migrate.env}, every setting key
 * as {@code migrate.KEY}, and properties read by the engine itself.
 */
public final class PropertyNames {
    /** The prefix every property of the tool has. */
    public static final String PREFIX = "migrate.";

    /** Properties read by the engine or the build outside the goals' parameters. */
    private static final List<String> READ_ELSEWHERE = List.of("migrate.env", "migrate.resume", "migrate.acceptChanged",
            "migrate.autogenerate", "migrate.allowUncompared", "migrate.concurrentIndexes", "migrate.seed",
            "migrate.seedAfter", "migrate.allowIrreversible", "migrate.failOn", "migrate.pgVersion", "migrate.range",
            "migrate.report", "migrate.format", "migrate.keepRunning", "migrate.confirm", "migrate.transaction",
            "migrate.skip", "migrate.checkHeads", "migrate.indicateCurrent", "migrate.verbose", "migrate.output",
            "migrate.sql", "migrate.target", "migrate.dir", "migrate.message", "migrate.head", "migrate.branchLabel",
            "migrate.dependsOn", "migrate.revId", "migrate.splice", "migrate.versionPath", "migrate.revision",
            "migrate.revisions", "migrate.purge", "migrate.fileTemplate");

    private PropertyNames() {
    }

    /** {@code goalProperties} and every property read elsewhere, sorted. */
    public static Set<String> known(Collection<String> goalProperties) {
        Set<String> known = new TreeSet<>(goalProperties);
        known.addAll(READ_ELSEWHERE);
        EnvironmentResolver.KEYS.forEach(key -> known.add(PREFIX + key));
        return known;
    }

    /**
     * Fails with {@link UnknownPropertyException} on the first (in name order) {@code migrate.*}
     * property of {@code properties} that is not in {@code known}.
     */
    public static void refuseUnknown(Map<String, String> properties, Set<String> known) {
        for (String name : new TreeSet<>(properties.keySet())) {
            if (name.startsWith(PREFIX) && !known.contains(name)) {
                throw new UnknownPropertyException(name, Spelling.nearest(name, known));
            }
        }
    }
}
