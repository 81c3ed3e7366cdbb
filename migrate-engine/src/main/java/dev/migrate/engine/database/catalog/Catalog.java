package dev.migrate.engine.database.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Immutable model of the compared schemas of one database, as {@link CatalogReader} read it.
 *
 * <p>Definitions are PostgreSQL's own canonical text ({@code pg_get_constraintdef},
 * {@code pg_get_indexdef}, {@code pg_get_viewdef}, {@code pg_get_functiondef},
 * {@code pg_get_triggerdef}, {@code pg_get_expr}, {@code format_type}), produced with an empty
 * search path so that every name in them is schema-qualified: two databases holding the same schema
 * give equal models. Lists are sorted by schema and name, so equal schemas give equal records.
 * Objects that belong to an extension, and roles, are not part of the model; objects of a kind the
 * model does not cover are listed in {@link #uncompared()}.
 */
public record Catalog(
        List<String> schemas,
        List<Extension> extensions,
        List<EnumType> enums,
        List<Domain> domains,
        List<CompositeType> compositeTypes,
        List<Sequence> sequences,
        List<Table> tables,
        List<Constraint> constraints,
        List<Index> indexes,
        List<View> views,
        List<Routine> routines,
        List<Trigger> triggers,
        List<Policy> policies,
        List<Grant> grants,
        List<DefaultPrivilege> defaultPrivileges,
        List<Comment> comments,
        List<UncomparedObject> uncompared) {

    public Catalog {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        enums = List.copyOf(enums);
        domains = List.copyOf(domains);
        compositeTypes = List.copyOf(compositeTypes);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        views = List.copyOf(views);
        routines = List.copyOf(routines);
        triggers = List.copyOf(triggers);
        policies = List.copyOf(policies);
        grants = List.copyOf(grants);
        defaultPrivileges = List.copyOf(defaultPrivileges);
        comments = List.copyOf(comments);
        uncompared = List.copyOf(uncompared);
    }

    /** A catalog with nothing in it (not even a schema). */
    public static Catalog empty() {
        return new Catalog(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** Number of modelled objects (tables, columns, constraints, indexes, ...), for summaries. */
    public int size() {
        int columns = 0;
        for (Table t : tables) {
            columns += t.columns().size();
        }
        return schemas.size() + extensions.size() + enums.size() + domains.size() + compositeTypes.size()
                + sequences.size() + tables.size() + columns + constraints.size() + indexes.size()
                + views.size() + routines.size() + triggers.size() + policies.size() + grants.size()
                + defaultPrivileges.size() + comments.size();
    }

    /** Lines describing every difference between this catalog and another, for test failure messages. */
    public List<String> describeDifferences(Catalog other) {
        List<String> out = new ArrayList<>();
        compareList("schemas", schemas, other.schemas, out);
        compareList("extensions", extensions, other.extensions, out);
        compareList("enums", enums, other.enums, out);
        compareList("domains", domains, other.domains, out);
        compareList("composite types", compositeTypes, other.compositeTypes, out);
        compareList("sequences", sequences, other.sequences, out);
        compareList("tables", tables, other.tables, out);
        compareList("constraints", constraints, other.constraints, out);
        compareList("indexes", indexes, other.indexes, out);
        compareList("views", views, other.views, out);
        compareList("routines", routines, other.routines, out);
        compareList("triggers", triggers, other.triggers, out);
        compareList("policies", policies, other.policies, out);
        compareList("grants", grants, other.grants, out);
        compareList("default privileges", defaultPrivileges, other.defaultPrivileges, out);
        compareList("comments", comments, other.comments, out);
        return out;
    }

    private static <T> void compareList(String kind, List<T> mine, List<T> theirs, List<String> out) {
        for (T t : mine) {
            if (!theirs.contains(t)) {
                out.add("only in this " + kind + ": " + t);
            }
        }
        for (T t : theirs) {
            if (!mine.contains(t)) {
                out.add("only in other " + kind + ": " + t);
            }
        }
    }

    /** An installed extension (never {@code plpgsql}). */
    public record Extension(String name, String schema, String version) {
    }

    /** An enum type and its values in their sort order. */
    public record EnumType(String schema, String name, List<String> values) {
        public EnumType {
            values = List.copyOf(values);
        }
    }

    /** A domain: its base type (with modifiers), nullability, default, collation and checks. */
    public record Domain(String schema, String name, String type, boolean notNull, String defaultExpression,
                         String collation, List<DomainConstraint> constraints) {
        public Domain {
            constraints = List.copyOf(constraints);
        }
    }

    /** A named CHECK of a domain, with its {@code pg_get_constraintdef} text. */
    public record DomainConstraint(String name, String definition) {
    }

    /** A composite type ({@code CREATE TYPE ... AS (...)}). */
    public record CompositeType(String schema, String name, List<Attribute> attributes) {
        public CompositeType {
            attributes = List.copyOf(attributes);
        }
    }

    /** One attribute of a composite type; {@code collation} is null for the type's default. */
    public record Attribute(String name, String type, String collation) {
    }

    /**
     * A sequence that is not an identity column's; {@code ownedByTable}/{@code ownedByColumn} are
     * null unless it is {@code OWNED BY} a column (as a {@code serial} column's is).
     */
    public record Sequence(String schema, String name, String type, long start, long increment, long min,
                           long max, long cache, boolean cycle, String ownedByTable, String ownedByColumn) {
    }

    /**
     * A table, partitioned or not. {@code partitionKey} is the {@code PARTITION BY} clause of a
     * partitioned table; {@code partitionOf} ({@code schema.name}) and {@code partitionBound}
     * ({@code FOR VALUES ...}) are set on a partition. {@code options} are its storage parameters.
     */
    public record Table(String schema, String name, List<Column> columns, boolean rowSecurity,
                        boolean forceRowSecurity, String partitionKey, String partitionOfSchema,
                        String partitionOfName, String partitionBound, List<String> options) {
        public Table {
            columns = List.copyOf(columns);
            options = List.copyOf(options);
        }

        public boolean isPartition() {
            return partitionOfName != null;
        }

        public boolean isPartitioned() {
            return partitionKey != null;
        }
    }

    /**
     * A column. {@code type} is {@code format_type} with modifiers; {@code defaultExpression} and
     * {@code generatedExpression} are {@code pg_get_expr} text (or null); {@code identity} is
     * {@code ""}, {@code "ALWAYS"} or {@code "BY DEFAULT"}; {@code collation} is null unless it differs
     * from the type's default; {@code inherited} is true for a column a partition takes from its parent.
     */
    public record Column(String name, String type, boolean notNull, String defaultExpression, String identity,
                         String generatedExpression, String collation, boolean inherited) {
        /** The same column, no longer generated (what {@code ALTER COLUMN ... DROP EXPRESSION} leaves). */
        public Column withoutGeneration() {
            return new Column(name, type, notNull, defaultExpression, identity, null, collation, inherited);
        }
    }

    /**
     * A table constraint. {@code type} is PostgreSQL's code: {@code p} primary key, {@code u} unique,
     * {@code c} check, {@code f} foreign key, {@code x} exclusion; {@code definition} the
     * {@code pg_get_constraintdef} text (actions, deferrability and {@code NOT VALID} included);
     * {@code referencedSchema}/{@code referencedTable} name a foreign key's target.
     */
    public record Constraint(String schema, String table, String name, String type, String definition,
                             String referencedSchema, String referencedTable) {
    }

    /**
     * An index that does not back a constraint, with its {@code pg_get_indexdef} text (an index of a
     * partitioned table without {@code ONLY}, as it is created: on the table and its partitions).
     */
    public record Index(String schema, String table, String name, String definition) {
    }

    /**
     * A view or materialized view: its {@code pg_get_viewdef} text, options ({@code security_invoker=true}
     * ...), column names, and what it depends on ({@code schema.relation} and {@code schema.relation.column}).
     */
    public record View(String schema, String name, boolean materialized, String definition, List<String> options,
                       List<String> columns, List<String> dependsOn, List<String> dependsOnColumns) {
        public View {
            options = List.copyOf(options);
            columns = List.copyOf(columns);
            dependsOn = List.copyOf(dependsOn);
            dependsOnColumns = List.copyOf(dependsOnColumns);
        }
    }

    /**
     * A function or procedure ({@code kind} {@code FUNCTION} or {@code PROCEDURE}) with its identity
     * arguments, full argument list, result, language and {@code pg_get_functiondef} text.
     */
    public record Routine(String schema, String name, String identityArguments, String kind, String arguments,
                          String result, String language, String definition) {
        public String signature() {
            return schema + "." + name + "(" + identityArguments + ")";
        }
    }

    /**
     * A trigger (not an internal one, not a partition's clone), its {@code pg_get_triggerdef} text, its
     * {@code enabled} state ({@code O} origin, {@code D} disabled, {@code R} replica, {@code A} always)
     * and the {@link Routine#signature() signature} of its function.
     */
    public record Trigger(String schema, String table, String name, String definition, String enabled,
                          String function) {
    }

    /** A row-level security policy; {@code roles} are names, {@code public} for everybody. */
    public record Policy(String schema, String table, String name, boolean permissive, String command,
                         List<String> roles, String using, String withCheck) {
        public Policy {
            roles = List.copyOf(roles);
        }
    }

    /**
     * One privilege granted on a table, view, sequence, function or procedure ({@code objectKind}
     * {@code TABLE}, {@code SEQUENCE}, {@code FUNCTION}, {@code PROCEDURE}), or on one column of a table
     * ({@code column} set). {@code arguments} are a routine's identity arguments. The owner's own
     * privileges are not listed; {@code grantee} is {@code PUBLIC} for everybody.
     */
    public record Grant(String objectKind, String schema, String name, String arguments, String column,
                        String grantee, String privilege, boolean grantable) {
    }

    /**
     * A default privilege ({@code ALTER DEFAULT PRIVILEGES FOR ROLE role [IN SCHEMA schema] GRANT ...});
     * {@code objectType} is {@code TABLES}, {@code SEQUENCES}, {@code FUNCTIONS}, {@code TYPES} or
     * {@code SCHEMAS}; {@code schema} is null for a database-wide default.
     */
    public record DefaultPrivilege(String role, String schema, String objectType, String grantee,
                                   String privilege, boolean grantable) {
    }

    /**
     * A comment. {@code objectKind} is the {@code COMMENT ON} keyword ({@code TABLE}, {@code COLUMN},
     * {@code VIEW}, {@code MATERIALIZED VIEW}, {@code INDEX}, {@code SEQUENCE}, {@code TYPE},
     * {@code DOMAIN}, {@code FUNCTION}, {@code PROCEDURE}, {@code CONSTRAINT}, {@code TRIGGER},
     * {@code POLICY}, {@code SCHEMA}, {@code EXTENSION}); {@code name} is the object, {@code sub} the
     * column, constraint, trigger or policy on it, {@code arguments} a routine's identity arguments.
     */
    public record Comment(String objectKind, String schema, String name, String sub, String arguments,
                          String text) {
        public Comment {
            Objects.requireNonNull(objectKind, "objectKind");
        }
    }
}
