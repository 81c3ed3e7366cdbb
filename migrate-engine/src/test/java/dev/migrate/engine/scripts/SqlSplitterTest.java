package dev.migrate.engine.scripts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlSplitterTest {

    private static List<SqlStatement> split(String sql) {
        return SqlSplitter.split(sql, 1);
    }

    private static SqlStatement st(String sql, int line) {
        return new SqlStatement(sql, line);
    }

    @Test
    void splitsAtSemicolonsAndTrims() {
        assertEquals(List.of(st("CREATE TABLE a (id int)", 1), st("CREATE TABLE b (id int)", 2)),
                split("CREATE TABLE a (id int);\n  CREATE TABLE b (id int)  ;\n"));
    }

    @Test
    void lastStatementNeedsNoSemicolon() {
        assertEquals(List.of(st("SELECT 1", 1), st("SELECT 2", 1)), split("SELECT 1; SELECT 2"));
    }

    @Test
    void emptyStatementsAreDropped() {
        assertEquals(List.of(st("SELECT 1", 3)), split(";;\n ; \n SELECT 1;;\n;"));
        assertEquals(List.of(), split(""));
        assertEquals(List.of(), split("  \n\n"));
    }

    @Test
    void linesCountFromFirstLine() {
        assertEquals(List.of(st("SELECT 1", 10), st("SELECT\n  2", 12)),
                SqlSplitter.split("SELECT 1;\n\nSELECT\n  2;", 10));
    }

    @Test
    void statementMadeOnlyOfCommentsIsDropped() {
        assertEquals(List.of(st("SELECT 1", 1)),
                split("SELECT 1; -- trailing note\n-- nothing here;\n/* nor ; here */ ;"));
    }

    @Test
    void leadingAndTrailingCommentsAreLeftOutAndInnerOnesKept() {
        assertEquals(List.of(st("SELECT 1 /* one */ + 1", 3), st("SELECT 3", 5)),
                split("-- first\n/* block\n */ SELECT 1 /* one */ + 1 -- tail\n;\nSELECT 3 -- no semicolon"));
    }

    @Test
    void lineCommentHidesSemicolonsAndQuotes() {
        assertEquals(List.of(st("SELECT 1 -- a; b ' c \" d $$\n+ 1", 1)),
                split("SELECT 1 -- a; b ' c \" d $$\n+ 1;"));
    }

    @Test
    void blockCommentsNest() {
        assertEquals(List.of(st("SELECT /* a /* b; */ still; comment */ 1", 1), st("SELECT 2", 2)),
                split("SELECT /* a /* b; */ still; comment */ 1;\nSELECT 2;"));
    }

    @Test
    void standardStringWithDoubledQuoteAndBackslash() {
        // standard_conforming_strings: a backslash is an ordinary character
        assertEquals(List.of(st("INSERT INTO t VALUES ('it''s; fine', 'C:\\')", 1), st("SELECT 2", 1)),
                split("INSERT INTO t VALUES ('it''s; fine', 'C:\\'); SELECT 2;"));
    }

    @Test
    void escapeStringWithBackslashes() {
        assertEquals(List.of(st("SELECT E'it\\'s; \\\\', e'a''b;'", 1), st("SELECT 2", 2)),
                split("SELECT E'it\\'s; \\\\', e'a''b;';\nSELECT 2;"));
    }

    @Test
    void identifierEndingInEIsNotAnEscapeString() {
        // "type" ends in e, the string after it is a standard one where the backslash is literal
        assertEquals(List.of(st("SELECT type'\\'", 1), st("SELECT 2", 1)), split("SELECT type'\\'; SELECT 2"));
    }

    @Test
    void quotedIdentifiersWithDoubledQuotes() {
        assertEquals(List.of(st("CREATE TABLE \"we;ird\"\"name\" (\"a;\" int)", 1), st("SELECT 1", 1)),
                split("CREATE TABLE \"we;ird\"\"name\" (\"a;\" int); SELECT 1"));
    }

    @Test
    void dollarQuotesWithAndWithoutTags() {
        String fn = "CREATE FUNCTION f() RETURNS trigger AS $fn$\nBEGIN\n  PERFORM 'x;';\n  RETURN $$;$$;\nEND;\n$fn$ LANGUAGE plpgsql";
        assertEquals(List.of(st("DO $$ BEGIN RAISE NOTICE 'a;b'; END $$", 1), st(fn, 2), st("SELECT 3", 8)),
                split("DO $$ BEGIN RAISE NOTICE 'a;b'; END $$;\n" + fn + ";\nSELECT 3;"));
    }

    @Test
    void dollarQuoteTagIsCaseSensitiveAndNeedsExactClose() {
        assertEquals(List.of(st("SELECT $a$ $A$; $ab$ $a$", 1), st("SELECT 2", 1)),
                split("SELECT $a$ $A$; $ab$ $a$; SELECT 2"));
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertEquals(List.of(st("PREPARE p AS SELECT $1, $2", 1), st("EXECUTE p(1, 2)", 1)),
                split("PREPARE p AS SELECT $1, $2; EXECUTE p(1, 2);"));
    }

    @Test
    void dollarInsideAnIdentifierIsNotAQuote() {
        assertEquals(List.of(st("SELECT a$b$ FROM t", 1), st("SELECT 2", 1)), split("SELECT a$b$ FROM t; SELECT 2"));
    }

    @Test
    void beginAtomicBodyIsOneStatement() {
        String fn = "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  INSERT INTO log VALUES (a);\n  SELECT CASE WHEN a > 0 THEN a + b ELSE b END;\nEND";
        assertEquals(List.of(st(fn, 1), st("SELECT add(1, 2)", 6)), split(fn + ";\nSELECT add(1, 2);"));
    }

    @Test
    void beginAtomicInCreateOrReplaceProcedure() {
        String proc = "create or replace procedure p() language sql begin atomic insert into t values (1); insert into t values (2); end";
        assertEquals(List.of(st(proc, 1), st("CALL p()", 1)), split(proc + "; CALL p();"));
    }

    @Test
    void transactionBeginIsNotABlock() {
        assertEquals(List.of(st("BEGIN", 1), st("SELECT 1", 1), st("END", 1), st("SELECT 2", 1)),
                split("BEGIN; SELECT 1; END; SELECT 2;"));
    }

    @Test
    void beginWithoutAtomicOpensNoBlock() {
        // psql counts any BEGIN here and would swallow the next statement; only BEGIN ATOMIC opens a body
        String fn = "CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN begin + 1";
        assertEquals(List.of(st(fn, 1), st("SELECT 2", 1)), split(fn + "; SELECT 2"));
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
        assertEquals(List.of(st(rule, 1), st("SELECT 1", 1)), split(rule + "; SELECT 1;"));
    }

    @Test
    void multiLineStringsCountLines() {
        assertEquals(List.of(st("SELECT 'a\nb', E'c\\\nd', \"e\nf\", $$g\nh$$", 1), st("SELECT 2", 6)),
                split("SELECT 'a\nb', E'c\\\nd', \"e\nf\", $$g\nh$$;\nSELECT 2;"));
    }

    @Test
    void unterminatedConstructsNameTheirLine() {
        assertEquals("unterminated string starting at line 2: add the closing '",
                assertThrows(UnterminatedSqlException.class, () -> split("SELECT 1;\nSELECT 'oops;\n")).getMessage());
        assertEquals("unterminated escape string starting at line 1: add the closing '",
                assertThrows(UnterminatedSqlException.class, () -> split("SELECT E'\\'")).getMessage());
        assertEquals("unterminated quoted identifier starting at line 1: add the closing \"",
                assertThrows(UnterminatedSqlException.class, () -> split("SELECT \"a")).getMessage());
        assertEquals("unterminated dollar-quoted string starting at line 3: add the closing $fn$",
                assertThrows(UnterminatedSqlException.class, () -> SqlSplitter.split("\nDO\n$fn$ x $$ y", 1)).getMessage());
        UnterminatedSqlException comment = assertThrows(UnterminatedSqlException.class,
                () -> SqlSplitter.split("SELECT 1; /* a /* b */\n", 7));
        assertEquals("unterminated block comment starting at line 7: add the closing */", comment.getMessage());
        assertEquals(7, comment.line());
        assertEquals("block comment", comment.construct());
        assertEquals("*/", comment.closing());
    }

    @Test
    void unclosedParenthesisOrAtomicBodyWouldSwallowTheRestOfTheFile() {
        assertEquals("unterminated parenthesis starting at line 2: add the closing )",
                assertThrows(UnterminatedSqlException.class,
                        () -> split("SELECT 1;\nCREATE TABLE t (id int,\n  name text;\nCREATE TABLE u (id int);")).getMessage());
        assertEquals("unterminated BEGIN ATOMIC body starting at line 2: add the closing END",
                assertThrows(UnterminatedSqlException.class,
                        () -> split("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\nSELECT 2;")).getMessage());
        // a stray closing parenthesis is left for PostgreSQL to report
        assertEquals(List.of(st("SELECT 1)", 1), st("SELECT 2", 1)), split("SELECT 1); SELECT 2"));
    }

    @Test
    void otherStringPrefixesAreStandardStrings() {
        assertEquals(List.of(st("SELECT U&'d\\0061t;', B'101', X'1F', N'x;'", 1), st("SELECT 2", 1)),
                split("SELECT U&'d\\0061t;', B'101', X'1F', N'x;'; SELECT 2"));
    }

    @Test
    void dollarTagsWithDigitsUnderscoresAndUnicode() {
        assertEquals(List.of(st("SELECT $a1$;$a1$, $_$;$_$, $é$;$é$", 1), st("SELECT 2", 1)),
                split("SELECT $a1$;$a1$, $_$;$_$, $é$;$é$; SELECT 2"));
    }

    private static final List<String> CORPUS = List.of(
            "SELECT 1",
            "INSERT INTO t VALUES ('a;b', 'it''s', E'\\';x', \"c;\"\"d\")",
            "DO $$ BEGIN PERFORM 1; END $$",
            "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT $$;$$::text; $fn$ LANGUAGE sql",
            "CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT a;\n  SELECT CASE WHEN a > 1 THEN 1 END;\nEND",
            "SELECT 1 /* a; /* nested; */ b; */ + 2",
            "SELECT 'multi\nline;\nstring'",
            "CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)",
            "PREPARE q AS SELECT $1 + $2",
            "SELECT 1 -- inner comment; with semicolon\n + 1");
    private static final List<String> SEPARATORS = List.of(";\n", ";  ", ";\n-- only a comment;\n", ";\n/* c;\n */\n", ";\n\n;\n");

    @Test
    void randomMixesSplitBackIntoTheirStatementsAndLines() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 500; round++) {
            StringBuilder sql = new StringBuilder();
            List<SqlStatement> expected = new java.util.ArrayList<>();
            int line = 1 + random.nextInt(50);
            int firstLine = line;
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                String statement = CORPUS.get(random.nextInt(CORPUS.size()));
                expected.add(st(statement, line));
                String separator = i == count - 1 && random.nextBoolean() ? "" : SEPARATORS.get(random.nextInt(SEPARATORS.size()));
                String piece = statement + separator;
                sql.append(piece);
                line += (int) piece.chars().filter(c -> c == '\n').count();
            }
            assertEquals(expected, SqlSplitter.split(sql.toString(), firstLine), sql::toString);
        }
    }

    @Test
    void largeInputIsSplitInLinearTime() {
        StringBuilder sb = new StringBuilder();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sb.append("INSERT INTO t VALUES (").append(i).append(", 'a;b', $$c;d$$); -- x;\n");
        }
        long t0 = System.nanoTime();
        List<SqlStatement> statements = split(sb.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(n, statements.size());
        assertEquals(st("INSERT INTO t VALUES (199999, 'a;b', $$c;d$$)", n), statements.get(n - 1));
        // ~14 MB of SQL; a quadratic splitter would take minutes
        org.junit.jupiter.api.Assertions.assertTrue(ms < 5_000, "took " + ms + " ms");
    }
}
