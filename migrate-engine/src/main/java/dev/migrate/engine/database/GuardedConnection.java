package dev.migrate.engine.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The run's connection as a Java migration gets it: every call passes through, except those that
 * would take the run's transaction handling away from it. A transactional revision may not
 * {@code commit}, {@code rollback}, change autocommit or close the connection; a non-transactional
 * one may not change autocommit or close it. Remembers whether the code made a statement, so that a
 * transaction ended by a {@code COMMIT} sent as SQL can be told from one never begun.
 */
final class GuardedConnection implements InvocationHandler {
    private static final Set<String> ALWAYS_REFUSED = Set.of("setAutoCommit", "close", "abort");
    private static final Set<String> REFUSED_IN_TRANSACTION = Set.of("commit", "rollback");
    private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final Connection connection;
    private final boolean transactional;
    private final String className;
    private boolean usedStatements;

    private GuardedConnection(Connection connection, boolean transactional, String className) {
        this.connection = connection;
        this.transactional = transactional;
        this.className = className;
    }

    static GuardedConnection over(Connection connection, boolean transactional, String className) {
        return new GuardedConnection(connection, transactional, className);
    }

    Connection proxy() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, this);
    }

    boolean usedStatements() {
        return usedStatements;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "migrate connection for " + className;
            };
        }
        if (ALWAYS_REFUSED.contains(name) || transactional && REFUSED_IN_TRANSACTION.contains(name)
                && (args == null || args.length == 0)) {
            throw new SQLException(className + " may not call Connection." + name + "(): " + (transactional
                    ? "the revision's transaction commits with its version change after the method returns (set "
                    + "transactional = false in @Migration to run in autocommit instead)"
                    : "the run owns the connection, which stays in autocommit for a non-transactional revision"), "0A000");
        }
        if (STATEMENTS.contains(name)) {
            usedStatements = true;
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
