package dev.migrate.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code current -Dmigrate.checkHeads=true} found the database elsewhere than at all heads. */
public final class NotAtHeadsException extends MigrateException {
    private final List<String> current;
    private final List<String> heads;

    NotAtHeadsException(Set<String> current, Set<String> heads) {
        super("The database is not at all heads: it is at " + listed(current) + ", the heads are " + listed(heads)
                + ". Run " + Advice.command("upgrade") + " to apply the pending revisions.");
        this.current = List.copyOf(new TreeSet<>(current));
        this.heads = List.copyOf(new TreeSet<>(heads));
    }

    private static String listed(Set<String> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", new TreeSet<>(ids));
    }

    public List<String> current() {
        return current;
    }

    public List<String> heads() {
        return heads;
    }
}
