package dev.migrate.engine.diff;

import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.Catalog.Attribute;
import dev.migrate.engine.database.catalog.Catalog.Column;
import dev.migrate.engine.database.catalog.Catalog.Comment;
import dev.migrate.engine.database.catalog.Catalog.CompositeType;
import dev.migrate.engine.database.catalog.Catalog.Constraint;
import dev.migrate.engine.database.catalog.Catalog.DefaultPrivilege;
import dev.migrate.engine.database.catalog.Catalog.Domain;
import dev.migrate.engine.database.catalog.Catalog.DomainConstraint;
import dev.migrate.engine.database.catalog.Catalog.EnumType;
import dev.migrate.engine.database.catalog.Catalog.Extension;
import dev.migrate.engine.database.catalog.Catalog.Grant;
import dev.migrate.engine.database.catalog.Catalog.Index;
import dev.migrate.engine.database.catalog.Catalog.Policy;
import dev.migrate.engine.database.catalog.Catalog.Routine;
import dev.migrate.engine.database.catalog.Catalog.Sequence;
import dev.migrate.engine.database.catalog.Catalog.Table;
import dev.migrate.engine.database.catalog.Catalog.Trigger;
import dev.migrate.engine.database.catalog.Catalog.View;
import dev.migrate.engine.diff.SchemaDiff.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static dev.migrate.engine.diff.SqlNames.literal;
import static dev.migrate.engine.diff.SqlNames.qualified;
import static dev.migrate.engine.diff.SqlNames.quote;
import static dev.migrate.engine.diff.SqlNames.role;

/**
 * The statements that take one catalog ({@code from}) to another ({@code to}), ordered by phase:
 * first what depends on something that changes is dropped (policies, triggers, views, foreign keys,
 * constraints, indexes), then schemas, extensions, types, sequences, functions, tables and columns are
 * created or altered, then what is gone is dropped (columns, tables, sequences, functions, types,
 * extensions, schemas), and last constraints, indexes, views, triggers, row-level security, policies,
 * grants and comments are created. Read with the catalogs swapped, the same code gives the inverse.
 */
final class Rendering {
    private static final int DROP_POLICY = 100;
    private static final int DROP_TRIGGER = 110;
    private static final int DROP_VIEW = 120;
    private static final int DROP_FOREIGN_KEY = 130;
    private static final int DROP_CONSTRAINT = 140;
    private static final int DROP_INDEX = 150;
    private static final int DROP_ROUTINE_REPLACED = 160;
    private static final int CREATE_SCHEMA = 200;
    private static final int CREATE_EXTENSION = 210;
    private static final int DROP_TYPE_REPLACED = 215;
    private static final int TYPES = 220;
    private static final int TYPE_RECREATE = 225;
    private static final int SEQUENCES = 230;
    private static final int ROUTINES = 240;
    private static final int CREATE_TABLE = 250;
    private static final int CREATE_PARTITION = 255;
    private static final int COLUMNS = 260;
    private static final int SEQUENCE_OWNER = 270;
    private static final int SQL_ROUTINES = 280;
    private static final int DROP_COLUMN = 300;
    private static final int DROP_PARTITION = 305;
    private static final int DROP_TABLE = 310;
    private static final int DROP_SEQUENCE = 320;
    private static final int DROP_ROUTINE = 330;
    private static final int DROP_TYPE = 340;
    private static final int DROP_EXTENSION = 350;
    private static final int DROP_SCHEMA = 360;
    private static final int ADD_CONSTRAINT = 400;
    private static final int ADD_FOREIGN_KEY = 410;
    private static final int CREATE_INDEX = 420;
    private static final int CREATE_VIEW = 430;
    private static final int CREATE_VIEW_INDEX = 435;
    private static final int CREATE_TRIGGER = 440;
    private static final int ROW_SECURITY = 450;
    private static final int CREATE_POLICY = 460;
    /** A table privilege revoked while the same privilege is granted on some of its columns. */
    private static final int REVOKE_BEFORE_COLUMN_GRANTS = 465;
    private static final int GRANTS = 470;
    private static final int DEFAULT_PRIVILEGES = 480;
    private static final int COMMENTS = 490;

    private record Entry(int phase, int order, Step step) {
    }

    private final Catalog from;
    private final Catalog to;
    private final DiffOptions options;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> detected = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    /** Objects dropped and created again by this rendering: what they carried must be created again too. */
    private final Set<String> recreated = new HashSet<>();
    /** Objects that exist once this rendering has run. */
    private final Set<String> existsAfter = new HashSet<>();
    /** Columns whose type changes or that are dropped: views reading them are dropped and created around. */
    private final Set<String> changedColumns = new HashSet<>();
    private final Map<String, Table> fromTables;
    private final Map<String, Table> toTables;
    private final Map<String, List<Constraint>> toConstraintsByTable = new LinkedHashMap<>();
    private final Set<String> fromViews = new HashSet<>();
    private final Set<String> toViews = new HashSet<>();

    Rendering(Catalog from, Catalog to, DiffOptions options) {
        this.from = from;
        this.to = to;
        this.options = options;
        this.fromTables = byKey(from.tables(), t -> rel(t.schema(), t.name()));
        this.toTables = byKey(to.tables(), t -> rel(t.schema(), t.name()));
        for (Table t : to.tables()) {
            existsAfter.add(rel(t.schema(), t.name()));
            for (Column c : t.columns()) {
                existsAfter.add(col(t.schema(), t.name(), c.name()));
            }
        }
        for (Constraint c : to.constraints()) {
            toConstraintsByTable.computeIfAbsent(rel(c.schema(), c.table()), k -> new ArrayList<>()).add(c);
        }
        from.views().forEach(v -> fromViews.add(rel(v.schema(), v.name())));
        to.views().forEach(v -> toViews.add(rel(v.schema(), v.name())));
        for (View v : to.views()) {
            existsAfter.add(rel(v.schema(), v.name()));
            for (String c : v.columns()) {
                existsAfter.add(col(v.schema(), v.name(), c));
            }
        }
        to.sequences().forEach(s -> existsAfter.add(rel(s.schema(), s.name())));
        to.indexes().forEach(i -> existsAfter.add("idx:" + i.schema() + "." + i.name()));
        for (Constraint c : to.constraints()) {
            existsAfter.add(con(c.schema(), c.table(), c.name()));
            existsAfter.add("idx:" + c.schema() + "." + c.name());
        }
        to.enums().forEach(e -> existsAfter.add(type(e.schema(), e.name())));
        to.domains().forEach(e -> existsAfter.add(type(e.schema(), e.name())));
        to.compositeTypes().forEach(e -> existsAfter.add(type(e.schema(), e.name())));
        to.routines().forEach(r -> existsAfter.add(fn(r.schema(), r.name(), r.identityArguments())));
        to.triggers().forEach(t -> existsAfter.add("trg:" + t.schema() + "." + t.table() + "." + t.name()));
        to.policies().forEach(p -> existsAfter.add("pol:" + p.schema() + "." + p.table() + "." + p.name()));
        to.schemas().forEach(s -> existsAfter.add("schema:" + s));
    }

    void render() {
        schemas();
        extensions();
        enums();
        domains();
        compositeTypes();
        sequences();
        routines();
        tables();
        constraints();
        views(); // before the indexes: an index of a materialized view created again goes with it
        indexes();
        triggers();
        policies();
        grants();
        defaultPrivileges();
        comments();
    }

    List<Step> steps() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::phase).thenComparingInt(Entry::order));
        return sorted.stream().map(Entry::step).toList();
    }

    List<String> detected() {
        return detected;
    }

    List<String> warnings() {
        return warnings;
    }

    List<String> words() {
        return words;
    }

    // ---------------------------------------------------------------- kinds

    private void schemas() {
        for (String s : to.schemas()) {
            if (!from.schemas().contains(s)) {
                detect("Detected added schema '" + s + "'", "schema " + s + " is left behind");
                add(CREATE_SCHEMA, "CREATE SCHEMA " + quote(s));
            }
        }
        for (String s : from.schemas()) {
            if (!to.schemas().contains(s)) {
                detect("Detected removed schema '" + s + "'", "schema " + s + " is missing");
                add(DROP_SCHEMA, "DROP SCHEMA " + quote(s));
            }
        }
    }

    private void extensions() {
        Map<String, Extension> before = byKey(from.extensions(), Extension::name);
        Map<String, Extension> after = byKey(to.extensions(), Extension::name);
        for (Extension e : after.values()) {
            Extension old = before.get(e.name());
            if (old == null) {
                detect("Detected added extension '" + e.name() + "'", "extension " + e.name() + " is left behind");
                add(CREATE_EXTENSION, "CREATE EXTENSION IF NOT EXISTS " + quote(e.name()) + " WITH SCHEMA "
                        + quote(e.schema()));
            } else if (!old.schema().equals(e.schema())) {
                detect("Detected changed schema of extension '" + e.name() + "'", "extension " + e.name()
                        + " is in schema " + e.schema() + " instead of " + old.schema());
                add(CREATE_EXTENSION, "ALTER EXTENSION " + quote(e.name()) + " SET SCHEMA " + quote(e.schema()));
            }
        }
        for (Extension e : before.values()) {
            if (!after.containsKey(e.name())) {
                detect("Detected removed extension '" + e.name() + "'", "extension " + e.name() + " is missing");
                if (e.schema().equals("extensions")) {
                    warnings.add("extension " + e.name() + " lives in the Supabase-managed schema extensions and is"
                            + " left in place");
                } else {
                    add(DROP_EXTENSION, "DROP EXTENSION " + quote(e.name()));
                }
            }
        }
    }

    private void enums() {
        Map<String, EnumType> before = byKey(from.enums(), e -> type(e.schema(), e.name()));
        Map<String, EnumType> after = byKey(to.enums(), e -> type(e.schema(), e.name()));
        for (EnumType e : after.values()) {
            EnumType old = before.get(type(e.schema(), e.name()));
            String name = qualified(e.schema(), e.name());
            String id = e.schema() + "." + e.name();
            if (old == null) {
                detect("Detected added enum '" + id + "'", "enum " + id + " is left behind");
                add(TYPES, "CREATE TYPE " + name + " AS ENUM (" + String.join(", ",
                        e.values().stream().map(SqlNames::literal).toList()) + ")");
                continue;
            }
            if (old.values().equals(e.values())) {
                continue;
            }
            List<String> added = e.values().stream().filter(v -> !old.values().contains(v)).toList();
            List<String> removed = old.values().stream().filter(v -> !e.values().contains(v)).toList();
            for (String v : added) {
                detect("Detected added enum value '" + v + "' to '" + id + "'", "enum value '" + v + "' of " + id
                        + " is left behind (an enum value cannot be removed in place)");
            }
            for (String v : removed) {
                detect("Detected removed enum value '" + v + "' from '" + id + "'",
                        "enum value '" + v + "' of " + id + " is missing");
            }
            List<String> kept = e.values().stream().filter(old.values()::contains).toList();
            if (removed.isEmpty() && kept.equals(old.values())) {
                addValuesInPlace(e, old, name);
            } else {
                if (removed.isEmpty()) {
                    detect("Detected changed order of enum '" + id + "'", "enum " + id + " has its values in another"
                            + " order");
                }
                recreateEnum(e, removed, name);
            }
        }
        for (EnumType e : before.values()) {
            if (!after.containsKey(type(e.schema(), e.name()))) {
                String id = e.schema() + "." + e.name();
                detect("Detected removed enum '" + id + "'", "enum " + id + " is missing");
                add(DROP_TYPE, "DROP TYPE " + qualified(e.schema(), e.name()));
            }
        }
    }

    private void addValuesInPlace(EnumType e, EnumType old, String name) {
        int lastOld = e.values().indexOf(old.values().get(old.values().size() - 1));
        for (int i = 0; i < e.values().size(); i++) {
            String v = e.values().get(i);
            if (old.values().contains(v)) {
                continue;
            }
            String position = "";
            if (i < lastOld) {
                for (int j = i + 1; j < e.values().size(); j++) {
                    if (old.values().contains(e.values().get(j))) {
                        position = " BEFORE " + literal(e.values().get(j));
                        break;
                    }
                }
            }
            add(TYPES, "ALTER TYPE " + name + " ADD VALUE " + literal(v) + position);
        }
    }

    /** Values cannot be removed or reordered in place: rename the type, create it again, move the columns over. */
    private void recreateEnum(EnumType e, List<String> removed, String name) {
        String id = e.schema() + "." + e.name();
        String oldName = e.name() + "__old";
        recreated.add(type(e.schema(), e.name()));
        List<String> comments = new ArrayList<>();
        for (String v : removed) {
            comments.add("enum value '" + v + "' of " + id + " cannot be removed in place: the type is created again"
                    + " and columns holding the value make this fail");
        }
        if (!removed.isEmpty()) {
            warnings.add("data loss: enum " + id + " loses value(s) " + String.join(", ",
                    removed.stream().map(SqlNames::literal).toList()) + "; the type is created again");
        }
        entries.add(new Entry(TYPE_RECREATE, entries.size(), new Step("ALTER TYPE " + name + " RENAME TO "
                + quote(oldName), comments, !removed.isEmpty())));
        add(TYPE_RECREATE, "CREATE TYPE " + name + " AS ENUM (" + String.join(", ",
                e.values().stream().map(SqlNames::literal).toList()) + ")");
        String typeText = SqlNames.qualified(e.schema(), e.name());
        for (Table t : from.tables()) {
            Table after = toTables.get(rel(t.schema(), t.name()));
            if (after == null) {
                continue;
            }
            for (Column c : t.columns()) {
                if (c.inherited() || !sameType(c.type(), e.schema(), e.name())) {
                    continue;
                }
                Column target = column(after, c.name());
                if (target == null || !target.type().equals(c.type())) {
                    continue;
                }
                String table = qualified(t.schema(), t.name());
                changedColumns.add(col(t.schema(), t.name(), c.name()));
                if (c.defaultExpression() != null) {
                    add(TYPE_RECREATE, "ALTER TABLE " + table + " ALTER COLUMN " + quote(c.name()) + " DROP DEFAULT");
                }
                add(TYPE_RECREATE, "ALTER TABLE " + table + " ALTER COLUMN " + quote(c.name()) + " TYPE " + typeText
                        + " USING " + quote(c.name()) + "::text::" + typeText);
                if (target.defaultExpression() != null) {
                    add(TYPE_RECREATE, "ALTER TABLE " + table + " ALTER COLUMN " + quote(c.name()) + " SET DEFAULT "
                            + target.defaultExpression());
                }
            }
        }
        // after the columns that change to another type or go away have left the old type
        add(DROP_TYPE, "DROP TYPE " + qualified(e.schema(), oldName));
    }

    private static boolean sameType(String columnType, String schema, String name) {
        String base = columnType.endsWith("[]") ? columnType.substring(0, columnType.length() - 2) : columnType;
        return base.equals(qualified(schema, name));
    }

    private void domains() {
        Map<String, Domain> before = byKey(from.domains(), d -> type(d.schema(), d.name()));
        Map<String, Domain> after = byKey(to.domains(), d -> type(d.schema(), d.name()));
        for (Domain d : after.values()) {
            Domain old = before.get(type(d.schema(), d.name()));
            String name = qualified(d.schema(), d.name());
            String id = d.schema() + "." + d.name();
            if (old == null || !old.type().equals(d.type()) || !Objects.equals(old.collation(), d.collation())) {
                if (old == null) {
                    detect("Detected added domain '" + id + "'", "domain " + id + " is left behind");
                } else {
                    detect("Detected changed type of domain '" + id + "'", "domain " + id + " is over " + d.type()
                            + " instead of " + old.type());
                    add(DROP_TYPE_REPLACED, "DROP DOMAIN " + name);
                    recreated.add(type(d.schema(), d.name()));
                }
                StringBuilder sql = new StringBuilder("CREATE DOMAIN " + name + " AS " + d.type());
                if (d.collation() != null) {
                    sql.append(" COLLATE ").append(d.collation());
                }
                if (d.defaultExpression() != null) {
                    sql.append(" DEFAULT ").append(d.defaultExpression());
                }
                if (d.notNull()) {
                    sql.append(" NOT NULL");
                }
                for (DomainConstraint c : d.constraints()) {
                    sql.append(" CONSTRAINT ").append(quote(c.name())).append(' ').append(c.definition());
                }
                add(TYPES, sql.toString());
                continue;
            }
            if (!Objects.equals(old.defaultExpression(), d.defaultExpression())) {
                detect("Detected changed default of domain '" + id + "'", "domain " + id + " has default "
                        + show(d.defaultExpression()) + " instead of " + show(old.defaultExpression()));
                add(TYPES, "ALTER DOMAIN " + name + (d.defaultExpression() == null ? " DROP DEFAULT"
                        : " SET DEFAULT " + d.defaultExpression()));
            }
            if (old.notNull() != d.notNull()) {
                detect("Detected " + (d.notNull() ? "NOT NULL" : "NULL") + " on domain '" + id + "'",
                        "domain " + id + " is " + (d.notNull() ? "NOT NULL" : "nullable") + " instead of "
                                + (old.notNull() ? "NOT NULL" : "nullable"));
                add(TYPES, "ALTER DOMAIN " + name + (d.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
            }
            Map<String, DomainConstraint> oldChecks = byKey(old.constraints(), DomainConstraint::name);
            Map<String, DomainConstraint> newChecks = byKey(d.constraints(), DomainConstraint::name);
            for (DomainConstraint c : old.constraints()) {
                if (!c.equals(newChecks.get(c.name()))) {
                    detect("Detected removed check '" + c.name() + "' of domain '" + id + "'", "check " + c.name()
                            + " of domain " + id + " is missing");
                    add(TYPES, "ALTER DOMAIN " + name + " DROP CONSTRAINT " + quote(c.name()));
                }
            }
            for (DomainConstraint c : d.constraints()) {
                if (!c.equals(oldChecks.get(c.name()))) {
                    detect("Detected added check '" + c.name() + "' of domain '" + id + "'", "check " + c.name()
                            + " of domain " + id + " is left behind");
                    add(TYPES, "ALTER DOMAIN " + name + " ADD CONSTRAINT " + quote(c.name()) + " " + c.definition());
                }
            }
        }
        for (Domain d : before.values()) {
            if (!after.containsKey(type(d.schema(), d.name()))) {
                String id = d.schema() + "." + d.name();
                detect("Detected removed domain '" + id + "'", "domain " + id + " is missing");
                add(DROP_TYPE, "DROP DOMAIN " + qualified(d.schema(), d.name()));
            }
        }
    }

    private void compositeTypes() {
        Map<String, CompositeType> before = byKey(from.compositeTypes(), d -> type(d.schema(), d.name()));
        Map<String, CompositeType> after = byKey(to.compositeTypes(), d -> type(d.schema(), d.name()));
        for (CompositeType t : after.values()) {
            CompositeType old = before.get(type(t.schema(), t.name()));
            String name = qualified(t.schema(), t.name());
            String id = t.schema() + "." + t.name();
            if (old == null) {
                detect("Detected added type '" + id + "'", "type " + id + " is left behind");
                add(TYPES, "CREATE TYPE " + name + " AS (" + String.join(", ",
                        t.attributes().stream().map(Rendering::attribute).toList()) + ")");
                continue;
            }
            Map<String, Attribute> oldAttrs = byKey(old.attributes(), Attribute::name);
            Map<String, Attribute> newAttrs = byKey(t.attributes(), Attribute::name);
            for (Attribute a : old.attributes()) {
                if (!newAttrs.containsKey(a.name())) {
                    detect("Detected removed attribute '" + a.name() + "' of type '" + id + "'", "attribute "
                            + a.name() + " of type " + id + " is missing");
                    add(TYPES, "ALTER TYPE " + name + " DROP ATTRIBUTE " + quote(a.name()));
                }
            }
            for (Attribute a : t.attributes()) {
                Attribute was = oldAttrs.get(a.name());
                if (was == null) {
                    detect("Detected added attribute '" + a.name() + "' of type '" + id + "'", "attribute "
                            + a.name() + " of type " + id + " is left behind");
                    add(TYPES, "ALTER TYPE " + name + " ADD ATTRIBUTE " + attribute(a));
                } else if (!was.equals(a)) {
                    detect("Detected type change of attribute '" + a.name() + "' of type '" + id + "'", "attribute "
                            + a.name() + " of type " + id + " is " + a.type() + " instead of " + was.type());
                    add(TYPES, "ALTER TYPE " + name + " ALTER ATTRIBUTE " + quote(a.name()) + " TYPE " + a.type()
                            + (a.collation() == null ? "" : " COLLATE " + a.collation()));
                }
            }
        }
        for (CompositeType t : before.values()) {
            if (!after.containsKey(type(t.schema(), t.name()))) {
                String id = t.schema() + "." + t.name();
                detect("Detected removed type '" + id + "'", "type " + id + " is missing");
                add(DROP_TYPE, "DROP TYPE " + qualified(t.schema(), t.name()));
            }
        }
    }

    private static String attribute(Attribute a) {
        return quote(a.name()) + " " + a.type() + (a.collation() == null ? "" : " COLLATE " + a.collation());
    }

    private void sequences() {
        Map<String, Sequence> before = byKey(from.sequences(), s -> rel(s.schema(), s.name()));
        Map<String, Sequence> after = byKey(to.sequences(), s -> rel(s.schema(), s.name()));
        for (Sequence s : after.values()) {
            Sequence old = before.get(rel(s.schema(), s.name()));
            String name = qualified(s.schema(), s.name());
            String id = s.schema() + "." + s.name();
            if (old == null) {
                detect("Detected added sequence '" + id + "'", "sequence " + id + " is left behind");
                add(SEQUENCES, "CREATE SEQUENCE " + name + sequenceOptions(s));
            } else if (!sequenceOptions(old).equals(sequenceOptions(s))) {
                detect("Detected changed sequence '" + id + "'", "sequence " + id + " has options"
                        + sequenceOptions(s) + " instead of" + sequenceOptions(old));
                add(SEQUENCES, "ALTER SEQUENCE " + name + sequenceOptions(s));
            }
            boolean ownerChanged = old == null ? s.ownedByTable() != null
                    : !Objects.equals(owner(old), owner(s));
            if (ownerChanged) {
                if (old != null) {
                    detect("Detected changed owner column of sequence '" + id + "'", "sequence " + id + " is owned by "
                            + (s.ownedByTable() == null ? "no column" : owner(s)) + " instead of "
                            + (old.ownedByTable() == null ? "no column" : owner(old)));
                }
                add(SEQUENCE_OWNER, "ALTER SEQUENCE " + name + " OWNED BY " + (s.ownedByTable() == null ? "NONE"
                        : qualified(s.schema(), s.ownedByTable()) + "." + quote(s.ownedByColumn())));
            }
        }
        for (Sequence s : before.values()) {
            if (!after.containsKey(rel(s.schema(), s.name()))) {
                String id = s.schema() + "." + s.name();
                detect("Detected removed sequence '" + id + "'", "sequence " + id + " is missing");
                if (s.ownedByTable() != null && !existsAfter.contains(col(s.schema(), s.ownedByTable(),
                        s.ownedByColumn()))) {
                    continue; // dropped together with the column that owns it
                }
                add(DROP_SEQUENCE, "DROP SEQUENCE " + qualified(s.schema(), s.name()));
            }
        }
    }

    private static String owner(Sequence s) {
        return s.ownedByTable() == null ? null : s.schema() + "." + s.ownedByTable() + "." + s.ownedByColumn();
    }

    private static String sequenceOptions(Sequence s) {
        return " AS " + s.type() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max()
                + " START WITH " + s.start() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    private void routines() {
        Map<String, Routine> before = byKey(from.routines(), r -> fn(r.schema(), r.name(), r.identityArguments()));
        Map<String, Routine> after = byKey(to.routines(), r -> fn(r.schema(), r.name(), r.identityArguments()));
        for (Routine r : after.values()) {
            String key = fn(r.schema(), r.name(), r.identityArguments());
            Routine old = before.get(key);
            String kind = r.kind().toLowerCase();
            String id = r.schema() + "." + r.name() + "(" + r.identityArguments() + ")";
            int phase = r.language().equals("sql") ? SQL_ROUTINES : ROUTINES;
            if (old == null) {
                detect("Detected added " + kind + " '" + id + "'", kind + " " + id + " is left behind");
                add(phase, r.definition());
            } else if (!old.equals(r)) {
                detect("Detected changed " + kind + " '" + id + "'", kind + " " + id + " has another definition");
                boolean replaceable = old.kind().equals(r.kind()) && Objects.equals(old.result(), r.result())
                        && old.arguments().equals(r.arguments());
                if (!replaceable) {
                    add(DROP_ROUTINE_REPLACED, "DROP " + old.kind() + " " + routineName(old));
                    recreated.add(key);
                }
                add(phase, r.definition());
            }
        }
        for (Routine r : before.values()) {
            if (!after.containsKey(fn(r.schema(), r.name(), r.identityArguments()))) {
                String kind = r.kind().toLowerCase();
                String id = r.schema() + "." + r.name() + "(" + r.identityArguments() + ")";
                detect("Detected removed " + kind + " '" + id + "'", kind + " " + id + " is missing");
                add(DROP_ROUTINE, "DROP " + r.kind() + " " + routineName(r));
            }
        }
    }

    private static String routineName(Routine r) {
        return qualified(r.schema(), r.name()) + "(" + r.identityArguments() + ")";
    }

    private void tables() {
        List<Table> added = to.tables().stream().filter(t -> !fromTables.containsKey(rel(t.schema(), t.name())))
                .toList();
        for (Table t : added) {
            String id = t.schema() + "." + t.name();
            detect("Detected added table '" + id + "'", "table " + id + " is left behind");
            add(t.isPartition() ? CREATE_PARTITION : CREATE_TABLE, createTable(t));
            if (t.rowSecurity()) {
                add(ROW_SECURITY, "ALTER TABLE " + qualified(t.schema(), t.name()) + " ENABLE ROW LEVEL SECURITY");
            }
            if (t.forceRowSecurity()) {
                add(ROW_SECURITY, "ALTER TABLE " + qualified(t.schema(), t.name()) + " FORCE ROW LEVEL SECURITY");
            }
        }
        for (Table t : from.tables()) {
            Table after = toTables.get(rel(t.schema(), t.name()));
            if (after == null) {
                String id = t.schema() + "." + t.name();
                detect("Detected removed table '" + id + "'", "table " + id + " is missing");
                warnings.add("data loss: table " + id + " is dropped with its rows");
                for (Column c : t.columns()) {
                    changedColumns.add(col(t.schema(), t.name(), c.name()));
                }
                addLoss(t.isPartition() ? DROP_PARTITION : DROP_TABLE, "DROP TABLE " + qualified(t.schema(), t.name()));
            } else {
                alterTable(t, after);
            }
        }
    }

    private String createTable(Table t) {
        String name = qualified(t.schema(), t.name());
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name);
        if (t.isPartition()) {
            sql.append(" PARTITION OF ").append(qualified(t.partitionOfSchema(), t.partitionOfName())).append(' ')
                    .append(t.partitionBound());
        } else {
            List<String> lines = new ArrayList<>();
            for (Column c : t.columns()) {
                lines.add(columnDefinition(c));
            }
            for (Constraint c : toConstraintsByTable.getOrDefault(rel(t.schema(), t.name()), List.of())) {
                if (inline(c, t)) {
                    lines.add("CONSTRAINT " + quote(c.name()) + " " + c.definition());
                }
            }
            sql.append(" (");
            for (int i = 0; i < lines.size(); i++) {
                sql.append(i == 0 ? "\n    " : ",\n    ").append(lines.get(i));
            }
            sql.append(lines.isEmpty() ? ")" : "\n)");
        }
        if (t.isPartitioned()) {
            sql.append(" PARTITION BY ").append(t.partitionKey());
        }
        if (!t.options().isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", t.options())).append(')');
        }
        return sql.toString();
    }

    /** Constraints written inside the CREATE TABLE of a new table: all but foreign keys and NOT VALID ones. */
    private static boolean inline(Constraint c, Table t) {
        return c.schema().equals(t.schema()) && c.table().equals(t.name()) && !t.isPartition()
                && !c.type().equals("f") && !c.definition().endsWith(" NOT VALID");
    }

    private static String columnDefinition(Column c) {
        StringBuilder sql = new StringBuilder(quote(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            sql.append(" COLLATE ").append(c.collation());
        }
        if (c.generatedExpression() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(c.generatedExpression()).append(") STORED");
        }
        if (!c.identity().isEmpty()) {
            sql.append(" GENERATED ").append(c.identity()).append(" AS IDENTITY");
        }
        if (c.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(c.defaultExpression());
        }
        if (c.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    private void alterTable(Table before, Table after) {
        String name = qualified(after.schema(), after.name());
        String id = after.schema() + "." + after.name();
        List<Column> removed = new ArrayList<>();
        List<Column> added = new ArrayList<>();
        for (Column c : before.columns()) {
            if (!c.inherited() && column(after, c.name()) == null) {
                removed.add(c);
            }
        }
        for (Column c : after.columns()) {
            if (c.inherited()) {
                continue;
            }
            Column old = column(before, c.name());
            if (old == null || old.inherited()) {
                added.add(c);
            } else if (!old.equals(c)) {
                alterColumn(name, id, old, c);
            }
        }
        for (Column c : added) {
            detect("Detected added column '" + id + "." + c.name() + "'", "column " + id + "." + c.name()
                    + " is left behind");
            add(COLUMNS, "ALTER TABLE " + name + " ADD COLUMN " + columnDefinition(c));
            if (c.notNull() && c.defaultExpression() == null && c.identity().isEmpty()
                    && c.generatedExpression() == null) {
                warnings.add("column " + id + "." + c.name() + " is added NOT NULL without a default: this fails"
                        + " on a table holding rows");
            }
        }
        for (Column c : removed) {
            detect("Detected removed column '" + id + "." + c.name() + "'", "column " + id + "." + c.name()
                    + " is missing");
            warnings.add("data loss: column " + id + "." + c.name() + " is dropped with its values");
            changedColumns.add(col(after.schema(), after.name(), c.name()));
            addLoss(DROP_COLUMN, "ALTER TABLE " + name + " DROP COLUMN " + quote(c.name()));
            for (Column a : added) {
                if (a.type().equals(c.type())) {
                    warnings.add("possible rename: column " + id + "." + c.name() + " is dropped and " + id + "."
                            + a.name() + " of the same type " + a.type() + " is added; if it is a rename, write"
                            + " ALTER TABLE " + name + " RENAME COLUMN " + quote(c.name()) + " TO " + quote(a.name())
                            + " instead, which keeps the values");
                }
            }
        }
        if (before.rowSecurity() != after.rowSecurity()) {
            detect("Detected " + (after.rowSecurity() ? "enabled" : "disabled") + " row level security on '" + id
                    + "'", "row level security on table " + id + " is " + (after.rowSecurity() ? "enabled"
                    : "disabled"));
            add(ROW_SECURITY, "ALTER TABLE " + name + (after.rowSecurity() ? " ENABLE" : " DISABLE")
                    + " ROW LEVEL SECURITY");
        }
        if (before.forceRowSecurity() != after.forceRowSecurity()) {
            detect("Detected " + (after.forceRowSecurity() ? "forced" : "unforced") + " row level security on '"
                    + id + "'", "row level security on table " + id + " is " + (after.forceRowSecurity()
                    ? "forced" : "not forced"));
            add(ROW_SECURITY, "ALTER TABLE " + name + (after.forceRowSecurity() ? " FORCE" : " NO FORCE")
                    + " ROW LEVEL SECURITY");
        }
        if (!before.options().equals(after.options())) {
            detect("Detected changed storage parameters on '" + id + "'", "table " + id + " has storage parameters "
                    + after.options() + " instead of " + before.options());
            List<String> reset = new ArrayList<>();
            for (String o : before.options()) {
                String key = o.substring(0, o.indexOf('='));
                if (after.options().stream().noneMatch(n -> n.startsWith(key + "="))) {
                    reset.add(key);
                }
            }
            if (!reset.isEmpty()) {
                add(COLUMNS, "ALTER TABLE " + name + " RESET (" + String.join(", ", reset) + ")");
            }
            if (!after.options().isEmpty()) {
                add(COLUMNS, "ALTER TABLE " + name + " SET (" + String.join(", ", after.options()) + ")");
            }
        }
        if (!Objects.equals(before.partitionKey(), after.partitionKey())) {
            warnings.add("the partition key of table " + id + " changes, which PostgreSQL cannot alter: create the"
                    + " table again and move its rows");
            detect("Detected changed partitioning of '" + id + "'", "table " + id + " is partitioned by "
                    + show(after.partitionKey()) + " instead of " + show(before.partitionKey()));
        }
        if (!Objects.equals(before.partitionOfName(), after.partitionOfName())
                || !Objects.equals(before.partitionOfSchema(), after.partitionOfSchema())
                || !Objects.equals(before.partitionBound(), after.partitionBound())) {
            detect("Detected changed partition bounds of '" + id + "'", "table " + id + " is "
                    + (after.isPartition() ? "partition " + after.partitionBound() + " of "
                    + after.partitionOfSchema() + "." + after.partitionOfName() : "not a partition"));
            if (before.isPartition()) {
                add(COLUMNS, "ALTER TABLE " + qualified(before.partitionOfSchema(), before.partitionOfName())
                        + " DETACH PARTITION " + name);
            }
            if (after.isPartition()) {
                add(COLUMNS, "ALTER TABLE " + qualified(after.partitionOfSchema(), after.partitionOfName())
                        + " ATTACH PARTITION " + name + " " + after.partitionBound());
            }
        }
    }

    private void alterColumn(String table, String tableId, Column old, Column c) {
        String id = tableId + "." + c.name();
        String column = quote(c.name());
        String alter = "ALTER TABLE " + table + " ALTER COLUMN " + column;
        String[] parts = tableId.split("\\.", 2);
        if (!Objects.equals(old.generatedExpression(), c.generatedExpression())) {
            detect("Detected changed generated expression on '" + id + "'", "column " + id + " is generated as "
                    + show(c.generatedExpression()) + " instead of " + show(old.generatedExpression()));
            changedColumns.add(col(parts[0], parts[1], c.name()));
            recreated.add(col(parts[0], parts[1], c.name()));
            if (c.generatedExpression() == null && old.generatedExpression() != null
                    && old.type().equals(c.type()) && Objects.equals(old.collation(), c.collation())) {
                add(COLUMNS, alter + " DROP EXPRESSION");
                alterRest(alter, id, old.withoutGeneration(), c);
                return;
            }
            if (old.generatedExpression() == null) {
                warnings.add("data loss: column " + id + " becomes generated; its values are dropped");
            }
            addLoss(COLUMNS, "ALTER TABLE " + table + " DROP COLUMN " + column, old.generatedExpression() == null);
            add(COLUMNS, "ALTER TABLE " + table + " ADD COLUMN " + columnDefinition(c));
            return;
        }
        alterRest(alter, id, old, c);
        if (!old.type().equals(c.type()) || !Objects.equals(old.collation(), c.collation())) {
            changedColumns.add(col(parts[0], parts[1], c.name()));
        }
    }

    private static final List<Set<String>> TYPE_FAMILIES = List.of(
            Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision"),
            Set.of("date", "timestamp without time zone", "timestamp with time zone"),
            Set.of("time without time zone", "time with time zone", "interval"),
            Set.of("json", "jsonb"),
            Set.of("bit", "bit varying"),
            Set.of("inet", "cidr"));

    /**
     * Whether {@code USING column::type} can turn one type into the other: within a family of types,
     * from or to a string type, from or to the same type with other modifiers.
     */
    static boolean convertible(String from, String to) {
        String a = base(from);
        String b = base(to);
        if (a.equals(b) || stringType(a) || stringType(b)) {
            return true;
        }
        for (Set<String> family : TYPE_FAMILIES) {
            if (family.contains(a) && family.contains(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean stringType(String type) {
        return type.equals("text") || type.equals("character varying") || type.equals("character")
                || type.equals("name") || type.equals("citext") || type.endsWith(".citext");
    }

    private static String base(String type) {
        String t = type.replaceAll("\\(.*?\\)", "");
        return t.endsWith("[]") ? t : t.strip();
    }

    private void alterRest(String alter, String id, Column old, Column c) {
        boolean convertible = convertible(old.type(), c.type());
        boolean typeChanged = !old.type().equals(c.type()) || !Objects.equals(old.collation(), c.collation());
        boolean defaultChanged = !Objects.equals(old.defaultExpression(), c.defaultExpression());
        if (!old.identity().isEmpty() && c.identity().isEmpty()) {
            detect("Detected removed identity on '" + id + "'", "column " + id + " is not an identity column");
            add(COLUMNS, alter + " DROP IDENTITY");
        }
        if (old.defaultExpression() != null && (typeChanged || c.defaultExpression() == null)) {
            add(COLUMNS, alter + " DROP DEFAULT");
        }
        if (typeChanged) {
            detect("Detected type change from " + old.type() + " to " + c.type() + " on '" + id + "'",
                    "column " + id + " is " + c.type() + " instead of " + old.type());
            String column = alter.substring(alter.lastIndexOf(' ') + 1);
            String type = alter + " TYPE " + c.type() + (c.collation() == null ? "" : " COLLATE " + c.collation());
            if (convertible) {
                warnings.add("column " + id + " changes type from " + old.type() + " to " + c.type()
                        + ": the table is rewritten and values that do not convert make it fail");
                add(COLUMNS, type + " USING " + column + "::" + c.type());
            } else {
                // no cast between the two: the values are lost, the constraints and indexes on the column kept
                warnings.add("data loss: column " + id + " changes type from " + old.type() + " to " + c.type()
                        + ", which has no conversion: its values become NULL");
                addLoss(COLUMNS, type + " USING NULL::" + c.type());
            }
        }
        if (defaultChanged) {
            detect("Detected changed server default on '" + id + "'", "column " + id + " has default "
                    + show(c.defaultExpression()) + " instead of " + show(old.defaultExpression()));
        }
        if (c.defaultExpression() != null && (typeChanged || defaultChanged)) {
            add(COLUMNS, alter + " SET DEFAULT " + c.defaultExpression());
        }
        if (!old.notNull() && c.notNull()) {
            detect("Detected NOT NULL on column '" + id + "'", "column " + id + " is NOT NULL instead of nullable");
            add(COLUMNS, alter + " SET NOT NULL");
        }
        if (old.identity().isEmpty() && !c.identity().isEmpty()) {
            detect("Detected added identity on '" + id + "'", "column " + id + " is an identity column");
            add(COLUMNS, alter + " ADD GENERATED " + c.identity() + " AS IDENTITY");
        } else if (!old.identity().isEmpty() && !c.identity().isEmpty() && !old.identity().equals(c.identity())) {
            detect("Detected changed identity on '" + id + "'", "column " + id + " is GENERATED " + c.identity()
                    + " instead of " + old.identity());
            add(COLUMNS, alter + " SET GENERATED " + c.identity());
        }
        if (old.notNull() && !c.notNull()) {
            detect("Detected NULL on column '" + id + "'", "column " + id + " is nullable instead of NOT NULL");
            add(COLUMNS, alter + " DROP NOT NULL");
        }
    }

    private void constraints() {
        Map<String, Constraint> before = byKey(from.constraints(), c -> con(c.schema(), c.table(), c.name()));
        Map<String, Constraint> after = byKey(to.constraints(), c -> con(c.schema(), c.table(), c.name()));
        // a foreign key depends on the unique index of the table it references: when that key changes,
        // the foreign keys referencing the table are dropped and added around it
        Set<String> rekeyedTables = new HashSet<>();
        for (Constraint c : from.constraints()) {
            if ((c.type().equals("p") || c.type().equals("u")) && !c.equals(after.get(key(c)))) {
                rekeyedTables.add(rel(c.schema(), c.table()));
            }
        }
        for (Constraint c : to.constraints()) {
            Constraint old = before.get(key(c));
            String table = rel(c.schema(), c.table());
            boolean newTable = !fromTables.containsKey(table);
            boolean referencesRekeyed = c.type().equals("f") && old != null && old.equals(c)
                    && rekeyedTables.contains(rel(c.referencedSchema(), c.referencedTable()));
            if (old != null && old.equals(c) && !referencesRekeyed) {
                continue;
            }
            String tableName = qualified(c.schema(), c.table());
            String id = c.schema() + "." + c.table();
            int addPhase = c.type().equals("f") ? ADD_FOREIGN_KEY : ADD_CONSTRAINT;
            if (old == null) {
                if (!newTable) {
                    detect("Detected added " + constraintKind(c) + " '" + c.name() + "' on '" + id + "'",
                            constraintKind(c) + " " + c.name() + " on " + id + " is left behind");
                }
                if (newTable && inline(c, toTables.get(table))) {
                    continue;
                }
                add(addPhase, "ALTER TABLE " + tableName + " ADD CONSTRAINT " + quote(c.name()) + " " + c.definition());
                continue;
            }
            if (!referencesRekeyed) {
                detect("Detected changed " + constraintKind(c) + " '" + c.name() + "' on '" + id + "'",
                        constraintKind(c) + " " + c.name() + " on " + id + " is " + c.definition() + " instead of "
                                + old.definition());
            }
            if (old.definition().equals(c.definition() + " NOT VALID")) {
                add(addPhase, "ALTER TABLE " + tableName + " VALIDATE CONSTRAINT " + quote(c.name()));
                continue;
            }
            recreated.add(key(c));
            recreated.add("idx:" + c.schema() + "." + c.name());
            add(old.type().equals("f") ? DROP_FOREIGN_KEY : DROP_CONSTRAINT, "ALTER TABLE " + tableName
                    + " DROP CONSTRAINT " + quote(c.name()));
            add(addPhase, "ALTER TABLE " + tableName + " ADD CONSTRAINT " + quote(c.name()) + " " + c.definition());
        }
        for (Constraint c : from.constraints()) {
            if (after.containsKey(key(c))) {
                continue;
            }
            String id = c.schema() + "." + c.table();
            boolean tableGone = !toTables.containsKey(rel(c.schema(), c.table()));
            if (!tableGone) {
                detect("Detected removed " + constraintKind(c) + " '" + c.name() + "' on '" + id + "'",
                        constraintKind(c) + " " + c.name() + " on " + id + " is missing");
            }
            boolean crossTable = c.type().equals("f") && !(c.referencedSchema().equals(c.schema())
                    && c.referencedTable().equals(c.table()));
            if (!tableGone || crossTable) {
                add(c.type().equals("f") ? DROP_FOREIGN_KEY : DROP_CONSTRAINT, "ALTER TABLE "
                        + qualified(c.schema(), c.table()) + " DROP CONSTRAINT " + quote(c.name()));
            }
        }
    }

    private static String key(Constraint c) {
        return con(c.schema(), c.table(), c.name());
    }

    private static String constraintKind(Constraint c) {
        return switch (c.type()) {
            case "p" -> "primary key";
            case "u" -> "unique constraint";
            case "f" -> "foreign key";
            case "x" -> "exclusion constraint";
            default -> "check constraint";
        };
    }

    private void indexes() {
        Map<String, Index> before = byKey(from.indexes(), i -> i.schema() + "." + i.name());
        Map<String, Index> after = byKey(to.indexes(), i -> i.schema() + "." + i.name());
        for (Index i : to.indexes()) {
            Index old = before.get(i.schema() + "." + i.name());
            String table = rel(i.schema(), i.table());
            if (old != null && recreated.contains(table)) {
                old = null; // its materialized view is created again, without it
            }
            if (old != null && old.equals(i)) {
                continue;
            }
            String id = i.schema() + "." + i.name();
            boolean existingTable = (fromTables.containsKey(table) || fromViews.contains(table))
                    && !recreated.contains(table);
            if (old == null) {
                if (existingTable) {
                    detect("Detected added index '" + id + "' on '" + i.schema() + "." + i.table() + "'",
                            "index " + id + " is left behind");
                }
            } else {
                detect("Detected changed index '" + id + "' on '" + i.schema() + "." + i.table() + "'",
                        "index " + id + " is " + i.definition() + " instead of " + old.definition());
                recreated.add("idx:" + id);
                add(DROP_INDEX, dropIndex(old));
            }
            Table t = toTables.get(table);
            String sql = i.definition();
            if (options.concurrentIndexes() && existingTable && t != null && !t.isPartitioned()) {
                sql = sql.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
            }
            boolean onView = toViews.contains(table);
            add(onView ? CREATE_VIEW_INDEX : CREATE_INDEX, sql);
        }
        for (Index i : from.indexes()) {
            String table = rel(i.schema(), i.table());
            if (after.containsKey(i.schema() + "." + i.name()) || !existsAfter.contains(table)
                    || recreated.contains(table)) {
                if (!after.containsKey(i.schema() + "." + i.name()) && existsAfter.contains(table)) {
                    detect("Detected removed index '" + i.schema() + "." + i.name() + "' on '" + i.schema() + "."
                            + i.table() + "'", "index " + i.schema() + "." + i.name() + " is missing");
                }
                continue;
            }
            detect("Detected removed index '" + i.schema() + "." + i.name() + "' on '" + i.schema() + "." + i.table()
                    + "'", "index " + i.schema() + "." + i.name() + " is missing");
            add(DROP_INDEX, dropIndex(i));
        }
    }

    private String dropIndex(Index i) {
        Table t = fromTables.get(rel(i.schema(), i.table()));
        boolean concurrent = options.concurrentIndexes() && t != null && !t.isPartitioned()
                && toTables.containsKey(rel(i.schema(), i.table()));
        return "DROP INDEX " + (concurrent ? "CONCURRENTLY " : "") + qualified(i.schema(), i.name());
    }

    private void views() {
        Map<String, View> before = byKey(from.views(), v -> rel(v.schema(), v.name()));
        Map<String, View> after = byKey(to.views(), v -> rel(v.schema(), v.name()));
        Set<String> affected = new HashSet<>();
        for (String t : fromTables.keySet()) {
            if (!toTables.containsKey(t)) {
                affected.add(t);
            }
        }
        for (View v : from.views()) {
            View now = after.get(rel(v.schema(), v.name()));
            if (now == null || !now.equals(v)) {
                affected.add(rel(v.schema(), v.name()));
            }
        }
        Set<String> rebuilt = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : from.views()) {
                String key = rel(v.schema(), v.name());
                if (affected.contains(key) || !after.containsKey(key)) {
                    continue;
                }
                boolean hit = v.dependsOn().stream().anyMatch(d -> affected.contains("rel:" + d))
                        || v.dependsOnColumns().stream().anyMatch(d -> changedColumns.contains("col:" + d));
                if (hit) {
                    affected.add(key);
                    rebuilt.add(key);
                    grew = true;
                }
            }
        }
        List<View> drops = new ArrayList<>();
        for (View v : topological(from.views())) {
            String key = rel(v.schema(), v.name());
            View now = after.get(key);
            if (now == null || !now.equals(v) || rebuilt.contains(key)) {
                drops.add(0, v);
            }
        }
        for (View v : drops) {
            String key = rel(v.schema(), v.name());
            String id = v.schema() + "." + v.name();
            String kind = v.materialized() ? "materialized view" : "view";
            View now = after.get(key);
            if (now == null) {
                detect("Detected removed " + kind + " '" + id + "'", kind + " " + id + " is missing");
            } else {
                recreated.add(key);
                if (!rebuilt.contains(key)) {
                    detect("Detected changed " + kind + " '" + id + "'", kind + " " + id + " has another definition");
                }
            }
            add(DROP_VIEW, "DROP " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + qualified(v.schema(),
                    v.name()));
        }
        for (View v : topological(to.views())) {
            String key = rel(v.schema(), v.name());
            View old = before.get(key);
            if (old != null && old.equals(v) && !rebuilt.contains(key)) {
                continue;
            }
            if (old == null) {
                String kind = v.materialized() ? "materialized view" : "view";
                detect("Detected added " + kind + " '" + v.schema() + "." + v.name() + "'", kind + " " + v.schema()
                        + "." + v.name() + " is left behind");
            }
            add(CREATE_VIEW, "CREATE " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                    + qualified(v.schema(), v.name())
                    + (v.options().isEmpty() ? "" : " WITH (" + String.join(", ", v.options()) + ")")
                    + " AS\n" + v.definition());
        }
    }

    /** Views ordered so that each comes after the views it reads. */
    private static List<View> topological(List<View> views) {
        Map<String, View> byName = byKey(views, v -> v.schema() + "." + v.name());
        List<View> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (View v : views) {
            visit(v, byName, done, visiting, out);
        }
        return out;
    }

    private static void visit(View v, Map<String, View> byName, Set<String> done, Set<String> visiting, List<View> out) {
        String key = v.schema() + "." + v.name();
        if (done.contains(key) || !visiting.add(key)) {
            return;
        }
        for (String d : v.dependsOn()) {
            View dep = byName.get(d);
            if (dep != null) {
                visit(dep, byName, done, visiting, out);
            }
        }
        done.add(key);
        out.add(v);
    }

    private void triggers() {
        Map<String, Trigger> before = byKey(from.triggers(), t -> trg(t.schema(), t.table(), t.name()));
        Map<String, Trigger> after = byKey(to.triggers(), t -> trg(t.schema(), t.table(), t.name()));
        for (Trigger t : to.triggers()) {
            String key = trg(t.schema(), t.table(), t.name());
            Trigger old = before.get(key);
            if (old != null && recreated.contains(rel(t.schema(), t.table()))) {
                old = null;
            }
            boolean functionReplaced = recreated.contains("fn:" + t.function());
            String on = qualified(t.schema(), t.table());
            String id = "'" + t.name() + "' on '" + t.schema() + "." + t.table() + "'";
            String said = "trigger " + t.name() + " on " + t.schema() + "." + t.table();
            if (old != null && old.definition().equals(t.definition()) && !functionReplaced) {
                if (!old.enabled().equals(t.enabled())) {
                    detect("Detected changed enabled state of trigger " + id, said + " is " + enabled(t.enabled()));
                    add(CREATE_TRIGGER, enableTrigger(t));
                }
                continue;
            }
            if (old == null) {
                if (fromTables.containsKey(rel(t.schema(), t.table()))) {
                    detect("Detected added trigger " + id, said + " is left behind");
                }
            } else {
                if (!functionReplaced) {
                    detect("Detected changed trigger " + id, said + " is " + t.definition() + " instead of "
                            + old.definition());
                }
                recreated.add(key);
                add(DROP_TRIGGER, "DROP TRIGGER " + quote(t.name()) + " ON " + on);
            }
            add(CREATE_TRIGGER, t.definition());
            if (!t.enabled().equals("O")) {
                add(CREATE_TRIGGER, enableTrigger(t));
            }
        }
        for (Trigger t : from.triggers()) {
            String key = trg(t.schema(), t.table(), t.name());
            String table = rel(t.schema(), t.table());
            if (after.containsKey(key)) {
                continue;
            }
            if (existsAfter.contains(table)) {
                detect("Detected removed trigger '" + t.name() + "' on '" + t.schema() + "." + t.table() + "'",
                        "trigger " + t.name() + " on " + t.schema() + "." + t.table() + " is missing");
                if (!recreated.contains(table)) {
                    add(DROP_TRIGGER, "DROP TRIGGER " + quote(t.name()) + " ON " + qualified(t.schema(), t.table()));
                }
            }
        }
    }

    private static String enabled(String state) {
        return switch (state) {
            case "D" -> "disabled";
            case "R" -> "enabled for replica sessions only";
            case "A" -> "always enabled";
            default -> "enabled";
        };
    }

    private static String enableTrigger(Trigger t) {
        String how = switch (t.enabled()) {
            case "D" -> "DISABLE";
            case "R" -> "ENABLE REPLICA";
            case "A" -> "ENABLE ALWAYS";
            default -> "ENABLE";
        };
        return "ALTER TABLE " + qualified(t.schema(), t.table()) + " " + how + " TRIGGER " + quote(t.name());
    }

    private void policies() {
        Map<String, Policy> before = byKey(from.policies(), p -> pol(p.schema(), p.table(), p.name()));
        Map<String, Policy> after = byKey(to.policies(), p -> pol(p.schema(), p.table(), p.name()));
        for (Policy p : to.policies()) {
            String key = pol(p.schema(), p.table(), p.name());
            Policy old = before.get(key);
            if (old != null && old.equals(p)) {
                continue;
            }
            String id = "'" + p.name() + "' on '" + p.schema() + "." + p.table() + "'";
            String said = "policy " + p.name() + " on " + p.schema() + "." + p.table();
            if (old == null) {
                detect("Detected added policy " + id, said + " is left behind");
            } else {
                detect("Detected changed policy " + id, said + " has another definition");
                recreated.add(key);
                add(DROP_POLICY, "DROP POLICY " + quote(p.name()) + " ON " + qualified(p.schema(), p.table()));
            }
            StringBuilder sql = new StringBuilder("CREATE POLICY ").append(quote(p.name())).append(" ON ")
                    .append(qualified(p.schema(), p.table()));
            if (!p.permissive()) {
                sql.append(" AS RESTRICTIVE");
            }
            if (!p.command().equals("ALL")) {
                sql.append(" FOR ").append(p.command());
            }
            if (!p.roles().equals(List.of("public"))) {
                sql.append(" TO ").append(String.join(", ", p.roles().stream().map(SqlNames::role).toList()));
            }
            if (p.using() != null) {
                sql.append(" USING (").append(p.using()).append(')');
            }
            if (p.withCheck() != null) {
                sql.append(" WITH CHECK (").append(p.withCheck()).append(')');
            }
            add(CREATE_POLICY, sql.toString());
        }
        for (Policy p : from.policies()) {
            if (!after.containsKey(pol(p.schema(), p.table(), p.name()))
                    && existsAfter.contains(rel(p.schema(), p.table()))) {
                detect("Detected removed policy '" + p.name() + "' on '" + p.schema() + "." + p.table() + "'",
                        "policy " + p.name() + " on " + p.schema() + "." + p.table() + " is missing");
                add(DROP_POLICY, "DROP POLICY " + quote(p.name()) + " ON " + qualified(p.schema(), p.table()));
            }
        }
    }

    private void grants() {
        Function<Grant, String> key = g -> String.join("\u0000", g.objectKind(), g.schema(), g.name(),
                String.valueOf(g.arguments()), String.valueOf(g.column()), g.grantee(), g.privilege());
        Map<String, Grant> before = new LinkedHashMap<>();
        for (Grant g : from.grants()) {
            if (!recreated.contains(grantObject(g))) {
                before.put(key.apply(g), g);
            }
        }
        // a routine created by this step starts with PostgreSQL's default: EXECUTE to PUBLIC
        Set<String> fromRoutines = new HashSet<>();
        from.routines().forEach(o -> fromRoutines.add(fn(o.schema(), o.name(), o.identityArguments())));
        Set<Grant> fromGrants = new HashSet<>(from.grants());
        for (Routine r : to.routines()) {
            String object = fn(r.schema(), r.name(), r.identityArguments());
            boolean fresh = recreated.contains(object) || !fromRoutines.contains(object);
            if (fresh) {
                Grant g = new Grant(r.kind(), r.schema(), r.name(), r.identityArguments(), null, "PUBLIC", "EXECUTE",
                        false);
                before.put(key.apply(g), g);
            }
        }
        Map<String, Grant> after = byKey(to.grants(), key);
        for (Grant g : after.values()) {
            Grant old = before.get(key.apply(g));
            if (old != null && old.grantable() == g.grantable()) {
                continue;
            }
            if (old == null || g.grantable()) {
                if (old == null) {
                    detect("Detected added grant " + g.privilege() + " on '" + grantTarget(g) + "' to '" + g.grantee()
                            + "'", "privilege " + g.privilege() + " on " + grantTarget(g) + " granted to "
                            + g.grantee() + " is left behind");
                }
                add(GRANTS, "GRANT " + privilege(g) + " ON " + grantOn(g) + " TO " + role(g.grantee())
                        + (g.grantable() ? " WITH GRANT OPTION" : ""));
            } else {
                detect("Detected removed grant option for " + g.privilege() + " on '" + grantTarget(g) + "' to '"
                        + g.grantee() + "'", "privilege " + g.privilege() + " on " + grantTarget(g) + " granted to "
                        + g.grantee() + " has no grant option");
                add(GRANTS, "REVOKE GRANT OPTION FOR " + privilege(g) + " ON " + grantOn(g) + " FROM "
                        + role(g.grantee()));
            }
        }
        for (Grant g : before.values()) {
            if (after.containsKey(key.apply(g))) {
                continue;
            }
            String object = grantObject(g);
            boolean fresh = g.objectKind().equals("FUNCTION") || g.objectKind().equals("PROCEDURE");
            if (!existsAfter.contains(object)) {
                continue;
            }
            if (!(fresh && g.grantee().equals("PUBLIC") && !fromGrants.contains(g))) {
                detect("Detected removed grant " + g.privilege() + " on '" + grantTarget(g) + "' from '"
                        + g.grantee() + "'", "privilege " + g.privilege() + " on " + grantTarget(g) + " granted to "
                        + g.grantee() + " is missing");
            }
            // revoking a table privilege also revokes it on every column: before the column grants
            boolean columnsGranted = g.column() == null && after.values().stream().anyMatch(a -> a.column() != null
                    && a.schema().equals(g.schema()) && a.name().equals(g.name()) && a.grantee().equals(g.grantee())
                    && a.privilege().equals(g.privilege()));
            add(columnsGranted ? REVOKE_BEFORE_COLUMN_GRANTS : GRANTS, "REVOKE " + privilege(g) + " ON " + grantOn(g)
                    + " FROM " + role(g.grantee()));
        }
    }

    private static String grantObject(Grant g) {
        return switch (g.objectKind()) {
            case "COLUMN" -> col(g.schema(), g.name(), g.column());
            case "FUNCTION", "PROCEDURE" -> fn(g.schema(), g.name(), g.arguments());
            default -> rel(g.schema(), g.name());
        };
    }

    private static String grantTarget(Grant g) {
        return switch (g.objectKind()) {
            case "COLUMN" -> g.schema() + "." + g.name() + "." + g.column();
            case "FUNCTION", "PROCEDURE" -> g.schema() + "." + g.name() + "(" + g.arguments() + ")";
            default -> g.schema() + "." + g.name();
        };
    }

    private static String privilege(Grant g) {
        return g.column() == null ? g.privilege() : g.privilege() + " (" + quote(g.column()) + ")";
    }

    private static String grantOn(Grant g) {
        return switch (g.objectKind()) {
            case "COLUMN" -> "TABLE " + qualified(g.schema(), g.name());
            case "FUNCTION", "PROCEDURE" -> g.objectKind() + " " + qualified(g.schema(), g.name())
                    + "(" + g.arguments() + ")";
            default -> g.objectKind() + " " + qualified(g.schema(), g.name());
        };
    }

    private void defaultPrivileges() {
        Function<DefaultPrivilege, String> key = d -> String.join("\u0000", d.role(), String.valueOf(d.schema()),
                d.objectType(), d.grantee(), d.privilege());
        Map<String, DefaultPrivilege> before = byKey(from.defaultPrivileges(), key);
        Map<String, DefaultPrivilege> after = byKey(to.defaultPrivileges(), key);
        for (DefaultPrivilege d : after.values()) {
            DefaultPrivilege old = before.get(key.apply(d));
            if (old != null && old.grantable() == d.grantable()) {
                continue;
            }
            detect("Detected added default privilege " + d.privilege() + " on " + d.objectType().toLowerCase()
                    + " of '" + d.role() + "'" + (d.schema() == null ? "" : " in '" + d.schema() + "'") + " to '"
                    + d.grantee() + "'", "default privilege " + d.privilege() + " on " + d.objectType().toLowerCase()
                    + " of " + d.role() + (d.schema() == null ? "" : " in " + d.schema()) + " to " + d.grantee()
                    + " is left behind");
            if (old != null) {
                add(DEFAULT_PRIVILEGES, defaultsFor(d) + " REVOKE " + d.privilege() + " ON " + d.objectType()
                        + " FROM " + role(d.grantee()));
            }
            add(DEFAULT_PRIVILEGES, defaultsFor(d) + " GRANT " + d.privilege() + " ON " + d.objectType() + " TO "
                    + role(d.grantee()) + (d.grantable() ? " WITH GRANT OPTION" : ""));
        }
        for (DefaultPrivilege d : before.values()) {
            if (!after.containsKey(key.apply(d))) {
                detect("Detected removed default privilege " + d.privilege() + " on " + d.objectType().toLowerCase()
                        + " of '" + d.role() + "'" + (d.schema() == null ? "" : " in '" + d.schema() + "'") + " to '"
                        + d.grantee() + "'", "default privilege " + d.privilege() + " on "
                        + d.objectType().toLowerCase() + " of " + d.role() + (d.schema() == null ? "" : " in "
                        + d.schema()) + " to " + d.grantee() + " is missing");
                add(DEFAULT_PRIVILEGES, defaultsFor(d) + " REVOKE " + d.privilege() + " ON " + d.objectType()
                        + " FROM " + role(d.grantee()));
            }
        }
    }

    private static String defaultsFor(DefaultPrivilege d) {
        return "ALTER DEFAULT PRIVILEGES FOR ROLE " + quote(d.role())
                + (d.schema() == null ? "" : " IN SCHEMA " + quote(d.schema()));
    }

    private void comments() {
        Function<Comment, String> key = c -> String.join("\u0000", c.objectKind(), String.valueOf(c.schema()),
                c.name(), String.valueOf(c.sub()), String.valueOf(c.arguments()));
        Map<String, Comment> before = new LinkedHashMap<>();
        for (Comment c : from.comments()) {
            if (!isRecreated(c)) {
                before.put(key.apply(c), c);
            }
        }
        Map<String, Comment> after = byKey(to.comments(), key);
        for (Comment c : after.values()) {
            Comment old = before.get(key.apply(c));
            if (old != null && old.text().equals(c.text())) {
                continue;
            }
            if (old != null || !isRecreated(c)) {
                detect("Detected " + (old == null ? "added" : "changed") + " comment on " + c.objectKind()
                                .toLowerCase() + " '" + commentTarget(c) + "'", "comment on "
                                + c.objectKind().toLowerCase() + " " + commentTarget(c) + " is " + literal(c.text())
                                + (old == null ? " instead of none" : " instead of " + literal(old.text())));
            }
            add(COMMENTS, "COMMENT ON " + commentOn(c) + " IS " + literal(c.text()));
        }
        for (Comment c : before.values()) {
            if (!after.containsKey(key.apply(c)) && existsAfter.contains(commentObject(c))) {
                detect("Detected removed comment on " + c.objectKind().toLowerCase() + " '" + commentTarget(c) + "'",
                        "comment on " + c.objectKind().toLowerCase() + " " + commentTarget(c) + " is missing");
                add(COMMENTS, "COMMENT ON " + commentOn(c) + " IS NULL");
            }
        }
    }

    private boolean isRecreated(Comment c) {
        String object = commentObject(c);
        if (recreated.contains(object)) {
            return true;
        }
        return c.objectKind().equals("COLUMN") && recreated.contains(rel(c.schema(), c.name()));
    }

    private static String commentObject(Comment c) {
        return switch (c.objectKind()) {
            case "COLUMN" -> col(c.schema(), c.name(), c.sub());
            case "INDEX" -> "idx:" + c.schema() + "." + c.name();
            case "TYPE", "DOMAIN" -> type(c.schema(), c.name());
            case "FUNCTION", "PROCEDURE" -> fn(c.schema(), c.name(), c.arguments());
            case "CONSTRAINT" -> con(c.schema(), c.name(), c.sub());
            case "TRIGGER" -> trg(c.schema(), c.name(), c.sub());
            case "POLICY" -> pol(c.schema(), c.name(), c.sub());
            case "SCHEMA" -> "schema:" + c.name();
            default -> rel(c.schema(), c.name());
        };
    }

    private static String commentTarget(Comment c) {
        return switch (c.objectKind()) {
            case "COLUMN" -> c.schema() + "." + c.name() + "." + c.sub();
            case "FUNCTION", "PROCEDURE" -> c.schema() + "." + c.name() + "(" + c.arguments() + ")";
            case "CONSTRAINT", "TRIGGER", "POLICY" -> c.sub() + " on " + c.schema() + "." + c.name();
            case "SCHEMA" -> c.name();
            default -> c.schema() + "." + c.name();
        };
    }

    private static String commentOn(Comment c) {
        return switch (c.objectKind()) {
            case "COLUMN" -> "COLUMN " + qualified(c.schema(), c.name()) + "." + quote(c.sub());
            case "FUNCTION", "PROCEDURE" -> c.objectKind() + " " + qualified(c.schema(), c.name())
                    + "(" + c.arguments() + ")";
            case "CONSTRAINT", "TRIGGER", "POLICY" -> c.objectKind() + " " + quote(c.sub()) + " ON "
                    + qualified(c.schema(), c.name());
            case "SCHEMA" -> "SCHEMA " + quote(c.name());
            default -> c.objectKind() + " " + qualified(c.schema(), c.name());
        };
    }

    // ---------------------------------------------------------------- helpers

    private void detect(String line, String sentence) {
        detected.add(line);
        words.add(sentence);
    }

    private void add(int phase, String sql) {
        entries.add(new Entry(phase, entries.size(), new Step(sql, List.of(), false)));
    }

    private void addLoss(int phase, String sql) {
        addLoss(phase, sql, true);
    }

    private void addLoss(int phase, String sql, boolean loss) {
        entries.add(new Entry(phase, entries.size(), new Step(sql, List.of(), loss)));
    }

    private static Column column(Table t, String name) {
        for (Column c : t.columns()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String show(String expression) {
        return expression == null ? "none" : expression;
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : items) {
            out.put(key.apply(t), t);
        }
        return out;
    }

    private static String rel(String schema, String name) {
        return "rel:" + schema + "." + name;
    }

    private static String col(String schema, String table, String column) {
        return "col:" + schema + "." + table + "." + column;
    }

    private static String con(String schema, String table, String name) {
        return "con:" + schema + "." + table + "." + name;
    }

    private static String trg(String schema, String table, String name) {
        return "trg:" + schema + "." + table + "." + name;
    }

    private static String pol(String schema, String table, String name) {
        return "pol:" + schema + "." + table + "." + name;
    }

    private static String type(String schema, String name) {
        return "type:" + schema + "." + name;
    }

    private static String fn(String schema, String name, String arguments) {
        return "fn:" + schema + "." + name + "(" + arguments + ")";
    }
}
