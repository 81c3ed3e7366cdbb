package dev.migrate.engine.diff;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random pairs of schemas (tables, columns, identity, constraints, foreign keys, indexes, an enum,
 * views, functions, triggers, row-level security, policies, grants): the diff of each pair, applied
 * to the first, gives the second, and its downgrade gives the first again. Two databases serve every
 * pair, reset in between.
 *
 * <p>CI runs {@value #CI_PAIRS} pairs with a fixed seed. A longer run, with fresh seeds:
 * {@code mvn -pl migrate-engine test -Dtest=RandomSchemaPairsPropertyTest -Dmigrate.differ.longRun=true}
 * ({@value #LONG_PAIRS} pairs).
 */
class RandomSchemaPairsPropertyTest {
    static final int CI_PAIRS = 200;
    static final int LONG_PAIRS = 3000;
    private static final String[] TYPES = {"integer", "bigint", "text", "varchar(20)", "boolean", "numeric(8,2)",
        "timestamptz", "status"};
    private static final String[] ENUM_VALUES = {"a", "b", "c", "d"};
    private static final String[] GRANTS = {"SELECT ON %s TO anon", "INSERT ON %s TO authenticated",
        "UPDATE (id) ON %s TO anon"};

    private static RoundTrip roundTrip;

    @BeforeContainer
    static void databases() {
        roundTrip = RoundTrip.open();
    }

    @AfterContainer
    static void drop() {
        roundTrip.close();
    }

    @Property(tries = CI_PAIRS, seed = "20261202", shrinking = ShrinkingMode.BOUNDED)
    void upgradeReachesTheTargetAndDowngradeComesBack(@ForAll("schemas") String from, @ForAll("schemas") String to) {
        roundTrip.check(from, to);
    }

    @Property(tries = LONG_PAIRS, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(LongRunOnly.class)
    void longRun(@ForAll("schemas") String from, @ForAll("schemas") String to) {
        roundTrip.check(from, to);
    }

    /** Runs a property only with {@code -Dmigrate.differ.longRun=true}. */
    static final class LongRunOnly implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Boolean.getBoolean("migrate.differ.longRun") ? SkipResult.doNotSkip()
                    : SkipResult.skip("a long run needs -Dmigrate.differ.longRun=true");
        }
    }

    record Column(String name, String type, boolean notNull, int defaultChoice) {
    }

    record Table(int number, boolean identity, List<Column> columns, boolean unique, boolean check, int foreignKey,
                 int index, int view, int trigger, boolean rowSecurity, int policy, List<Integer> grants) {
    }

    record Schema(List<String> enumValues, List<Table> tables, int function, int triggerBody) {
    }

    @Provide
    Arbitrary<String> schemas() {
        Arbitrary<Column> column = Combinators.combine(Arbitraries.integers().between(1, 4),
                        Arbitraries.of(TYPES), Arbitraries.of(true, false), Arbitraries.integers().between(0, 2))
                .as((n, type, notNull, def) -> new Column("c" + n, type, notNull, def));
        Arbitrary<List<Column>> columns = column.list().ofMaxSize(4).uniqueElements(Column::name);
        Arbitrary<List<Integer>> grants = Arbitraries.integers().between(0, GRANTS.length - 1).list().ofMaxSize(3)
                .uniqueElements();
        Arbitrary<Table> table = Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.of(true, false),
                        columns, Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2))
                .as((n, identity, cols, unique, check, fk, index, view) -> new Table(n, identity, cols, unique, check,
                        fk, index, view, 0, false, 0, List.of()));
        Arbitrary<Table> secured = Combinators.combine(table, Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, 2), grants)
                .as((t, trigger, rls, policy, g) -> new Table(t.number(), t.identity(), t.columns(), t.unique(),
                        t.check(), t.foreignKey(), t.index(), t.view(), trigger, rls, policy, g));
        Arbitrary<List<String>> enumValues = Arbitraries.of(ENUM_VALUES).list().ofMaxSize(4).uniqueElements();
        return Combinators.combine(enumValues, secured.list().ofMaxSize(3).uniqueElements(Table::number),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 2))
                .as(Schema::new).map(RandomSchemaPairsPropertyTest::sql);
    }

    static String sql(Schema s) {
        StringBuilder sql = new StringBuilder();
        boolean hasEnum = !s.enumValues().isEmpty();
        if (hasEnum) {
            sql.append("CREATE TYPE status AS ENUM ('").append(String.join("', '", s.enumValues())).append("');\n");
        }
        switch (s.function()) {
            case 1 -> sql.append("CREATE FUNCTION calc(i int) RETURNS int LANGUAGE sql AS 'SELECT i + 1';\n");
            case 2 -> sql.append("CREATE FUNCTION calc(i int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT i * 2';\n");
            case 3 -> sql.append("CREATE FUNCTION calc(i int) RETURNS bigint LANGUAGE plpgsql AS $$BEGIN RETURN i;"
                    + " END$$;\n");
            default -> { }
        }
        boolean triggers = s.tables().stream().anyMatch(t -> t.trigger() > 0);
        if (triggers) {
            sql.append("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN ")
                    .append(s.triggerBody() == 1 ? "NEW.id = NEW.id;" : "PERFORM 1;").append(" RETURN NEW; END$$;\n");
        }
        List<Table> tables = new ArrayList<>(s.tables());
        tables.sort((a, b) -> Integer.compare(a.number(), b.number()));
        List<Integer> present = tables.stream().map(Table::number).toList();
        for (Table t : tables) {
            String name = "t" + t.number();
            List<String> lines = new ArrayList<>();
            lines.add("id int" + (t.identity() ? " GENERATED BY DEFAULT AS IDENTITY" : "") + " PRIMARY KEY");
            lines.add("score int" + (t.check() ? " CONSTRAINT " + name + "_score CHECK (score > 0)" : ""));
            if (t.foreignKey() > 0 && t.foreignKey() < t.number() && present.contains(t.foreignKey())) {
                lines.add("ref int CONSTRAINT " + name + "_ref REFERENCES t" + t.foreignKey() + " (id)"
                        + (t.number() % 2 == 0 ? " ON DELETE CASCADE" : ""));
            }
            List<Column> columns = t.columns().stream().filter(c -> hasEnum || !c.type().equals("status")).toList();
            for (Column c : columns) {
                lines.add(c.name() + " " + c.type() + defaultFor(c, s.enumValues()) + (c.notNull() ? " NOT NULL" : ""));
            }
            if (t.unique() && !columns.isEmpty()) {
                lines.add("CONSTRAINT " + name + "_uq UNIQUE (" + columns.get(0).name() + ")");
            }
            sql.append("CREATE TABLE ").append(name).append(" (").append(String.join(", ", lines)).append(");\n");
            String indexed = columns.isEmpty() ? "score" : columns.get(columns.size() - 1).name();
            if (t.index() == 1) {
                sql.append("CREATE INDEX ").append(name).append("_idx ON ").append(name).append(" (").append(indexed)
                        .append(");\n");
            } else if (t.index() == 2) {
                sql.append("CREATE INDEX ").append(name).append("_idx ON ").append(name).append(" (").append(indexed)
                        .append(", id) WHERE id > 0;\n");
            }
            String shown = columns.isEmpty() ? "score" : columns.get(0).name();
            if (t.view() > 0) {
                sql.append("CREATE VIEW ").append(name).append("_v AS SELECT id, ").append(shown).append(" FROM ")
                        .append(name).append(t.view() == 2 ? " WHERE id > 10" : "").append(";\n");
            }
            if (t.trigger() > 0) {
                sql.append("CREATE TRIGGER ").append(name).append("_touch BEFORE ")
                        .append(t.trigger() == 1 ? "UPDATE" : "INSERT OR UPDATE").append(" ON ").append(name)
                        .append(" FOR EACH ROW EXECUTE FUNCTION touch();\n");
            }
            if (t.rowSecurity()) {
                sql.append("ALTER TABLE ").append(name).append(" ENABLE ROW LEVEL SECURITY;\n");
            }
            if (t.policy() == 1) {
                sql.append("CREATE POLICY ").append(name).append("_p ON ").append(name)
                        .append(" FOR SELECT USING (id > 0);\n");
            } else if (t.policy() == 2) {
                sql.append("CREATE POLICY ").append(name).append("_p ON ").append(name)
                        .append(" TO anon USING (id > 1);\n");
            }
            for (int g : t.grants()) {
                sql.append("GRANT ").append(String.format(GRANTS[g], name)).append(";\n");
            }
        }
        return sql.toString();
    }

    private static final Map<String, String[]> DEFAULTS = Map.of(
            "integer", new String[] {"0", "1"}, "bigint", new String[] {"0", "7"},
            "text", new String[] {"'x'", "'y'"}, "varchar(20)", new String[] {"'x'", "'y'"},
            "boolean", new String[] {"true", "false"}, "numeric(8,2)", new String[] {"0", "1.5"},
            "timestamptz", new String[] {"now()", "'2020-01-01'"});

    private static String defaultFor(Column c, List<String> enumValues) {
        if (c.defaultChoice() == 0) {
            return "";
        }
        if (c.type().equals("status")) {
            return " DEFAULT '" + enumValues.get(c.defaultChoice() == 1 ? 0 : enumValues.size() - 1) + "'";
        }
        return " DEFAULT " + DEFAULTS.get(c.type())[c.defaultChoice() - 1];
    }
}
