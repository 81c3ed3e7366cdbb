package dev.migrate.engine.database;

import dev.migrate.engine.graph.Step;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lockTimeout reaches the revision, lockRetries retries it, and the failure names the blocking session. */
@ExtendWith(TestDatabaseExtension.class)
class LockRetryTest {
    static final RevisionScript A = Revisions.script("aaaa00000001", null, "alter items",
            "ALTER TABLE items ADD COLUMN note text;", "");

    @Test
    void aLockedTableIsRetriedUntilItIsFree(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE items (id int)");
        List<Integer> attempts = new ArrayList<>();
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1200);
                    holder.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Migrator migrator = Migrator.connect(DatabaseSettings.of(db.jdbcUrl(), db.properties())
                    .withLockTimeout(Duration.ofMillis(300)).withLockRetries(10))) {
                migrator.migrate(Revisions.byId(A), heads -> Revisions.upgrade(List.of(A), heads, "aaaa00000001"),
                        RunOptions.defaults(), new MigrationListener() {
                            @Override
                            public void lockRetry(Step step, RevisionScript script, int attempt, int retries, Duration pause,
                                                  String reason) {
                                attempts.add(attempt);
                            }
                        });
            }
            release.get();
        }
        assertTrue(!attempts.isEmpty() && attempts.get(0) == 1, attempts.toString());
        assertEquals(List.of("aaaa00000001"), db.query("SELECT version_num FROM migrate_version"));
    }

    @Test
    void withoutRetriesTheFailureNamesTheBlockingSession(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE items (id int)");
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
            try (Migrator migrator = Migrator.connect(DatabaseSettings.of(db.jdbcUrl(), db.properties())
                    .withLockTimeout(Duration.ofMillis(400)))) {
                MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.migrate(
                        Revisions.byId(A), heads -> Revisions.upgrade(List.of(A), heads, "aaaa00000001"),
                        RunOptions.defaults(), MigrationListener.NONE));
                assertEquals("55P03", e.sqlState().orElseThrow());
                assertTrue(e.getMessage().contains("blocked by pid ") && e.getMessage().contains("LOCK TABLE items"),
                        e.getMessage());
            }
            holder.rollback();
        }
        assertEquals(List.of(), db.query("SELECT version_num FROM migrate_version"));
    }
}
