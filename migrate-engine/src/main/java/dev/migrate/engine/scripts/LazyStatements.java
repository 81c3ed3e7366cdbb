package dev.migrate.engine.scripts;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The statements of one section of a revision file whose header came from {@link RevisionCache}:
 * the file is read and split only when the statements are first asked for (a revision that will
 * run), once. Whether the section is empty is known without reading it, so that a report can say
 * whether a revision is reversible.
 */
final class LazyStatements extends AbstractList<SqlStatement> {
    private final Supplier<List<SqlStatement>> loader;
    private final boolean empty;
    private volatile List<SqlStatement> statements;

    LazyStatements(Supplier<List<SqlStatement>> loader, boolean empty) {
        this.loader = loader;
        this.empty = empty;
    }

    private List<SqlStatement> statements() {
        List<SqlStatement> s = statements;
        if (s == null) {
            synchronized (this) {
                s = statements;
                if (s == null) {
                    s = List.copyOf(loader.get());
                    statements = s;
                }
            }
        }
        return s;
    }

    /** Whether the statements have been read (for tests). */
    boolean loaded() {
        return statements != null;
    }

    @Override
    public boolean isEmpty() {
        return empty;
    }

    @Override
    public SqlStatement get(int index) {
        return statements().get(index);
    }

    @Override
    public int size() {
        return statements().size();
    }
}
