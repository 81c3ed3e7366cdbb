package dev.migrate.engine.verify;

import dev.migrate.engine.Advice;
import dev.migrate.engine.MigrateException;

import java.util.Set;
import java.util.TreeSet;

/** {@code verify} refuses a graph with several heads: what it verifies is the one schema they should end in. */
public final class SeveralHeadsException extends MigrateException {
    private final Set<String> heads;

    SeveralHeadsException(Set<String> heads) {
        super("The revisions have several heads: " + String.join(", ", new TreeSet<>(heads))
                + ". verify checks one history; merge them first (" + Advice.command("merge") + "), then verify.");
        this.heads = Set.copyOf(heads);
    }

    public Set<String> heads() {
        return heads;
    }
}
