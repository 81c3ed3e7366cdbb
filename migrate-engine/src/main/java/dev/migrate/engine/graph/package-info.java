/**
 * The revision graph, in three parts: {@link dev.migrate.engine.graph.RevisionMap} is the graph
 * itself (built and validated once: heads, bases, branch points, branch labels);
 * {@link dev.migrate.engine.graph.Target} and {@link dev.migrate.engine.graph.Range} are Alembic's
 * target syntax, parsed once by one parser and resolved against the graph by
 * {@code TargetResolver}; {@link dev.migrate.engine.graph.Planner} makes the upgrade, downgrade and
 * stamp plans (with their version-table changes, {@code HeadMaintainer}) in Alembic's step order
 * ({@code TopologicalOrder}) and lists history. Knows nothing of files or databases.
 *
 * <p>Where Alembic crashes or leaves a redundant version row, we answer instead (each case has a
 * test named for it): {@code -N} from several heads is refused rather than walking from an
 * arbitrary row; stamping several revisions below one head gives one row per target; a stamp to
 * {@code heads} keeps heads that are already current; downgrading a merge whose parents include
 * an ancestor of another parent keeps only the newest row; {@code rev-N} below the base means
 * base; {@code label@head} as a downgrade target keeps its label; a missing down revision is a
 * {@link dev.migrate.engine.graph.MissingRevisionException} naming both ids and the file; a
 * cycle lists its own revisions; branch labels cover the ancestors of the labelled revision back
 * to the previous branch point even when a merge follows it; a prefix that matches a revision's
 * id and its label is that one revision, not an ambiguity.
 */
package dev.migrate.engine.graph;
