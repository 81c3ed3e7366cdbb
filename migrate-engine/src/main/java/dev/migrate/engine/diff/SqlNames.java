package dev.migrate.engine.diff;

import java.util.Set;

/** Quoting for the SQL the differ writes: identifiers quoted only when PostgreSQL needs it. */
final class SqlNames {
    /** PostgreSQL's keywords that are not unreserved ({@code pg_get_keywords()}, catcode other than U). */
    private static final Set<String> KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric"
            + " authorization between bigint binary bit boolean both case cast char character check coalesce collate"
            + " collation column concurrently constraint create cross current_catalog current_date current_role"
            + " current_schema current_time current_timestamp current_user dec decimal default deferrable desc distinct"
            + " do else end except exists extract false fetch float for foreign freeze from full grant greatest group"
            + " grouping having ilike in initially inner inout int integer intersect interval into is isnull join"
            + " json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar"
            + " json_serialize json_table json_value lateral leading least left like limit localtime localtimestamp"
            + " merge_action national natural nchar none normalize not notnull null nullif numeric offset on only or"
            + " order out outer overlaps overlay placing position precision primary real references returning right"
            + " row select session_user setof similar smallint some substring symmetric system_user table tablesample"
            + " then time timestamp to trailing treat trim true union unique user using values varchar variadic"
            + " verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces"
            + " xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    private SqlNames() {
    }

    /** {@code users} stays as it is; {@code User}, {@code order} and {@code my"t} are quoted. */
    static String quote(String identifier) {
        if (identifier.matches("[a-z_][a-z0-9_$]*") && !KEYWORDS.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** A role in GRANT, REVOKE and TO clauses: {@code PUBLIC} and {@code public} mean everybody. */
    static String role(String role) {
        return role.equalsIgnoreCase("public") ? "PUBLIC" : quote(role);
    }

    /** A string literal that reads the same whatever {@code standard_conforming_strings} is. */
    static String literal(String value) {
        String quoted = value.replace("'", "''");
        if (value.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }
}
