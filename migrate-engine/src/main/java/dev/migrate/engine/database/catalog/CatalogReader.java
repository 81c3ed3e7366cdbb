package dev.migrate.engine.database.catalog;

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

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the compared schemas of a database into a {@link Catalog}, with a fixed number of catalog
 * queries whatever the number of objects ({@link #queriesPerRead()}), in one read-only,
 * repeatable-read transaction (or inside the caller's transaction, left as it was found), with the
 * search path emptied so that every definition is schema-qualified. It never writes.
 */
public final class CatalogReader {

    /** Excludes objects that belong to an extension; {@code %s} is the catalog and {@code %s} the oid. */
    private static final String NOT_EXTENSION_MEMBER = " NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.classid = "
            + "'%s'::regclass AND xd.objid = %s AND xd.deptype = 'e') ";

    private static final String COLLATION = "CASE WHEN %1$s <> 0 AND %1$s <> (SELECT bt.typcollation FROM pg_type bt"
            + " WHERE bt.oid = %2$s) THEN (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
            + " FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = %1$s) END";

    private static final String GRANTEE = "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END";

    private static final String SCHEMAS = "SELECT n.nspname FROM pg_namespace n WHERE"
            + member("pg_namespace", "n.oid") + "ORDER BY 1";

    private static final String EXTENSIONS = "SELECT x.extname, n.nspname, x.extversion FROM pg_extension x"
            + " JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql' ORDER BY 1";

    private static final String ENUMS = "SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
            + " WHERE n.nspname = ANY (?) AND" + member("pg_type", "t.oid") + "GROUP BY 1, 2 ORDER BY 1, 2";

    private static final String DOMAINS = "SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod),"
            + " t.typnotnull, pg_get_expr(t.typdefaultbin, 0), " + String.format(COLLATION, "t.typcollation", "t.typbasetype")
            + ", ARRAY(SELECT c.conname FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY 1),"
            + " ARRAY(SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.contypid = t.oid"
            + " AND c.contype = 'c' ORDER BY c.conname)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE t.typtype = 'd' AND n.nspname = ANY (?) AND" + member("pg_type", "t.oid") + "ORDER BY 1, 2";

    private static final String COMPOSITES = "SELECT n.nspname, t.typname, a.attname,"
            + " format_type(a.atttypid, a.atttypmod), " + String.format(COLLATION, "a.attcollation", "a.atttypid")
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " WHERE n.nspname = ANY (?) AND" + member("pg_type", "t.oid") + "ORDER BY 1, 2, a.attnum";

    private static final String SEQUENCES = "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart,"
            + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, tn.nspname, tc.relname, ta.attname"
            + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + " AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'"
            + " LEFT JOIN pg_class tc ON tc.oid = d.refobjid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace"
            + " LEFT JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid"
            + " WHERE n.nspname = ANY (?) AND" + member("pg_class", "c.oid")
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid"
            + " AND i.deptype = 'i') ORDER BY 1, 2";

    private static final String TABLES = "SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity,"
            + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, pn.nspname, pc.relname,"
            + " CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, c.reloptions"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition"
            + " LEFT JOIN pg_class pc ON pc.oid = i.inhparent LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND" + member("pg_class", "c.oid")
            + " ORDER BY 1, 2";

    private static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END, a.attidentity,"
            + " CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END, "
            + String.format(COLLATION, "a.attcollation", "a.atttypid") + ", a.attislocal"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY (?)"
            + " AND" + member("pg_class", "c.oid") + "ORDER BY 1, 2, a.attnum";

    private static final String CONSTRAINTS = "SELECT n.nspname, c.relname, k.conname, k.contype,"
            + " pg_get_constraintdef(k.oid), fn.nspname, fc.relname"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_class fc ON fc.oid = k.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
            + " WHERE k.contype IN ('p', 'u', 'c', 'f', 'x') AND k.conparentid = 0 AND k.conislocal"
            + " AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND" + member("pg_class", "c.oid")
            + " ORDER BY 1, 2, 3";

    private static final String INDEXES = "SELECT n.nspname, t.relname, i.relname, CASE WHEN t.relkind = 'p'"
            + " THEN replace(pg_get_indexdef(i.oid), ' ON ONLY ', ' ON ') ELSE pg_get_indexdef(i.oid) END"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = i.relnamespace"
            + " WHERE t.relkind IN ('r', 'p', 'm') AND NOT i.relispartition AND n.nspname = ANY (?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid AND k.conrelid = t.oid"
            + " AND k.contype IN ('p', 'u', 'x')) AND" + member("pg_class", "t.oid") + "ORDER BY 1, 3";

    private static final String VIEWS = "SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true),"
            + " c.reloptions, ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
            + " AND NOT a.attisdropped ORDER BY a.attnum),"
            + " ARRAY(SELECT DISTINCT rn.nspname || '.' || r.relname FROM pg_rewrite w"
            + " JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid"
            + " AND d.refclassid = 'pg_class'::regclass JOIN pg_class r ON r.oid = d.refobjid"
            + " JOIN pg_namespace rn ON rn.oid = r.relnamespace WHERE w.ev_class = c.oid AND r.oid <> c.oid ORDER BY 1),"
            + " ARRAY(SELECT DISTINCT rn.nspname || '.' || r.relname || '.' || ra.attname FROM pg_rewrite w"
            + " JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid"
            + " AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 JOIN pg_class r ON r.oid = d.refobjid"
            + " JOIN pg_namespace rn ON rn.oid = r.relnamespace"
            + " JOIN pg_attribute ra ON ra.attrelid = r.oid AND ra.attnum = d.refobjsubid"
            + " WHERE w.ev_class = c.oid AND r.oid <> c.oid ORDER BY 1)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?) AND" + member("pg_class", "c.oid")
            + " ORDER BY 1, 2";

    private static final String ROUTINES = "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid),"
            + " p.prokind, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), l.lanname,"
            + " pg_get_functiondef(p.oid)"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang"
            + " WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (?) AND" + member("pg_proc", "p.oid")
            + " ORDER BY 1, 2, 3";

    private static final String TRIGGERS = "SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid),"
            + " t.tgenabled, fn.nspname || '.' || f.proname || '(' || pg_get_function_identity_arguments(f.oid) || ')'"
            + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_proc f ON f.oid = t.tgfoid JOIN pg_namespace fn ON fn.oid = f.pronamespace"
            + " WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname = ANY (?) AND" + member("pg_class", "c.oid")
            + " ORDER BY 1, 2, 3";

    private static final String POLICIES = "SELECT n.nspname, c.relname, p.polname, p.polpermissive, p.polcmd,"
            + " ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END FROM unnest(p.polroles) r"
            + " ORDER BY 1), pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)"
            + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ANY (?) ORDER BY 1, 2, 3";

    private static final String GRANTS = "SELECT * FROM ("
            + "SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, n.nspname, c.relname,"
            + " NULL::text AS arguments, NULL::name AS col, " + GRANTEE + " AS grantee, a.privilege_type, a.is_grantable"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,"
            + " aclexplode(coalesce(c.relacl, acldefault((CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::\"char\", c.relowner))) a"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND a.grantee <> c.relowner AND n.nspname = ANY (?)"
            + " AND" + member("pg_class", "c.oid")
            + " UNION ALL SELECT 'COLUMN', n.nspname, c.relname, NULL, t.attname, " + GRANTEE + ", a.privilege_type,"
            + " a.is_grantable FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(t.attacl) a"
            + " WHERE t.attacl IS NOT NULL AND t.attnum > 0 AND NOT t.attisdropped AND a.grantee <> c.relowner"
            + " AND c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY (?) AND" + member("pg_class", "c.oid")
            + " UNION ALL SELECT CASE WHEN p.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, n.nspname, p.proname,"
            + " pg_get_function_identity_arguments(p.oid), NULL, " + GRANTEE + ", a.privilege_type, a.is_grantable"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,"
            + " aclexplode(coalesce(p.proacl, acldefault('f'::\"char\", p.proowner))) a"
            + " WHERE p.prokind IN ('f', 'p') AND a.grantee <> p.proowner AND n.nspname = ANY (?)"
            + " AND" + member("pg_proc", "p.oid")
            + ") g ORDER BY 2, 3, 4, 5, 1, 6, 7";

    private static final String DEFAULT_PRIVILEGES = "SELECT pg_get_userbyid(d.defaclrole), n.nspname, d.defaclobjtype, "
            + GRANTEE + ", a.privilege_type, a.is_grantable"
            + " FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a"
            + " WHERE (d.defaclnamespace = 0 OR n.nspname = ANY (?)) AND a.grantee <> d.defaclrole"
            + " ORDER BY 1, 2, 3, 4, 5";

    private static final String COMMENTS = "SELECT * FROM ("
            + "SELECT CASE WHEN d.objsubid > 0 THEN 'COLUMN' WHEN c.relkind IN ('r', 'p') THEN 'TABLE'"
            + " WHEN c.relkind = 'v' THEN 'VIEW' WHEN c.relkind = 'm' THEN 'MATERIALIZED VIEW'"
            + " WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'INDEX' END AS kind, n.nspname, c.relname,"
            + " a.attname AS sub, NULL::text AS arguments, d.description"
            + " FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I') AND n.nspname = ANY (?)"
            + " AND" + member("pg_class", "c.oid")
            + " UNION ALL SELECT CASE WHEN t.typtype = 'd' THEN 'DOMAIN' ELSE 'TYPE' END, n.nspname, t.typname, NULL,"
            + " NULL, d.description FROM pg_description d JOIN pg_type t ON d.classoid = 'pg_type'::regclass"
            + " AND t.oid = d.objoid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ANY (?)"
            + " AND" + member("pg_type", "t.oid")
            + " UNION ALL SELECT CASE WHEN p.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, n.nspname, p.proname,"
            + " NULL, pg_get_function_identity_arguments(p.oid), d.description FROM pg_description d"
            + " JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND p.oid = d.objoid"
            + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (?)"
            + " AND" + member("pg_proc", "p.oid")
            + " UNION ALL SELECT 'CONSTRAINT', n.nspname, c.relname, k.conname, NULL, d.description"
            + " FROM pg_description d JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND k.oid = d.objoid"
            + " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ANY (?)"
            + " UNION ALL SELECT 'TRIGGER', n.nspname, c.relname, t.tgname, NULL, d.description"
            + " FROM pg_description d JOIN pg_trigger t ON d.classoid = 'pg_trigger'::regclass AND t.oid = d.objoid"
            + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ANY (?)"
            + " UNION ALL SELECT 'POLICY', n.nspname, c.relname, p.polname, NULL, d.description"
            + " FROM pg_description d JOIN pg_policy p ON d.classoid = 'pg_policy'::regclass AND p.oid = d.objoid"
            + " JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ANY (?)"
            + " UNION ALL SELECT 'SCHEMA', NULL, n.nspname, NULL, NULL, d.description FROM pg_description d"
            + " JOIN pg_namespace n ON d.classoid = 'pg_namespace'::regclass AND n.oid = d.objoid"
            + " WHERE n.nspname = ANY (?)"
            + ") k ORDER BY 1, 2, 3, 4, 5";

    private static final String UNCOMPARED = "SELECT * FROM ("
            + "SELECT 'event trigger' AS kind, NULL::name AS schema, e.evtname::text AS name, fn.nspname AS owner_schema"
            + " FROM pg_event_trigger e JOIN pg_proc f ON f.oid = e.evtfoid JOIN pg_namespace fn ON fn.oid = f.pronamespace"
            + " WHERE" + member("pg_event_trigger", "e.oid")
            + " UNION ALL SELECT 'publication', NULL, p.pubname, NULL FROM pg_publication p"
            + " WHERE p.pubname NOT LIKE 'supabase\\_%'"
            + " UNION ALL SELECT 'foreign server', NULL, s.srvname, NULL FROM pg_foreign_server s"
            + " WHERE" + member("pg_foreign_server", "s.oid")
            + " UNION ALL SELECT 'rule', n.nspname, c.relname || '.' || r.rulename, NULL FROM pg_rewrite r"
            + " JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE r.rulename <> '_RETURN' AND n.nspname = ANY (?) AND" + member("pg_class", "c.oid")
            + " UNION ALL SELECT 'foreign table', n.nspname, c.relname, NULL FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'f' AND n.nspname = ANY (?)"
            + " AND" + member("pg_class", "c.oid")
            + " UNION ALL SELECT 'table inheritance', n.nspname, c.relname, NULL FROM pg_inherits i"
            + " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT c.relispartition AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?)"
            + " UNION ALL SELECT CASE WHEN p.prokind = 'a' THEN 'aggregate' ELSE 'window function' END, n.nspname,"
            + " p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL FROM pg_proc p"
            + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('a', 'w') AND n.nspname = ANY (?)"
            + " AND" + member("pg_proc", "p.oid")
            + " UNION ALL SELECT 'operator', n.nspname, o.oprname, NULL FROM pg_operator o"
            + " JOIN pg_namespace n ON n.oid = o.oprnamespace WHERE n.nspname = ANY (?) AND" + member("pg_operator", "o.oid")
            + " UNION ALL SELECT CASE t.typtype WHEN 'r' THEN 'range type' ELSE 'base type' END, n.nspname, t.typname,"
            + " NULL FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE t.typtype IN ('r', 'b') AND t.typcategory <> 'A' AND n.nspname = ANY (?)"
            + " AND" + member("pg_type", "t.oid")
            + " UNION ALL SELECT 'collation', n.nspname, c.collname, NULL FROM pg_collation c"
            + " JOIN pg_namespace n ON n.oid = c.collnamespace WHERE n.nspname = ANY (?) AND" + member("pg_collation", "c.oid")
            + " UNION ALL SELECT 'text search configuration', n.nspname, c.cfgname, NULL FROM pg_ts_config c"
            + " JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = ANY (?) AND" + member("pg_ts_config", "c.oid")
            + " UNION ALL SELECT 'text search dictionary', n.nspname, c.dictname, NULL FROM pg_ts_dict c"
            + " JOIN pg_namespace n ON n.oid = c.dictnamespace WHERE n.nspname = ANY (?) AND" + member("pg_ts_dict", "c.oid")
            + " UNION ALL SELECT 'statistics object', n.nspname, s.stxname, NULL FROM pg_statistic_ext s"
            + " JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE n.nspname = ANY (?)"
            + " AND" + member("pg_statistic_ext", "s.oid")
            + " UNION ALL SELECT 'operator class', n.nspname, c.opcname, NULL FROM pg_opclass c"
            + " JOIN pg_namespace n ON n.oid = c.opcnamespace WHERE n.nspname = ANY (?) AND" + member("pg_opclass", "c.oid")
            + " UNION ALL SELECT 'operator family', n.nspname, f.opfname, NULL FROM pg_opfamily f"
            + " JOIN pg_namespace n ON n.oid = f.opfnamespace WHERE n.nspname = ANY (?) AND" + member("pg_opfamily", "f.oid")
            + " UNION ALL SELECT 'conversion', n.nspname, c.conname, NULL FROM pg_conversion c"
            + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ANY (?) AND" + member("pg_conversion", "c.oid")
            + ") u ORDER BY 1, 2, 3";

    private static final List<String> QUERIES = List.of(SCHEMAS, EXTENSIONS, ENUMS, DOMAINS, COMPOSITES, SEQUENCES,
            TABLES, COLUMNS, CONSTRAINTS, INDEXES, VIEWS, ROUTINES, TRIGGERS, POLICIES, GRANTS, DEFAULT_PRIVILEGES,
            COMMENTS, UNCOMPARED);

    private CatalogReader() {
    }

    private static String member(String catalog, String oid) {
        return String.format(NOT_EXTENSION_MEMBER, catalog, oid);
    }

    /** The number of catalog queries one {@link #read} sends, whatever the size of the schema. */
    public static int queriesPerRead() {
        return QUERIES.size();
    }

    /**
     * Reads the schemas of {@code scope}. On a connection in auto-commit mode the read runs in its own
     * read-only transaction, rolled back afterwards; inside the caller's transaction, only the search
     * path is changed, transaction-locally, and restored.
     */
    public static Catalog read(Connection connection, CatalogScope scope) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
                }
            }
            String previousPath = null;
            try {
                try (Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("SELECT current_setting('search_path'),"
                             + " set_config('search_path', 'pg_catalog', true)")) {
                    rs.next();
                    previousPath = rs.getString(1);
                }
                return new Reading(connection, scope).read();
            } finally {
                if (autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                } else if (previousPath != null) {
                    try (PreparedStatement s = connection.prepareStatement("SELECT set_config('search_path', ?, true)")) {
                        s.setString(1, previousPath);
                        s.execute();
                    }
                }
            }
        } catch (SQLException e) {
            throw new CatalogReadException("settings", e);
        }
    }

    /** One read: the queries in order, their rows turned into records. */
    private static final class Reading {
        private final Connection connection;
        private final CatalogScope scope;
        private Array schemaArray;

        Reading(Connection connection, CatalogScope scope) {
            this.connection = connection;
            this.scope = scope;
        }

        Catalog read() throws SQLException {
            List<String> schemas = new ArrayList<>();
            for (Object[] row : rows("schemas", SCHEMAS, false)) {
                String name = (String) row[0];
                if (scope.compares(name)) {
                    schemas.add(name);
                }
            }
            schemaArray = connection.createArrayOf("text", schemas.toArray());

            List<Extension> extensions = new ArrayList<>();
            for (Object[] r : rows("extensions", EXTENSIONS, false)) {
                String schema = (String) r[1];
                if (schemas.contains(schema) || schema.equals("extensions")) {
                    extensions.add(new Extension((String) r[0], schema, (String) r[2]));
                }
            }
            List<EnumType> enums = new ArrayList<>();
            for (Object[] r : rows("enums", ENUMS, true)) {
                enums.add(new EnumType((String) r[0], (String) r[1], strings(r[2])));
            }
            List<Domain> domains = new ArrayList<>();
            for (Object[] r : rows("domains", DOMAINS, true)) {
                List<String> names = strings(r[6]);
                List<String> defs = strings(r[7]);
                List<DomainConstraint> checks = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    checks.add(new DomainConstraint(names.get(i), defs.get(i)));
                }
                domains.add(new Domain((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], (String) r[4],
                        (String) r[5], checks));
            }
            List<CompositeType> composites = new ArrayList<>();
            Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
            for (Object[] r : rows("composite types", COMPOSITES, true)) {
                attributes.computeIfAbsent(r[0] + "\u0000" + r[1], k -> new ArrayList<>())
                        .add(new Attribute((String) r[2], (String) r[3], (String) r[4]));
            }
            attributes.forEach((key, attrs) -> {
                String[] parts = key.split("\u0000", 2);
                composites.add(new CompositeType(parts[0], parts[1], attrs));
            });

            List<Sequence> sequences = new ArrayList<>();
            for (Object[] r : rows("sequences", SEQUENCES, true)) {
                if (r[9] != null && scope.excludes((String) r[9], (String) r[10])) {
                    continue;
                }
                sequences.add(new Sequence((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                        ((Number) r[7]).longValue(), (Boolean) r[8], (String) r[10], (String) r[11]));
            }

            List<Object[]> tableRows = rows("tables", TABLES, true);
            Map<String, List<Column>> columns = new LinkedHashMap<>();
            for (Object[] r : rows("columns", COLUMNS, true)) {
                String identity = switch ((String) r[6]) {
                    case "a" -> "ALWAYS";
                    case "d" -> "BY DEFAULT";
                    default -> "";
                };
                columns.computeIfAbsent(r[0] + "." + r[1], k -> new ArrayList<>()).add(new Column((String) r[2],
                        (String) r[3], (Boolean) r[4], (String) r[5], identity, (String) r[7], (String) r[8],
                        !(Boolean) r[9]));
            }
            List<Table> tables = new ArrayList<>();
            for (Object[] r : tableRows) {
                if (excluded(r)) {
                    continue;
                }
                tables.add(new Table((String) r[0], (String) r[1], columns.getOrDefault(r[0] + "." + r[1], List.of()),
                        (Boolean) r[2], (Boolean) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                        strings(r[8])));
            }

            List<Constraint> constraints = new ArrayList<>();
            for (Object[] r : rows("constraints", CONSTRAINTS, true)) {
                if (!excluded(r)) {
                    constraints.add(new Constraint((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                            (String) r[4], (String) r[5], (String) r[6]));
                }
            }
            List<Index> indexes = new ArrayList<>();
            for (Object[] r : rows("indexes", INDEXES, true)) {
                if (!excluded(r)) {
                    indexes.add(new Index((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
                }
            }
            List<View> views = new ArrayList<>();
            for (Object[] r : rows("views", VIEWS, true)) {
                String definition = ((String) r[3]).strip();
                if (definition.endsWith(";")) {
                    definition = definition.substring(0, definition.length() - 1);
                }
                views.add(new View((String) r[0], (String) r[1], (Boolean) r[2], definition, strings(r[4]),
                        strings(r[5]), strings(r[6]), strings(r[7])));
            }
            List<Routine> routines = new ArrayList<>();
            for (Object[] r : rows("routines", ROUTINES, true)) {
                boolean procedure = "p".equals(r[3]);
                String definition = ((String) r[7]).strip();
                routines.add(new Routine((String) r[0], (String) r[1], (String) r[2],
                        procedure ? "PROCEDURE" : "FUNCTION", (String) r[4], procedure ? null : (String) r[5],
                        (String) r[6], definition));
            }
            List<Trigger> triggers = new ArrayList<>();
            for (Object[] r : rows("triggers", TRIGGERS, true)) {
                if (!excluded(r)) {
                    triggers.add(new Trigger((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                            (String) r[5]));
                }
            }
            List<Policy> policies = new ArrayList<>();
            for (Object[] r : rows("policies", POLICIES, true)) {
                if (excluded(r)) {
                    continue;
                }
                String command = switch ((String) r[4]) {
                    case "r" -> "SELECT";
                    case "a" -> "INSERT";
                    case "w" -> "UPDATE";
                    case "d" -> "DELETE";
                    default -> "ALL";
                };
                policies.add(new Policy((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], command,
                        strings(r[5]), (String) r[6], (String) r[7]));
            }
            List<Grant> grants = new ArrayList<>();
            for (Object[] r : rows("grants", GRANTS, true)) {
                if (!excluded(r)) {
                    grants.add(new Grant((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                            (String) r[5], (String) r[6], (Boolean) r[7]));
                }
            }
            List<DefaultPrivilege> defaults = new ArrayList<>();
            for (Object[] r : rows("default privileges", DEFAULT_PRIVILEGES, true)) {
                String type = switch ((String) r[2]) {
                    case "r" -> "TABLES";
                    case "S" -> "SEQUENCES";
                    case "f" -> "FUNCTIONS";
                    case "T" -> "TYPES";
                    default -> "SCHEMAS";
                };
                defaults.add(new DefaultPrivilege((String) r[0], (String) r[1], type, (String) r[3], (String) r[4],
                        (Boolean) r[5]));
            }
            List<Comment> comments = new ArrayList<>();
            for (Object[] r : rows("comments", COMMENTS, true)) {
                String kind = (String) r[0];
                boolean onTable = kind.equals("TABLE") || kind.equals("COLUMN") || kind.equals("CONSTRAINT")
                        || kind.equals("TRIGGER") || kind.equals("POLICY");
                if (onTable && scope.excludes((String) r[1], (String) r[2])) {
                    continue;
                }
                comments.add(new Comment(kind, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5]));
            }
            List<UncomparedObject> uncompared = new ArrayList<>();
            for (Object[] r : rows("objects not compared", UNCOMPARED, true)) {
                String ownerSchema = (String) r[3];
                if (ownerSchema != null && !scope.compares(ownerSchema)) {
                    continue; // an event trigger of a managed schema's function
                }
                uncompared.add(new UncomparedObject((String) r[0], (String) r[1], (String) r[2]));
            }
            return new Catalog(schemas, extensions, enums, domains, composites, sequences, tables, constraints,
                    indexes, views, routines, triggers, policies, grants, defaults, comments, uncompared);
        }

        private boolean excluded(Object[] row) {
            return scope.excludes((String) row[0], (String) row[1]);
        }

        private List<Object[]> rows(String reading, String sql, boolean bySchema) {
            int parameters = bySchema ? count(sql, "ANY (?)") : 0;
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int i = 1; i <= parameters; i++) {
                    s.setArray(i, schemaArray);
                }
                try (ResultSet rs = s.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    List<Object[]> out = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            Object value = rs.getObject(i + 1);
                            if (value instanceof Array array) {
                                value = Arrays.asList((Object[]) array.getArray());
                            }
                            row[i] = value;
                        }
                        out.add(row);
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw new CatalogReadException(reading, e);
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) value) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
