package dev.migrate.engine.database;

import dev.migrate.engine.graph.Direction;

/**
 * A {@code Transactional: false} step that an earlier run started but never finished (killed,
 * disconnected, or stopped by a failing statement): its history row still says {@code running}.
 *
 * @param historyId      the id of its row in the history table
 * @param statementsDone how many of its statements are recorded as run, in file order
 */
public record InterruptedStep(long historyId, String revision, Direction direction, int statementsDone) {
}
