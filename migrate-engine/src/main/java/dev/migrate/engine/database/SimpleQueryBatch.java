package dev.migrate.engine.database;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Statements sent as one simple-protocol query in one round trip: pgjdbc writes each statement as
 * a message of its own, all in one write, and the server parses and runs them in turn. When one
 * fails, {@link Failed#index()} says which, counted from the statements the server reported done
 * before it; the error's position is within that statement. Inside a transaction block, every
 * statement after it fails too (the transaction is aborted, a {@code COMMIT} rolls back).
 *
 * <p>Each statement must be one statement ending in a token (no trailing comment), as
 * {@code SqlSplitter} and this package write them; a row-returning statement is fine, its rows are
 * read and dropped.
 */
final class SimpleQueryBatch {
    private final StringBuilder text = new StringBuilder();
    private int size;

    void add(String sql) {
        if (size++ > 0) {
            text.append(";\n");
        }
        text.append(sql);
    }

    int size() {
        return size;
    }

    int length() {
        return text.length();
    }

    /** A statement of the batch failed: the statements before it ran. */
    static final class Failed extends Exception {
        private final int index;

        Failed(int index, SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }

        /** Which statement failed. */
        int index() {
            return index;
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    /** Sends the batch in one round trip; throws {@link Failed} naming the statement that failed. */
    void execute(Connection connection) throws Failed, SQLException {
        QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
        Counting handler = new Counting();
        Query query = executor.createSimpleQuery(text.toString());
        try {
            executor.execute(query, null, handler, 0, 0,
                    QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_SUPPRESS_BEGIN);
            handler.handleCompletion();
        } catch (SQLException e) {
            throw new Failed(Math.min(handler.done, size - 1), e);
        } finally {
            query.close();
        }
    }

    /** Counts the statements the server reported done: one command tag (with or without rows) each. */
    private static final class Counting extends ResultHandlerBase {
        int done;

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            done++;
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            done++;
        }
    }
}
