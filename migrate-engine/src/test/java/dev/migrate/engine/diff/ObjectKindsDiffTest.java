package dev.migrate.engine.diff;

import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.CatalogReader;
import dev.migrate.engine.database.catalog.CatalogScope;
import dev.migrate.engine.database.catalog.UncomparedObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One round trip per object kind on a real PostgreSQL (before and desired built from SQL, upgrade
 * reaches desired, downgrade returns to before), with the exact SQL of a representative case.
 */
class ObjectKindsDiffTest {
    private static RoundTrip roundTrip;

    @BeforeAll
    static void databases() {
        roundTrip = RoundTrip.open();
    }

    @AfterAll
    static void drop() {
        roundTrip.close();
    }

    @Test
    void enums() {
        SchemaDiff diff = roundTrip.check(
                "CREATE TYPE status AS ENUM ('new', 'done'); CREATE TABLE reports (id int PRIMARY KEY,"
                        + " status status NOT NULL DEFAULT 'new')",
                "CREATE TYPE status AS ENUM ('new', 'active', 'done', 'archived'); CREATE TYPE mood AS ENUM ('ok');"
                        + " CREATE TABLE reports (id int PRIMARY KEY, status status NOT NULL DEFAULT 'new')");
        RoundTrip.assertLines("""
                CREATE TYPE public.mood AS ENUM ('ok');
                ALTER TYPE public.status ADD VALUE 'active' BEFORE 'done';
                ALTER TYPE public.status ADD VALUE 'archived';
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                -- WARNING: data loss
                -- enum value 'active' of public.status cannot be removed in place: the type is created again and columns holding the value make this fail
                -- enum value 'archived' of public.status cannot be removed in place: the type is created again and columns holding the value make this fail
                ALTER TYPE public.status RENAME TO status__old;
                CREATE TYPE public.status AS ENUM ('new', 'done');
                ALTER TABLE public.reports ALTER COLUMN status DROP DEFAULT;
                ALTER TABLE public.reports ALTER COLUMN status TYPE public.status USING status::text::public.status;
                ALTER TABLE public.reports ALTER COLUMN status SET DEFAULT 'new'::public.status;
                DROP TYPE public.status__old;
                DROP TYPE public.mood;
                """, diff.downgradeSql());
    }

    @Test
    void domainsAndCompositeTypes() {
        SchemaDiff diff = roundTrip.check(
                "CREATE DOMAIN amount AS numeric(12,2) DEFAULT 0; CREATE TYPE pair AS (a int)",
                "CREATE DOMAIN amount AS numeric(12,2) NOT NULL DEFAULT 1 CONSTRAINT positive CHECK (VALUE >= 0);"
                        + " CREATE DOMAIN email AS text COLLATE \"C\" CHECK (VALUE LIKE '%@%');"
                        + " CREATE TYPE pair AS (a bigint, b text); CREATE TYPE point3 AS (x float8, y float8, z float8)");
        RoundTrip.assertLines("""
                ALTER DOMAIN public.amount SET DEFAULT 1;
                ALTER DOMAIN public.amount SET NOT NULL;
                ALTER DOMAIN public.amount ADD CONSTRAINT positive CHECK ((VALUE >= (0)::numeric));
                CREATE DOMAIN public.email AS text COLLATE pg_catalog."C" CONSTRAINT email_check CHECK ((VALUE ~~ '%@%'::text));
                ALTER TYPE public.pair ALTER ATTRIBUTE a TYPE bigint;
                ALTER TYPE public.pair ADD ATTRIBUTE b text;
                CREATE TYPE public.point3 AS (x double precision, y double precision, z double precision);
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                ALTER DOMAIN public.amount SET DEFAULT 0;
                ALTER DOMAIN public.amount DROP NOT NULL;
                ALTER DOMAIN public.amount DROP CONSTRAINT positive;
                ALTER TYPE public.pair DROP ATTRIBUTE b;
                ALTER TYPE public.pair ALTER ATTRIBUTE a TYPE integer;
                DROP DOMAIN public.email;
                DROP TYPE public.point3;
                """, diff.downgradeSql());
    }

    @Test
    void sequences() {
        SchemaDiff diff = roundTrip.check(
                "CREATE SEQUENCE counter INCREMENT BY 1",
                "CREATE SEQUENCE counter AS integer INCREMENT BY 5 START WITH 10 CACHE 2 CYCLE;"
                        + " CREATE TABLE items (id serial PRIMARY KEY, n int)");
        RoundTrip.assertLines("""
                ALTER SEQUENCE public.counter AS integer INCREMENT BY 5 MINVALUE 1 MAXVALUE 2147483647 START WITH 10 CACHE 2 CYCLE;
                CREATE SEQUENCE public.items_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;
                CREATE TABLE public.items (
                    id integer DEFAULT nextval('public.items_id_seq'::regclass) NOT NULL,
                    n integer,
                    CONSTRAINT items_pkey PRIMARY KEY (id)
                );
                ALTER SEQUENCE public.items_id_seq OWNED BY public.items.id;
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                ALTER SEQUENCE public.counter AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
                -- WARNING: data loss
                DROP TABLE public.items;
                """, diff.downgradeSql());
    }

    @Test
    void constraints() {
        SchemaDiff diff = roundTrip.check(
                "CREATE TABLE users (id int PRIMARY KEY, email text); CREATE TABLE orders (id int PRIMARY KEY,"
                        + " user_id int, amount int, during tstzrange, CONSTRAINT orders_user_fk FOREIGN KEY (user_id)"
                        + " REFERENCES users (id))",
                "CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE); CREATE TABLE orders (id int PRIMARY KEY,"
                        + " user_id int, amount int, during tstzrange, CONSTRAINT orders_user_fk FOREIGN KEY (user_id)"
                        + " REFERENCES users (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
                        + " CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));"
                        + " ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID");
        RoundTrip.assertLines("""
                ALTER TABLE public.orders DROP CONSTRAINT orders_user_fk;
                ALTER TABLE public.orders ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);
                ALTER TABLE public.orders ADD CONSTRAINT positive CHECK ((amount > 0)) NOT VALID;
                ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);
                ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                ALTER TABLE public.orders DROP CONSTRAINT orders_user_fk;
                ALTER TABLE public.orders DROP CONSTRAINT no_overlap;
                ALTER TABLE public.orders DROP CONSTRAINT positive;
                ALTER TABLE public.users DROP CONSTRAINT users_email_key;
                ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id);
                """, diff.downgradeSql());
    }

    @Test
    void indexes() {
        String table = "CREATE TABLE docs (id int PRIMARY KEY, title text, body jsonb, created_at timestamptz,"
                + " area box, deleted boolean);";
        SchemaDiff diff = roundTrip.check(table + "CREATE INDEX docs_title ON docs (title)",
                table + "CREATE INDEX docs_title ON docs (lower(title)) WHERE NOT deleted;"
                        + " CREATE INDEX docs_body ON docs USING gin (body); CREATE INDEX docs_area ON docs USING gist (area);"
                        + " CREATE INDEX docs_created ON docs USING brin (created_at);"
                        + " CREATE UNIQUE INDEX docs_id_title ON docs (id) INCLUDE (title)");
        RoundTrip.assertLines("""
                DROP INDEX public.docs_title;
                CREATE INDEX docs_area ON public.docs USING gist (area);
                CREATE INDEX docs_body ON public.docs USING gin (body);
                CREATE INDEX docs_created ON public.docs USING brin (created_at);
                CREATE UNIQUE INDEX docs_id_title ON public.docs USING btree (id) INCLUDE (title);
                CREATE INDEX docs_title ON public.docs USING btree (lower(title)) WHERE (NOT deleted);
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                DROP INDEX public.docs_title;
                DROP INDEX public.docs_area;
                DROP INDEX public.docs_body;
                DROP INDEX public.docs_created;
                DROP INDEX public.docs_id_title;
                CREATE INDEX docs_title ON public.docs USING btree (title);
                """, diff.downgradeSql());
        SchemaDiff concurrent = roundTrip.check(table, table + "CREATE INDEX docs_title ON docs (title)",
                new DiffOptions(true));
        RoundTrip.assertLines("""
                CREATE INDEX CONCURRENTLY docs_title ON public.docs USING btree (title);
                """, concurrent.upgradeSql());
        RoundTrip.assertLines("""
                DROP INDEX CONCURRENTLY public.docs_title;
                """, concurrent.downgradeSql());
        assertTrue(concurrent.upgradeNeedsNoTransaction());
    }

    /** PostgreSQL 15 and older write {@code reports.title} in a one-table view's definition, 16 and newer {@code title}. */
    private static String withoutColumnQualifiers(String sql) {
        return sql.replaceAll("(?<![.\\w])(reports|top_reports)\\.(?=\\w)", "");
    }

    @Test
    void viewsAroundAChangedColumn() {
        SchemaDiff diff = roundTrip.check(
                "CREATE TABLE reports (id int PRIMARY KEY, score int, title text);"
                        + " CREATE VIEW top_reports AS SELECT id, score FROM reports WHERE score > 10;"
                        + " CREATE VIEW top_ids AS SELECT id FROM top_reports;"
                        + " CREATE VIEW titles AS SELECT title FROM reports",
                "CREATE TABLE reports (id int PRIMARY KEY, score bigint, title text);"
                        + " CREATE VIEW top_reports AS SELECT id, score FROM reports WHERE score > 10;"
                        + " CREATE VIEW top_ids AS SELECT id FROM top_reports;"
                        + " CREATE VIEW titles AS SELECT title FROM reports;"
                        + " CREATE MATERIALIZED VIEW report_counts AS SELECT count(*) AS n FROM reports;"
                        + " CREATE UNIQUE INDEX report_counts_n ON report_counts (n);"
                        + " CREATE VIEW secure_titles WITH (security_invoker = true) AS SELECT title FROM reports");
        RoundTrip.assertLines("""
                DROP VIEW public.top_ids;
                DROP VIEW public.top_reports;
                ALTER TABLE public.reports ALTER COLUMN score TYPE bigint USING score::bigint;
                CREATE MATERIALIZED VIEW public.report_counts AS
                SELECT count(*) AS n
                   FROM public.reports;
                CREATE VIEW public.secure_titles WITH (security_invoker=true) AS
                SELECT title
                   FROM public.reports;
                CREATE VIEW public.top_reports AS
                SELECT id,
                    score
                   FROM public.reports
                  WHERE score > 10;
                CREATE VIEW public.top_ids AS
                SELECT id
                   FROM public.top_reports;
                CREATE UNIQUE INDEX report_counts_n ON public.report_counts USING btree (n);
                """, withoutColumnQualifiers(diff.upgradeSql()));
        RoundTrip.assertLines("""
                DROP VIEW public.top_ids;
                DROP VIEW public.top_reports;
                DROP VIEW public.secure_titles;
                DROP MATERIALIZED VIEW public.report_counts;
                ALTER TABLE public.reports ALTER COLUMN score TYPE integer USING score::integer;
                CREATE VIEW public.top_reports AS
                SELECT id,
                    score
                   FROM public.reports
                  WHERE score > 10;
                CREATE VIEW public.top_ids AS
                SELECT id
                   FROM public.top_reports;
                """, withoutColumnQualifiers(diff.downgradeSql()));
    }

    @Test
    void functionsAndProcedures() {
        SchemaDiff diff = roundTrip.check(
                "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql AS 'SELECT i + 1';"
                        + " CREATE FUNCTION label(i int) RETURNS text LANGUAGE plpgsql AS $$BEGIN RETURN 'x'; END$$",
                "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT i + 2';"
                        + " CREATE FUNCTION label(i int) RETURNS varchar LANGUAGE plpgsql AS $$BEGIN RETURN 'x'; END$$;"
                        + " CREATE PROCEDURE cleanup(days int DEFAULT 30) LANGUAGE plpgsql AS $$BEGIN PERFORM days; END$$");
        RoundTrip.assertLines("""
                DROP FUNCTION public.label(i integer);
                CREATE OR REPLACE PROCEDURE public.cleanup(IN days integer DEFAULT 30)
                 LANGUAGE plpgsql
                AS $procedure$BEGIN PERFORM days; END$procedure$;
                CREATE OR REPLACE FUNCTION public.label(i integer)
                 RETURNS character varying
                 LANGUAGE plpgsql
                AS $function$BEGIN RETURN 'x'; END$function$;
                CREATE OR REPLACE FUNCTION public.add_one(i integer)
                 RETURNS integer
                 LANGUAGE sql
                 IMMUTABLE
                AS $function$SELECT i + 2$function$;
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                DROP FUNCTION public.label(i integer);
                CREATE OR REPLACE FUNCTION public.label(i integer)
                 RETURNS text
                 LANGUAGE plpgsql
                AS $function$BEGIN RETURN 'x'; END$function$;
                CREATE OR REPLACE FUNCTION public.add_one(i integer)
                 RETURNS integer
                 LANGUAGE sql
                AS $function$SELECT i + 1$function$;
                DROP PROCEDURE public.cleanup(IN days integer);
                """, diff.downgradeSql());
    }

    @Test
    void serverDefaultAndTrigger() {
        String table = "CREATE TABLE users (id int PRIMARY KEY, status text DEFAULT 'new', updated_at timestamptz);";
        String function = "CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN"
                + " NEW.updated_at = now(); RETURN NEW; END$$;";
        SchemaDiff diff = roundTrip.check(table,
                table.replace("'new'", "'active'") + function + "CREATE TRIGGER users_updated_at BEFORE UPDATE ON users"
                        + " FOR EACH ROW EXECUTE FUNCTION set_updated_at()");
        RoundTrip.assertLines("""
                CREATE OR REPLACE FUNCTION public.set_updated_at()
                 RETURNS trigger
                 LANGUAGE plpgsql
                AS $function$BEGIN NEW.updated_at = now(); RETURN NEW; END$function$;
                ALTER TABLE public.users ALTER COLUMN status SET DEFAULT 'active'::text;
                CREATE TRIGGER users_updated_at BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                DROP TRIGGER users_updated_at ON public.users;
                ALTER TABLE public.users ALTER COLUMN status SET DEFAULT 'new'::text;
                DROP FUNCTION public.set_updated_at();
                """, diff.downgradeSql());
        SchemaDiff changed = roundTrip.check(table + function + "CREATE TRIGGER users_updated_at BEFORE UPDATE ON users"
                        + " FOR EACH ROW EXECUTE FUNCTION set_updated_at()",
                table + function + "CREATE TRIGGER users_updated_at BEFORE INSERT OR UPDATE ON users"
                        + " FOR EACH ROW WHEN (NEW.status IS NOT NULL) EXECUTE FUNCTION set_updated_at();"
                        + " ALTER TABLE users DISABLE TRIGGER users_updated_at");
        RoundTrip.assertLines("""
                DROP TRIGGER users_updated_at ON public.users;
                CREATE TRIGGER users_updated_at BEFORE INSERT OR UPDATE ON public.users FOR EACH ROW WHEN ((new.status IS NOT NULL)) EXECUTE FUNCTION public.set_updated_at();
                ALTER TABLE public.users DISABLE TRIGGER users_updated_at;
                """, changed.upgradeSql());
        RoundTrip.assertLines("""
                DROP TRIGGER users_updated_at ON public.users;
                CREATE TRIGGER users_updated_at BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
                """, changed.downgradeSql());
    }

    @Test
    void extensions() {
        SchemaDiff diff = roundTrip.check("CREATE TABLE cards (id int)",
                "CREATE EXTENSION \"uuid-ossp\"; CREATE TABLE cards (id uuid DEFAULT uuid_generate_v4() PRIMARY KEY)");
        RoundTrip.assertLines("""
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;
                -- WARNING: data loss
                ALTER TABLE public.cards ALTER COLUMN id TYPE uuid USING NULL::uuid;
                ALTER TABLE public.cards ALTER COLUMN id SET DEFAULT public.uuid_generate_v4();
                ALTER TABLE public.cards ALTER COLUMN id SET NOT NULL;
                ALTER TABLE public.cards ADD CONSTRAINT cards_pkey PRIMARY KEY (id);
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                ALTER TABLE public.cards DROP CONSTRAINT cards_pkey;
                ALTER TABLE public.cards ALTER COLUMN id DROP DEFAULT;
                -- WARNING: data loss
                ALTER TABLE public.cards ALTER COLUMN id TYPE integer USING NULL::integer;
                ALTER TABLE public.cards ALTER COLUMN id DROP NOT NULL;
                DROP EXTENSION "uuid-ossp";
                """, diff.downgradeSql());
    }

    @Test
    void comments() {
        String schema = "CREATE TABLE users (id int PRIMARY KEY, email text); CREATE VIEW emails AS SELECT email FROM users;"
                + " CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';";
        SchemaDiff diff = roundTrip.check(schema + "COMMENT ON TABLE users IS 'old'",
                schema + "COMMENT ON TABLE users IS 'people''s accounts'; COMMENT ON COLUMN users.email IS 'login';"
                        + " COMMENT ON VIEW emails IS 'e'; COMMENT ON FUNCTION f() IS 'one';"
                        + " COMMENT ON CONSTRAINT users_pkey ON users IS 'key'; COMMENT ON SCHEMA public IS 'app'");
        RoundTrip.assertLines("""
                COMMENT ON COLUMN public.users.email IS 'login';
                COMMENT ON CONSTRAINT users_pkey ON public.users IS 'key';
                COMMENT ON FUNCTION public.f() IS 'one';
                COMMENT ON SCHEMA public IS 'app';
                COMMENT ON TABLE public.users IS 'people''s accounts';
                COMMENT ON VIEW public.emails IS 'e';
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                COMMENT ON TABLE public.users IS 'old';
                COMMENT ON COLUMN public.users.email IS NULL;
                COMMENT ON CONSTRAINT users_pkey ON public.users IS NULL;
                COMMENT ON FUNCTION public.f() IS NULL;
                COMMENT ON SCHEMA public IS NULL;
                COMMENT ON VIEW public.emails IS NULL;
                """, diff.downgradeSql());
    }

    @Test
    void rowLevelSecurityAndPolicies() {
        String table = "CREATE TABLE notes (id int PRIMARY KEY, owner text, body text);";
        SchemaDiff diff = roundTrip.check(table + "CREATE POLICY read_all ON notes FOR SELECT USING (true)",
                table + "ALTER TABLE notes ENABLE ROW LEVEL SECURITY; ALTER TABLE notes FORCE ROW LEVEL SECURITY;"
                        + " CREATE POLICY read_all ON notes FOR SELECT TO anon, authenticated USING (owner = current_user);"
                        + " CREATE POLICY write_own ON notes AS RESTRICTIVE FOR INSERT TO authenticated"
                        + " WITH CHECK (owner = current_user)");
        RoundTrip.assertLines("""
                DROP POLICY read_all ON public.notes;
                ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
                ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;
                CREATE POLICY read_all ON public.notes FOR SELECT TO anon, authenticated USING ((owner = CURRENT_USER));
                CREATE POLICY write_own ON public.notes AS RESTRICTIVE FOR INSERT TO authenticated WITH CHECK ((owner = CURRENT_USER));
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                DROP POLICY read_all ON public.notes;
                DROP POLICY write_own ON public.notes;
                ALTER TABLE public.notes DISABLE ROW LEVEL SECURITY;
                ALTER TABLE public.notes NO FORCE ROW LEVEL SECURITY;
                CREATE POLICY read_all ON public.notes FOR SELECT USING (true);
                """, diff.downgradeSql());
    }

    @Test
    void grantsAndDefaultPrivileges() {
        String schema = "CREATE TABLE notes (id serial PRIMARY KEY, body text);"
                + " CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';";
        SchemaDiff diff = roundTrip.check(schema + "GRANT SELECT ON notes TO anon",
                schema + "GRANT SELECT, INSERT ON notes TO authenticated; GRANT UPDATE (body) ON notes TO anon;"
                        + " GRANT USAGE ON SEQUENCE notes_id_seq TO authenticated WITH GRANT OPTION;"
                        + " REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC; GRANT EXECUTE ON FUNCTION f() TO service_role;"
                        + " ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO anon");
        RoundTrip.assertLines("""
                GRANT EXECUTE ON FUNCTION public.f() TO service_role;
                GRANT UPDATE (body) ON TABLE public.notes TO anon;
                GRANT INSERT ON TABLE public.notes TO authenticated;
                GRANT SELECT ON TABLE public.notes TO authenticated;
                GRANT USAGE ON SEQUENCE public.notes_id_seq TO authenticated WITH GRANT OPTION;
                REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC;
                REVOKE SELECT ON TABLE public.notes FROM anon;
                ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO anon;
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                GRANT EXECUTE ON FUNCTION public.f() TO PUBLIC;
                GRANT SELECT ON TABLE public.notes TO anon;
                REVOKE EXECUTE ON FUNCTION public.f() FROM service_role;
                REVOKE UPDATE (body) ON TABLE public.notes FROM anon;
                REVOKE INSERT ON TABLE public.notes FROM authenticated;
                REVOKE SELECT ON TABLE public.notes FROM authenticated;
                REVOKE USAGE ON SEQUENCE public.notes_id_seq FROM authenticated;
                ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public REVOKE SELECT ON TABLES FROM anon;
                """, diff.downgradeSql());
    }

    @Test
    void partitionedTables() {
        SchemaDiff diff = roundTrip.check("",
                "CREATE TABLE events (id bigint, at date NOT NULL, kind text, PRIMARY KEY (id, at))"
                        + " PARTITION BY RANGE (at);"
                        + " CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');"
                        + " CREATE TABLE events_other PARTITION OF events DEFAULT;"
                        + " CREATE INDEX events_kind ON events (kind)");
        RoundTrip.assertLines("""
                CREATE TABLE public.events (
                    id bigint NOT NULL,
                    at date NOT NULL,
                    kind text,
                    CONSTRAINT events_pkey PRIMARY KEY (id, at)
                ) PARTITION BY RANGE (at);
                CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE public.events_other PARTITION OF public.events DEFAULT;
                CREATE INDEX events_kind ON public.events USING btree (kind);
                """, diff.upgradeSql());
        RoundTrip.assertLines("""
                -- WARNING: data loss
                DROP TABLE public.events_2025;
                -- WARNING: data loss
                DROP TABLE public.events_other;
                -- WARNING: data loss
                DROP TABLE public.events;
                """, diff.downgradeSql());
    }

    @Test
    void uncomparedObjectsAreListed() {
        RoundTrip.reset(roundTrip.desiredDatabase());
        roundTrip.desiredDatabase().execute("CREATE TABLE t (id int); CREATE RULE t_protect AS ON DELETE TO t DO INSTEAD NOTHING;"
                + " CREATE AGGREGATE my_sum (int) (sfunc = int4pl, stype = int);"
                + " CREATE FUNCTION audit() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;"
                + " CREATE EVENT TRIGGER audit ON ddl_command_end EXECUTE FUNCTION audit();"
                + " CREATE PUBLICATION everything FOR ALL TABLES");
        try {
            Catalog catalog = RoundTrip.read(roundTrip.desiredDatabase());
            assertEquals(List.of(
                    new UncomparedObject("aggregate", "public", "my_sum(integer)"),
                    new UncomparedObject("event trigger", null, "audit"),
                    new UncomparedObject("publication", null, "everything"),
                    new UncomparedObject("rule", "public", "t.t_protect")), catalog.uncompared());
            SchemaDiff diff = SchemaDiffer.compare(Catalog.empty(), catalog, DiffOptions.defaults());
            assertEquals(catalog.uncompared(), diff.uncompared());
        } finally {
            roundTrip.desiredDatabase().execute("DROP EVENT TRIGGER audit; DROP PUBLICATION everything");
        }
    }

    @Test
    void detectedLinesForWhatAlembicMisses() {
        SchemaDiff diff = roundTrip.check(
                "CREATE TYPE status AS ENUM ('new'); CREATE TABLE users (id int PRIMARY KEY, status text DEFAULT 'new')",
                "CREATE TYPE status AS ENUM ('new', 'archived'); CREATE TABLE users (id int PRIMARY KEY,"
                        + " status text DEFAULT 'active')");
        assertEquals(List.of("Detected added enum value 'archived' to 'public.status'",
                "Detected changed server default on 'public.users.status'"), diff.detectedLines());
        assertEquals(List.of("enum value 'archived' of public.status is left behind (an enum value cannot be"
                + " removed in place)", "column public.users.status has default 'active'::text instead of"
                + " 'new'::text"), diff.differencesInWords());
    }

    @Test
    void supabaseScopeSkipsManagedSchemasAndRendersExtensionsSchema() {
        RoundTrip.reset(roundTrip.beforeDatabase());
        RoundTrip.reset(roundTrip.desiredDatabase());
        String managed = "CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY); CREATE SCHEMA extensions;";
        roundTrip.beforeDatabase().execute(managed);
        roundTrip.desiredDatabase().execute(managed + "CREATE EXTENSION pgcrypto WITH SCHEMA extensions;"
                + " CREATE TABLE profiles (id uuid PRIMARY KEY DEFAULT extensions.gen_random_uuid(), name text);"
                + " GRANT SELECT ON profiles TO anon, authenticated");
        Catalog start = RoundTrip.read(roundTrip.beforeDatabase());
        Catalog target = RoundTrip.read(roundTrip.desiredDatabase());
        assertEquals(List.of("public"), target.schemas());
        SchemaDiff diff = SchemaDiffer.compare(start, target, DiffOptions.defaults());
        RoundTrip.assertLines("""
                CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
                CREATE TABLE public.profiles (
                    id uuid DEFAULT extensions.gen_random_uuid() NOT NULL,
                    name text,
                    CONSTRAINT profiles_pkey PRIMARY KEY (id)
                );
                GRANT SELECT ON TABLE public.profiles TO anon;
                GRANT SELECT ON TABLE public.profiles TO authenticated;
                """, diff.upgradeSql());
        for (String sql : diff.upgradeStatements()) {
            roundTrip.beforeDatabase().execute(sql);
        }
        RoundTrip.assertSame(target, RoundTrip.read(roundTrip.beforeDatabase()), "after the upgrade", diff.upgradeSql());
    }

    @Test
    void excludedTablesAreLeftOut() {
        RoundTrip.reset(roundTrip.desiredDatabase());
        roundTrip.desiredDatabase().execute("CREATE TABLE migrate_version (version_num varchar(64) PRIMARY KEY);"
                + " CREATE TABLE migrate_history (id bigserial PRIMARY KEY, revision text);"
                + " CREATE INDEX migrate_history_revision ON migrate_history (revision);"
                + " COMMENT ON TABLE migrate_history IS 'steps'; CREATE TABLE kept (id int)");
        try (Connection c = roundTrip.desiredDatabase().connect()) {
            Catalog catalog = CatalogReader.read(c, CatalogScope.of(List.of("public"),
                    Set.of("public.migrate_version", "public.migrate_history")));
            assertEquals(List.of("kept"), catalog.tables().stream().map(Catalog.Table::name).toList());
            assertEquals(List.of(), catalog.sequences());
            assertEquals(List.of(), catalog.indexes());
            assertEquals(List.of(), catalog.constraints());
            assertEquals(List.of(), catalog.comments());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
