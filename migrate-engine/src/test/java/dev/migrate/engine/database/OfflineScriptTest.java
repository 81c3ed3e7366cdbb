package dev.migrate.engine.database;

import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The offline script: exact text, and that running it leaves what the online run leaves. */
@ExtendWith(TestDatabaseExtension.class)
class OfflineScriptTest {
    static final RevisionScript A = Revisions.script("aaaa00000001", null, "create accounts",
            "CREATE TABLE accounts (id bigint PRIMARY KEY, name text DEFAULT 'it''s');", "DROP TABLE accounts;");
    static final RevisionScript B = Revisions.script("bbbb00000002", "aaaa00000001", "index accounts",
            "CREATE INDEX CONCURRENTLY accounts_name ON accounts (name) -- by name\n;",
            "DROP INDEX CONCURRENTLY accounts_name;", false);
    static final List<RevisionScript> CHAIN = List.of(A, B);
    static final Map<String, RevisionScript> SCRIPTS = Revisions.byId(A, B);
    static final DatabaseSettings SETTINGS = DatabaseSettings.of("jdbc:postgresql://db.example/app", new Properties())
            .withEnvironment("staging").withToolVersion("1.2.3");

    static final String CREATE_TABLES = """
            CREATE TABLE IF NOT EXISTS "public"."migrate_version" (
                version_num varchar(64) NOT NULL,
                CONSTRAINT "migrate_version_pkc" PRIMARY KEY (version_num)
            );

            CREATE TABLE IF NOT EXISTS "public"."migrate_history" (
                id bigserial PRIMARY KEY,
                revision varchar(64) NOT NULL,
                direction varchar(16) NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp', 'accept')),
                checksum varchar(128),
                applied_by text NOT NULL DEFAULT current_user,
                applied_at timestamptz NOT NULL DEFAULT now(),
                duration_ms bigint NOT NULL DEFAULT 0,
                environment text,
                tool_version text,
                message text,
                status varchar(16) NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'running', 'abandoned')),
                statements_done integer
            );

            SET lock_timeout = 60000;

            """;
    static final String HISTORY = "INSERT INTO \"public\".\"migrate_history\" (revision, direction, checksum, duration_ms,"
            + " environment, tool_version, message) VALUES ";

    @Test
    void rendersEachRevisionInItsOwnTransaction() {
        String script = OfflineScript.render(Revisions.upgrade(CHAIN, Set.of(), "bbbb00000002"), SCRIPTS, SETTINGS,
                TransactionMode.EACH);
        assertEquals(CREATE_TABLES + """
                -- Running upgrade  -> aaaa00000001, create accounts

                BEGIN;

                CREATE TABLE accounts (id bigint PRIMARY KEY, name text DEFAULT 'it''s');

                INSERT INTO "public"."migrate_version" (version_num) VALUES ('aaaa00000001');

                """ + HISTORY + "('aaaa00000001', 'upgrade', '" + A.checksum() + "', 0, 'staging', '1.2.3', 'create accounts');\n\n"
                + """
                COMMIT;

                -- Running upgrade aaaa00000001 -> bbbb00000002, index accounts (not transactional)

                CREATE INDEX CONCURRENTLY accounts_name ON accounts (name) -- by name
                ;

                BEGIN;

                UPDATE "public"."migrate_version" SET version_num = 'bbbb00000002' WHERE version_num = 'aaaa00000001';

                """ + HISTORY + "('bbbb00000002', 'upgrade', '" + B.checksum() + "', 0, 'staging', '1.2.3', 'index accounts');\n\n"
                + "COMMIT;\n\n", script);
    }

    @Test
    void rendersADowngradeInOneTransaction() {
        RevisionScript c = Revisions.script("cccc00000003", "aaaa00000001", "add note",
                "ALTER TABLE accounts ADD COLUMN note text;", "ALTER TABLE accounts DROP COLUMN note;");
        String script = OfflineScript.render(Revisions.downgrade(List.of(A, c), Set.of("cccc00000003"), null),
                Revisions.byId(A, c), SETTINGS.withSchema("app"), TransactionMode.ALL);
        String history = HISTORY.replace("\"public\"", "\"app\"");
        assertEquals(CREATE_TABLES.replace("\"public\"", "\"app\"").replace("CREATE TABLE IF NOT EXISTS \"app\".\"migrate_version\"",
                "CREATE SCHEMA IF NOT EXISTS \"app\";\n\nCREATE TABLE IF NOT EXISTS \"app\".\"migrate_version\"") + """
                SELECT pg_catalog.set_config('search_path', '"app", ' || pg_catalog.current_setting('search_path'), false);

                BEGIN;

                -- Running downgrade cccc00000003 -> aaaa00000001, add note

                ALTER TABLE accounts DROP COLUMN note;

                UPDATE "app"."migrate_version" SET version_num = 'aaaa00000001' WHERE version_num = 'cccc00000003';

                """ + history + "('cccc00000003', 'downgrade', '" + c.checksum() + "', 0, 'staging', '1.2.3', 'add note');\n\n"
                + """
                -- Running downgrade aaaa00000001 -> , create accounts

                DROP TABLE accounts;

                DELETE FROM "app"."migrate_version" WHERE version_num = 'aaaa00000001';

                """ + history + "('aaaa00000001', 'downgrade', '" + A.checksum() + "', 0, 'staging', '1.2.3', 'create accounts');\n\n"
                + "COMMIT;\n\n", script);
    }

    @Test
    void rendersAStamp() {
        String script = OfflineScript.render(new Plan(Set.of(), Set.of("bbbb00000002"), List.of(),
                List.of(new VersionChange.Insert("bbbb00000002"))), SCRIPTS, SETTINGS, TransactionMode.EACH);
        assertEquals(CREATE_TABLES + """
                BEGIN;

                -- Running stamp_revision  -> bbbb00000002

                INSERT INTO "public"."migrate_version" (version_num) VALUES ('bbbb00000002');

                """ + HISTORY + "('bbbb00000002', 'stamp', '" + B.checksum() + "', 0, 'staging', '1.2.3', "
                + "'stamp_revision  -> bbbb00000002');\n\nCOMMIT;\n\n", script);
    }

    @Test
    void refusesWhatTheOnlineRunRefuses() {
        RevisionScript irreversible = Revisions.script("aaaa00000001", null, "create accounts", "CREATE TABLE accounts (id int);", "");
        assertThrows(IrreversibleRevisionException.class, () -> OfflineScript.render(
                Revisions.downgrade(List.of(irreversible), Set.of("aaaa00000001"), null), Revisions.byId(irreversible),
                SETTINGS, TransactionMode.EACH));
        assertThrows(NonTransactionalRevisionException.class, () -> OfflineScript.render(
                Revisions.upgrade(CHAIN, Set.of(), "bbbb00000002"), SCRIPTS, SETTINGS, TransactionMode.ALL));
    }

    @Test
    void runningTheScriptLeavesWhatTheOnlineRunLeaves(TestDatabase offline, TestDatabase online) throws Exception {
        String script = OfflineScript.render(Revisions.upgrade(CHAIN, Set.of(), "bbbb00000002"), SCRIPTS, SETTINGS,
                TransactionMode.EACH);
        try (Connection c = offline.connect(); Statement st = c.createStatement()) {
            st.execute(script);
        }
        try (Migrator migrator = Migrator.connect(DatabaseSettings.of(online.jdbcUrl(), online.properties())
                .withEnvironment("staging").withToolVersion("1.2.3"))) {
            migrator.migrate(SCRIPTS, heads -> Revisions.upgrade(CHAIN, heads, "bbbb00000002"), RunOptions.defaults(),
                    MigrationListener.NONE);
        }
        for (String query : List.of("SELECT version_num FROM migrate_version",
                "SELECT revision, direction, checksum, environment, tool_version, message FROM migrate_history ORDER BY id",
                "SELECT indexname FROM pg_indexes WHERE tablename = 'accounts' ORDER BY 1")) {
            assertEquals(online.query(query), offline.query(query), query);
        }
    }
}
