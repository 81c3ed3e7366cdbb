package dev.migrate.engine;

import java.sql.Connection;

/**
 * A revision written in Java, for data migrations that need code (SPEC §4). The class carries its
 * revision id, parents and the rest of a revision file's header in a {@link Migration} annotation,
 * has a public no-argument constructor, and lives in one of the packages configured as
 * {@code javaMigrations}; it then takes part in the same graph as the SQL revisions.
 *
 * <pre>{@code
 * @Migration(id = "b2c3d4e5f6a7", revises = "a1b2c3d4e5f6", message = "backfill users.display_name")
 * public class BackfillDisplayName implements JavaMigration {
 *     public void upgrade(Connection connection) throws SQLException {
 *         try (Statement st = connection.createStatement()) {
 *             st.executeUpdate("UPDATE users SET display_name = initcap(login) WHERE display_name IS NULL");
 *         }
 *     }
 *
 *     public void downgrade(Connection connection) throws SQLException {
 *         try (Statement st = connection.createStatement()) {
 *             st.executeUpdate("UPDATE users SET display_name = NULL");
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>The connection is the run's own. In a transactional revision (the default) it is inside the
 * revision's transaction, which commits together with the version-table change after the method
 * returns; {@code commit}, {@code rollback}, {@code setAutoCommit} and {@code close} are refused.
 * With {@code transactional = false} it is in autocommit. An exception thrown by the method fails the
 * revision (and rolls a transactional one back). A new instance is made for every run of a method.
 */
public interface JavaMigration {
    /** Applies the revision. */
    void upgrade(Connection connection) throws Exception;

    /**
     * Reverts the revision. Not overriding it makes the revision irreversible: a downgrade through
     * it fails before anything runs, naming the class.
     */
    default void downgrade(Connection connection) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " is irreversible: it does not override "
                + "downgrade(Connection)");
    }
}
