package dev.migrate.engine.diff;

import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.CatalogReader;
import dev.migrate.engine.database.catalog.CatalogScope;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The round trip every differ test makes on two real databases: "before" and "desired" built from
 * SQL, diff, upgrade applied to "before" equals "desired", downgrade applied then equals "before".
 * The databases are reset between uses, so one pair serves many cases.
 */
final class RoundTrip implements AutoCloseable {
    static final CatalogScope SCOPE = CatalogScope.allUserSchemas();

    private final TestDatabase beforeDatabase;
    private final TestDatabase desiredDatabase;
    private final Connection before;
    private final Connection desired;

    /**
     * Two new databases with the roles the grant and policy tests name, and one connection to each
     * for as long as the test class runs (warm catalog caches); {@link #close()} drops them.
     */
    static RoundTrip open() {
        return new RoundTrip(TestDatabases.create(), TestDatabases.create());
    }

    private RoundTrip(TestDatabase before, TestDatabase desired) {
        this.beforeDatabase = before;
        this.desiredDatabase = desired;
        try {
            roles(before);
            this.before = before.connect();
            this.desired = desired.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    TestDatabase beforeDatabase() {
        return beforeDatabase;
    }

    TestDatabase desiredDatabase() {
        return desiredDatabase;
    }

    @Override
    public void close() {
        try {
            before.close();
            desired.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            beforeDatabase.close();
            desiredDatabase.close();
        }
    }

    /** Runs the whole round trip and returns the diff for assertions on its text. */
    SchemaDiff check(String beforeSql, String desiredSql) {
        return check(beforeSql, desiredSql, DiffOptions.defaults());
    }

    SchemaDiff check(String beforeSql, String desiredSql, DiffOptions options) {
        reset(before);
        reset(desired);
        run(before, List.of(beforeSql));
        run(desired, List.of(desiredSql));
        Catalog start = CatalogReader.read(before, SCOPE);
        Catalog target = CatalogReader.read(desired, SCOPE);
        SchemaDiff diff = SchemaDiffer.compare(start, target, options);
        run(before, diff.upgradeStatements(), "upgrade", diff.upgradeSql());
        Catalog upgraded = CatalogReader.read(before, SCOPE);
        assertSame(target, upgraded, "after the upgrade", diff.upgradeSql());
        assertTrue(SchemaDiffer.compare(upgraded, target, options).isEmpty(), "a second diff after the upgrade is"
                + " empty:\n" + SchemaDiffer.compare(upgraded, target, options).upgradeSql());
        run(before, diff.downgradeStatements(), "downgrade", diff.downgradeSql());
        Catalog downgraded = CatalogReader.read(before, SCOPE);
        assertSame(start, downgraded, "after the downgrade", diff.downgradeSql());
        return diff;
    }

    static Catalog read(TestDatabase db) {
        try (Connection c = db.connect()) {
            return CatalogReader.read(c, SCOPE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Equal up to the order of columns, which PostgreSQL cannot change in place. */
    static void assertSame(Catalog expected, Catalog actual, String when, String sql) {
        Catalog e = normalized(expected);
        Catalog a = normalized(actual);
        if (!e.equals(a)) {
            fail("The schema " + when + " differs from the expected one:\n  " + String.join("\n  ",
                    e.describeDifferences(a)) + "\nSQL run:\n" + sql);
        }
    }

    static Catalog normalized(Catalog c) {
        List<Catalog.Table> tables = new ArrayList<>();
        for (Catalog.Table t : c.tables()) {
            List<Catalog.Column> columns = new ArrayList<>(t.columns());
            columns.sort(Comparator.comparing(Catalog.Column::name));
            tables.add(new Catalog.Table(t.schema(), t.name(), columns, t.rowSecurity(), t.forceRowSecurity(),
                    t.partitionKey(), t.partitionOfSchema(), t.partitionOfName(), t.partitionBound(), t.options()));
        }
        List<Catalog.View> views = new ArrayList<>();
        for (Catalog.View v : c.views()) {
            List<String> columns = new ArrayList<>(v.columns());
            columns.sort(Comparator.naturalOrder());
            views.add(new Catalog.View(v.schema(), v.name(), v.materialized(), v.definition(), v.options(), columns,
                    v.dependsOn(), v.dependsOnColumns()));
        }
        List<Catalog.CompositeType> types = new ArrayList<>();
        for (Catalog.CompositeType t : c.compositeTypes()) {
            List<Catalog.Attribute> attributes = new ArrayList<>(t.attributes());
            attributes.sort(Comparator.comparing(Catalog.Attribute::name));
            types.add(new Catalog.CompositeType(t.schema(), t.name(), attributes));
        }
        return new Catalog(c.schemas(), c.extensions(), c.enums(), c.domains(), types, c.sequences(), tables,
                c.constraints(), c.indexes(), views, c.routines(), c.triggers(), c.policies(), c.grants(),
                c.defaultPrivileges(), c.comments(), c.uncompared());
    }

    private static final String RESET = "DO $$ DECLARE s text; r record; BEGIN"
            + " FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
            + " AND nspname <> 'information_schema' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP;"
            + " FOR r IN SELECT evtname FROM pg_event_trigger LOOP EXECUTE format('DROP EVENT TRIGGER %I',"
            + " r.evtname); END LOOP;"
            + " FOR r IN SELECT pubname FROM pg_publication LOOP EXECUTE format('DROP PUBLICATION %I', r.pubname);"
            + " END LOOP;"
            + " END $$; CREATE SCHEMA public";

    /** Drops every user schema (and what is in it), event triggers and publications; creates public again. */
    static void reset(TestDatabase db) {
        db.execute(RESET);
    }

    private static void reset(Connection c) {
        run(c, List.of(RESET), "reset", RESET);
    }

    /** Creates the roles the grant and policy tests name, once per server. */
    static void roles(TestDatabase db) {
        db.execute("DO $$ BEGIN"
                + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN CREATE ROLE anon NOLOGIN; END IF;"
                + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN"
                + " CREATE ROLE authenticated NOLOGIN; END IF;"
                + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN"
                + " CREATE ROLE service_role NOLOGIN; END IF;"
                + " EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL; END $$");
    }

    private static void run(Connection c, List<String> statements) {
        run(c, statements, "setup", String.join(";\n", statements));
    }

    private static void run(Connection c, List<String> statements, String what, String script) {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    fail("The " + what + " statement failed: " + e.getMessage() + "\n" + sql + "\nwhole script:\n"
                            + script, e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertLines(String expected, String actual) {
        assertEquals(expected.strip(), actual.strip());
    }
}
