package dev.migrate.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.engine.scripts.SqlSplitter;
import dev.migrate.engine.scripts.SqlStatement;
import dev.migrate.engine.scripts.UnterminatedSqlException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The SQL splitter on random input. Any text (quotes, dollar quotes with tags, nested block
 * comments, line comments, escape strings, semicolons, non-ASCII letters, lone surrogates, NUL) is
 * either split or refused with an {@link UnterminatedSqlException}, within the time limit, and the
 * statements it returns are pieces of the text, in order, trimmed. Well-formed statements joined
 * with {@code ;\n} come back exactly as written, each with its first line.
 *
 * <p>CI runs {@value #CI_TRIES} tries per property with a fixed seed; a longer run:
 * {@code mvn -pl migrate-engine test -Dtest='dev.migrate.engine.fuzz.*' -Dmigrate.fuzz.tries=100000}.
 */
@AddLifecycleHook(FuzzBudget.class)
class SqlSplitterFuzzTest {
    static final int CI_TRIES = 1000;
    private static final String SCRIPTS = "dev.migrate.engine.scripts";

    @Property(tries = CI_TRIES, seed = "20261202", shrinking = ShrinkingMode.BOUNDED)
    void anyTextIsSplitOrRefusedAsUnterminated(@ForAll("sqlish") String sql) {
        checkAnyText(sql);
    }

    @Property(tries = CI_TRIES, seed = "20261203", shrinking = ShrinkingMode.BOUNDED)
    void anyCharactersAreSplitOrRefusedAsUnterminated(@ForAll("anyChars") String sql) {
        checkAnyText(sql);
    }

    @Property(tries = CI_TRIES, seed = "20261204", shrinking = ShrinkingMode.BOUNDED)
    void wellFormedStatementsComeBackExactly(@ForAll("scripts") Script script) {
        Fuzz.Outcome<List<SqlStatement>> outcome = Fuzz.run(script.text(), () -> SqlSplitter.split(script.text(), 7), SCRIPTS);
        assertTrue(!outcome.refused(), () -> "refused " + Fuzz.show(script.text()) + ": " + outcome.error().getMessage());
        List<String> texts = outcome.value().stream().map(SqlStatement::sql).toList();
        assertEquals(script.statements(), texts, () -> "split of " + Fuzz.show(script.text()));
        List<Integer> lines = outcome.value().stream().map(SqlStatement::line).toList();
        assertEquals(script.lines(), lines, () -> "first lines of the statements of " + Fuzz.show(script.text()));
    }

    /** A statement ends in a dollar quote whose body ends with the start of its own tag. */
    @Example
    void dollarQuoteWhoseBodyEndsLikeItsTag() {
        List<SqlStatement> split = SqlSplitter.split("SELECT $a$ x$ $a$;\nSELECT 2", 1);
        assertEquals(List.of("SELECT $a$ x$ $a$", "SELECT 2"), split.stream().map(SqlStatement::sql).toList());
    }

    private static void checkAnyText(String sql) {
        Fuzz.Outcome<List<SqlStatement>> outcome = Fuzz.run(sql, () -> SqlSplitter.split(sql, 1), SCRIPTS);
        if (outcome.refused()) {
            assertTrue(outcome.error() instanceof UnterminatedSqlException, () -> "refused with "
                    + outcome.error().getClass().getSimpleName() + ": " + outcome.error().getMessage());
            UnterminatedSqlException e = (UnterminatedSqlException) outcome.error();
            long lines = sql.chars().filter(c -> c == '\n').count() + 1;
            assertTrue(e.line() >= 1 && e.line() <= lines, () -> "line " + e.line() + " of " + lines + " in " + Fuzz.show(sql));
            return;
        }
        int from = 0;
        for (SqlStatement s : outcome.value()) {
            // PostgreSQL's own whitespace: other Unicode spaces (U+2028, U+00A0) are letters of an identifier to it
            assertTrue(!s.sql().isEmpty() && !Character.isWhitespace(s.sql().charAt(0))
                    && " \t\n\r\f".indexOf(s.sql().charAt(s.sql().length() - 1)) < 0, () -> "untrimmed statement " + Fuzz.show(s.sql()));
            assertTrue(!s.sql().endsWith(";") || s.sql().length() > 1, () -> "a lone semicolon as a statement");
            int at = sql.indexOf(s.sql(), from);
            int after = from;
            assertTrue(at >= 0, () -> "statement " + Fuzz.show(s.sql()) + " is not a piece of " + Fuzz.show(sql) + " after " + after);
            from = at + s.sql().length();
        }
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("'", "''", "\"", "\"\"", "$$", "$a$", "$A$", "$a_1$", "$1", "$", "E'", "e'", "\\", "\\'",
                        "/*", "*/", "/", "*", "--", "-", "\n", "\r\n", "\r", "\t", " ", ";", ";;", "(", ")", "begin", "atomic",
                        "end", "case", "create", "function", "procedure", "or", "replace", "BEGIN ATOMIC", "CREATE FUNCTION",
                        "\0", "é", "ß", "日本", "\uD83D\uDE00", "\uD800", "\uDFFF", "\uFEFF", "\u2028", "x", "1", "select",
                        "U&'", "B'", "X'", "::", ","),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(6));
        return piece.list().ofMaxSize(60).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> anyChars() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    /** Statements, how they are joined, and the line each starts on when split from line 7. */
    record Script(String text, List<String> statements, List<Integer> lines) {
    }

    @Provide
    Arbitrary<Script> scripts() {
        Arbitrary<String> statement = Arbitraries.oneOf(plainStatement(), routineStatement());
        Arbitrary<String> leading = Arbitraries.of("", "\n", "  ", "-- first\n", "/* head /* nested */ */\n", "\n\n-- x\n\n");
        Arbitrary<String> trailing = Arbitraries.of("", ";", ";\n", "\n", ";\n-- end\n", ";\n/* end */");
        return Combinators.combine(leading, statement.list().ofMinSize(1).ofMaxSize(8), trailing).as((lead, statements, trail) -> {
            StringBuilder text = new StringBuilder(lead);
            List<Integer> lines = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0) {
                    text.append(";\n");
                }
                lines.add(7 + (int) text.chars().filter(c -> c == '\n').count());
                text.append(statements.get(i));
            }
            text.append(trail);
            return new Script(text.toString(), statements, lines);
        });
    }

    /** Tokens separated by whitespace, starting and ending with a token that is not a comment. */
    private Arbitrary<String> plainStatement() {
        Arbitrary<String> edge = Arbitraries.oneOf(word(), stringLiteral(), escapeString(), quotedIdentifier(), dollarQuoted(),
                Arbitraries.of("1", "42.5", "$1", "*", ")", "=", "%"));
        Arbitrary<String> inner = Arbitraries.oneOf(edge, lineComment(), blockComment(), parenthesised(),
                Arbitraries.of(",", ".", "::", "+", "-", "/", "<>", "||", "[", "]", "&", "$"));
        return Combinators.combine(edge, inner.list().ofMaxSize(10), edge, separator().list().ofMinSize(12).ofMaxSize(12),
                Arbitraries.integers().between(0, 2))
                .as((first, middle, last, seps, shape) -> {
                    if (shape == 0) {
                        return first;
                    }
                    StringBuilder sb = new StringBuilder(first);
                    for (int i = 0; i < middle.size(); i++) {
                        sb.append(seps.get(i)).append(middle.get(i));
                    }
                    return sb.append(seps.get(11)).append(last).toString();
                });
    }

    /** A SQL-standard function body: semicolons inside BEGIN ATOMIC ... END do not split. */
    private Arbitrary<String> routineStatement() {
        Arbitrary<List<String>> body = Arbitraries.of("SELECT 1", "SELECT CASE WHEN x THEN 1 ELSE 2 END", "INSERT INTO t VALUES (';')",
                "SELECT $$;$$", "UPDATE t SET a = 1 -- ; done\n", "SELECT 'begin atomic'").list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> head = Arbitraries.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql", "create or replace procedure p(begin int)",
                "CREATE OR REPLACE FUNCTION g(a int) RETURNS int");
        return Combinators.combine(head, body).as((h, b) -> h + "\nBEGIN ATOMIC\n  " + String.join(";\n  ", b) + ";\nEND");
    }

    private Arbitrary<String> separator() {
        return Arbitraries.of(" ", "\n", "\t", "  ", "\r\n", " \n ", "\n\n");
    }

    private Arbitrary<String> word() {
        Arbitrary<String> ascii = Combinators.combine(Arbitraries.chars().range('a', 'z').with('_', 'Q'),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_', '$').ofMaxLength(8))
                .as((c, rest) -> c + rest);
        return Arbitraries.oneOf(ascii, Arbitraries.of("select", "SELECT", "insert", "e", "E", "U", "b", "x", "é", "日本語", "\uD83D\uDE00x",
                "ß_1", "a$b"));
    }

    private Arbitrary<String> text(char... extra) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é', '日', ';', '\0').withChars(extra).ofMaxLength(12);
    }

    private Arbitrary<String> stringLiteral() {
        return text().map(t -> "'" + t.replace("'", "''") + "'");
    }

    /** {@code E'...'}: backslash escapes, doubled quotes, never a lone backslash before the closing quote. */
    private Arbitrary<String> escapeString() {
        Arbitrary<String> unit = Arbitraries.oneOf(
                Arbitraries.chars().range(' ', '~').filter(c -> c != '\'' && c != '\\').map(String::valueOf),
                Arbitraries.of("''", "\\'", "\\\\", "\\n", "\\\n", ";", "\\;"));
        return Combinators.combine(Arbitraries.of("E", "e"), unit.list().ofMaxSize(10))
                .as((e, units) -> e + "'" + String.join("", units) + "'");
    }

    private Arbitrary<String> quotedIdentifier() {
        return text().filter(t -> !t.isEmpty()).map(t -> "\"" + t.replace("\"", "\"\"") + "\"");
    }

    /** {@code $tag$ body $tag$}, the body never holding the delimiter, even where it meets the closing one. */
    private Arbitrary<String> dollarQuoted() {
        Arbitrary<String> tag = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("a", "A", "fn", "_x1", "body", "é"));
        return Combinators.combine(tag, text('$')).as((t, body) -> {
            String delimiter = "$" + t + "$";
            return (body + delimiter).indexOf(delimiter) == body.length() ? delimiter + body + delimiter : delimiter + delimiter;
        });
    }

    private Arbitrary<String> lineComment() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '\'', '"', '$').ofMaxLength(12)
                .map(t -> "-- " + t + "\n");
    }

    private Arbitrary<String> blockComment() {
        Arbitrary<String> flat = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\'', ';')
                .ofMaxLength(10).map(t -> t.replace("/", "").replace("*", ""));
        return Combinators.combine(flat, flat, Arbitraries.integers().between(0, 2)).as((a, b, nesting) -> {
            String comment = "/*" + a + "*/";
            for (int i = 0; i < nesting; i++) {
                comment = "/* " + b + comment + a + " */";
            }
            return comment;
        });
    }

    /** A parenthesised group: semicolons inside it do not split (a multi-action CREATE RULE). */
    private Arbitrary<String> parenthesised() {
        Arbitrary<String> inside = Arbitraries.oneOf(word(), stringLiteral(), dollarQuoted(), Arbitraries.of(";", ",", "1", "(a; b)"));
        return inside.list().ofMinSize(1).ofMaxSize(5).map(items -> "(" + String.join(" ", items) + ")");
    }
}
