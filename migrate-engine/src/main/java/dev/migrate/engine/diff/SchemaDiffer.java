package dev.migrate.engine.diff;

import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.UncomparedObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares two catalogs. A pure function of the two models: no JDBC.
 *
 * <p>The same pairing of objects, read in both directions, gives the upgrade ({@code from} to
 * {@code to}) and the downgrade ({@code to} to {@code from}); every change therefore has its inverse,
 * and one that cannot be undone in place (an enum value) says so in the direction that needs it.
 */
public final class SchemaDiffer {
    private SchemaDiffer() {
    }

    public static SchemaDiff compare(Catalog from, Catalog to, DiffOptions options) {
        Rendering up = new Rendering(from, to, options);
        up.render();
        Rendering down = new Rendering(to, from, options);
        down.render();
        List<String> warnings = new ArrayList<>(up.warnings());
        for (String w : down.warnings()) {
            if (!w.startsWith("possible rename")) {
                warnings.add("downgrade: " + w);
            }
        }
        Set<UncomparedObject> uncompared = new LinkedHashSet<>(from.uncompared());
        uncompared.addAll(to.uncompared());
        return new SchemaDiff(up.detected(), warnings, up.steps(), down.steps(), up.words(), List.copyOf(uncompared));
    }
}
