package dev.migrate.engine.diff;

import dev.migrate.engine.database.catalog.Catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The corpus of schema pairs under {@code src/test/resources/diff-pairs/<case>/{from,to}.sql}, and a
 * short account of how two catalogs differ, object by object ({@code column public.users.email:
 * default}), for tables that compare tools.
 */
final class DiffPairs {
    private DiffPairs() {
    }

    /** One case: the schema to start from and the schema to reach. */
    record Pair(String name, String from, String to) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Restores the current role's database-wide default privileges (a case that revokes EXECUTE from
     * PUBLIC would otherwise change every function later cases create); schemas are dropped by the reset.
     */
    static final String RESET_DEFAULT_PRIVILEGES = "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;"
            + " ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO PUBLIC";

    /** Every case of the corpus, by name. */
    static List<Pair> all() {
        URL root = DiffPairs.class.getResource("/diff-pairs");
        if (root == null) {
            throw new IllegalStateException("missing test resources /diff-pairs");
        }
        try (Stream<Path> cases = Files.list(Path.of(root.toURI()))) {
            List<Pair> pairs = new ArrayList<>();
            for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                pairs.add(new Pair(dir.getFileName().toString(), read(dir.resolve("from.sql")),
                        read(dir.resolve("to.sql"))));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The diff-pairs case " + file.getParent().getFileName() + " has no "
                    + file.getFileName() + "; each case holds from.sql and to.sql (either may be empty)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * What {@code actual} lacks or has wrong compared with {@code expected}, one short entry per object
     * ({@code trigger public.cards.cards_updated_at: missing}); empty when they are equal (column order
     * aside).
     */
    static List<String> misses(Catalog expected, Catalog actual) {
        Catalog e = RoundTrip.normalized(expected);
        Catalog a = RoundTrip.normalized(actual);
        List<String> out = new ArrayList<>();
        compare("schema", e.schemas(), a.schemas(), s -> s, out);
        compare("extension", e.extensions(), a.extensions(), Catalog.Extension::name, out);
        compare("enum", e.enums(), a.enums(), t -> t.schema() + "." + t.name(), out);
        compare("domain", e.domains(), a.domains(), t -> t.schema() + "." + t.name(), out);
        compare("composite type", e.compositeTypes(), a.compositeTypes(), t -> t.schema() + "." + t.name(), out);
        compare("sequence", e.sequences(), a.sequences(), t -> t.schema() + "." + t.name(), out);
        tables(e.tables(), a.tables(), out);
        compare("constraint", e.constraints(), a.constraints(), k -> k.schema() + "." + k.table() + "." + k.name(),
                out);
        compare("index", e.indexes(), a.indexes(), i -> i.schema() + "." + i.name(), out);
        compare("view", e.views(), a.views(), v -> (v.materialized() ? "materialized " : "") + v.schema() + "."
                + v.name(), out);
        compare("routine", e.routines(), a.routines(), Catalog.Routine::signature, out);
        compare("trigger", e.triggers(), a.triggers(), t -> t.schema() + "." + t.table() + "." + t.name(), out);
        compare("policy", e.policies(), a.policies(), p -> p.schema() + "." + p.table() + "." + p.name(), out);
        compare("grant", e.grants(), a.grants(), g -> g.privilege() + (g.grantable() ? " WITH GRANT OPTION" : "")
                + " on " + g.schema() + "." + g.name() + (g.column() == null ? "" : "." + g.column()) + " to "
                + g.grantee(), out);
        compare("default privilege", e.defaultPrivileges(), a.defaultPrivileges(), d -> d.privilege() + " on "
                + d.objectType() + (d.schema() == null ? "" : " in " + d.schema()) + " to " + d.grantee(), out);
        compare("comment", e.comments(), a.comments(), c -> "on " + c.objectKind().toLowerCase() + " " + c.schema()
                + "." + c.name() + (c.sub() == null ? "" : "." + c.sub()), out);
        return out;
    }

    private static void tables(List<Catalog.Table> expected, List<Catalog.Table> actual, List<String> out) {
        Map<String, Catalog.Table> mine = byKey(expected, t -> t.schema() + "." + t.name());
        Map<String, Catalog.Table> theirs = byKey(actual, t -> t.schema() + "." + t.name());
        for (Map.Entry<String, Catalog.Table> entry : mine.entrySet()) {
            Catalog.Table want = entry.getValue();
            Catalog.Table got = theirs.get(entry.getKey());
            if (got == null) {
                out.add("table " + entry.getKey() + ": missing");
                continue;
            }
            if (!withoutColumns(want).equals(withoutColumns(got))) {
                List<String> fields = changedFields(withoutColumns(want), withoutColumns(got));
                out.add("table " + entry.getKey() + ": " + String.join(", ", fields));
            }
            Map<String, Catalog.Column> wantColumns = byKey(want.columns(), Catalog.Column::name);
            Map<String, Catalog.Column> gotColumns = byKey(got.columns(), Catalog.Column::name);
            for (Map.Entry<String, Catalog.Column> c : wantColumns.entrySet()) {
                Catalog.Column g = gotColumns.get(c.getKey());
                if (g == null) {
                    out.add("column " + entry.getKey() + "." + c.getKey() + ": missing");
                } else if (!g.equals(c.getValue())) {
                    out.add("column " + entry.getKey() + "." + c.getKey() + ": "
                            + String.join(", ", changedFields(c.getValue(), g)));
                }
            }
            for (String c : gotColumns.keySet()) {
                if (!wantColumns.containsKey(c)) {
                    out.add("column " + entry.getKey() + "." + c + ": left behind");
                }
            }
        }
        for (String t : theirs.keySet()) {
            if (!mine.containsKey(t)) {
                out.add("table " + t + ": left behind");
            }
        }
    }

    private static Catalog.Table withoutColumns(Catalog.Table t) {
        return new Catalog.Table(t.schema(), t.name(), List.of(), t.rowSecurity(), t.forceRowSecurity(),
                t.partitionKey(), t.partitionOfSchema(), t.partitionOfName(), t.partitionBound(), t.options());
    }

    private static <T> void compare(String kind, List<T> expected, List<T> actual, Function<T, String> key,
                                    List<String> out) {
        Map<String, List<T>> mine = grouped(expected, key);
        Map<String, List<T>> theirs = grouped(actual, key);
        for (Map.Entry<String, List<T>> entry : mine.entrySet()) {
            List<T> got = theirs.get(entry.getKey());
            if (got == null) {
                out.add(kind + " " + entry.getKey() + ": missing");
            } else if (!Set.copyOf(got).equals(Set.copyOf(entry.getValue()))) {
                List<String> fields = entry.getValue().size() == 1 && got.size() == 1
                        ? changedFields(entry.getValue().get(0), got.get(0)) : List.of("differs");
                out.add(kind + " " + entry.getKey() + ": " + String.join(", ", fields));
            }
        }
        for (String k : theirs.keySet()) {
            if (!mine.containsKey(k)) {
                out.add(kind + " " + k + ": left behind");
            }
        }
    }

    private static <T> Map<String, List<T>> grouped(List<T> items, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T t : items) {
            out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : items) {
            out.put(key.apply(t), t);
        }
        return out;
    }

    /** The names of the record components that differ ({@code default}, {@code definition}, ...). */
    private static List<String> changedFields(Object expected, Object actual) {
        if (!(expected instanceof Record) || expected.getClass() != actual.getClass()) {
            return List.of("differs");
        }
        Set<String> out = new LinkedHashSet<>();
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            try {
                Object x = c.getAccessor().invoke(expected);
                Object y = c.getAccessor().invoke(actual);
                if (!Objects.equals(x, y)) {
                    out.add(c.getName().replace("Expression", "").replace("defaultExpression", "default"));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.isEmpty() ? List.of("differs") : List.copyOf(out);
    }
}
