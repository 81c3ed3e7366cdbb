package dev.migrate.engine.database;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements sent as one simple-protocol query: one message and one round trip for all of them,
 * which the server runs one after the other. When one fails, {@link Failed#index()} says which,
 * counted from the statements the server reported done before it; inside a transaction block,
 * every statement after it fails too (the transaction is aborted, a {@code COMMIT} rolls back).
 *
 * <p>Each statement must be one statement ending in a token (no trailing comment), as
 * {@code SqlSplitter} and this package write them; a row-returning statement is fine, its rows are
 * read and dropped.
 */
final class SimpleQueryBatch {
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> starts = new ArrayList<>();

    /** Adds a statement; returns its index in the batch. */
    int add(String sql) {
        if (!starts.isEmpty()) {
            text.append(";\n");
        }
        starts.add(text.length());
        text.append(sql);
        return starts.size() - 1;
    }

    int size() {
        return starts.size();
    }

    int length() {
        return text.length();
    }

    /** A statement of the batch failed: the statements before it ran, none after it. */
    static final class Failed extends Exception {
        private final int index;
        private final int position;
        private final SQLException cause;

        Failed(int index, int position, SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
            this.position = position;
            this.cause = cause;
        }

        /** Which statement failed. */
        int index() {
            return index;
        }

        /** The error's position (1-based) within that statement, 0 when the server gave none. */
        int position() {
            return position;
        }

        SQLException sqlException() {
            return cause;
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
            throw locate(e, handler.done);
        } finally {
            query.close();
        }
    }

    /**
     * The statement that failed: the one after those the server reported done (pgjdbc sends each
     * statement of a simple query as a message of its own, all in one write, and the server parses
     * and runs them in turn), with the error's position, which is within that statement.
     */
    private Failed locate(SQLException e, int done) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        int index = Math.min(done, starts.size() - 1);
        int position = server == null ? 0 : server.getPosition();
        return new Failed(index, position, e);
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
