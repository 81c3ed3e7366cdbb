package dev.migrate.engine.scripts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits PostgreSQL text into statements at top-level semicolons, in one linear pass.
 *
 * <p>Semicolons do not split inside: standard strings ({@code 'it''s'}), escape strings
 * ({@code E'it\'s'}), quoted identifiers ({@code "a;""b"}), dollar-quoted strings with or without a
 * tag ({@code $$ ... $$}, {@code $fn$ ... $fn$}; a positional parameter such as {@code $1} is not a
 * quote), {@code --} comments, nested block comments, parentheses (as in a multi-action
 * {@code CREATE RULE}), and SQL-standard function bodies ({@code BEGIN ATOMIC ... END} in a
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, tracked like psql does, with {@code CASE ... END}
 * inside).
 *
 * <p>Each statement runs from its first token to its last one: surrounding whitespace and comments
 * are left out, comments between its tokens are kept, and its terminating semicolon is dropped. A
 * piece holding only comments and whitespace is not a statement. Each statement carries the line
 * where it starts, counted from {@code firstLine}, the line of the text's first character (lines
 * end with {@code \n}; {@link RevisionFileParser} normalises CRLF and CR before splitting).
 *
 * <p>Strings follow {@code standard_conforming_strings = on} (PostgreSQL's default since 9.1): a
 * backslash escapes only inside {@code E'...'}. {@code U&'...'}, {@code B'...'} and {@code X'...'}
 * are standard strings.
 */
public final class SqlSplitter {
    private static final List<String> LEADING_KEYWORDS = List.of("create", "function", "procedure", "or", "replace");

    private final String sql;
    private final int length;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int pos;
    private int line;

    // the statement being read
    private int start = -1;
    private int startLine;
    private int end;
    private int parenDepth;
    private int parenLine;
    private int beginDepth;
    private int beginLine;
    private int wordCount;
    private final char[] leadingWords = new char[4];
    private boolean previousTokenIsBegin;

    private SqlSplitter(String sql, int firstLine) {
        this.sql = sql;
        this.length = sql.length();
        this.line = firstLine;
    }

    /**
     * The statements of {@code sql}, in order.
     *
     * @param firstLine the line number, in the file, of the first character of {@code sql}
     * @throws UnterminatedSqlException if a string, quoted identifier, dollar quote, block comment,
     *                                  parenthesis or {@code BEGIN ATOMIC} body is still open at the
     *                                  end of the text
     */
    public static List<SqlStatement> split(String sql, int firstLine) {
        SqlSplitter splitter = new SqlSplitter(sql, firstLine);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    private void run() {
        while (pos < length) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && next(1) == '-') {
                skipLineComment();
            } else if (c == '/' && next(1) == '*') {
                skipBlockComment();
            } else if (c == ';') {
                if (parenDepth == 0 && beginDepth == 0) {
                    finishStatement();
                } else {
                    mark(pos, pos + 1);
                }
                pos++;
            } else if (c == '\'') {
                int from = pos;
                int fromLine = line;
                skipQuoted('\'', false, "string", fromLine);
                mark(from, pos, fromLine);
            } else if (c == '"') {
                int from = pos;
                int fromLine = line;
                skipQuoted('"', false, "quoted identifier", fromLine);
                mark(from, pos, fromLine);
            } else if (c == '$') {
                dollar();
            } else if (isWordStart(c) || isDigit(c)) {
                word();
            } else {
                if (c == '(') {
                    if (parenDepth++ == 0) {
                        parenLine = line;
                    }
                } else if (c == ')' && parenDepth > 0) {
                    parenDepth--;
                }
                mark(pos, pos + 1);
                pos++;
            }
        }
        if (parenDepth > 0) {
            throw new UnterminatedSqlException("parenthesis", ")", parenLine);
        }
        if (beginDepth > 0) {
            throw new UnterminatedSqlException("BEGIN ATOMIC body", "END", beginLine);
        }
        finishStatement();
    }

    private char next(int ahead) {
        int at = pos + ahead;
        return at < length ? sql.charAt(at) : '\0';
    }

    private void mark(int from, int to) {
        mark(from, to, line);
    }

    /** Records that the current statement has a token from {@code from} to {@code to}. */
    private void mark(int from, int to, int fromLine) {
        if (start < 0) {
            start = from;
            startLine = fromLine;
        }
        end = to;
        previousTokenIsBegin = false;
    }

    private void finishStatement() {
        if (start >= 0) {
            statements.add(new SqlStatement(sql.substring(start, end), startLine));
        }
        start = -1;
        parenDepth = 0;
        beginDepth = 0;
        wordCount = 0;
        Arrays.fill(leadingWords, '\0');
    }

    private void skipLineComment() {
        while (pos < length && sql.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int openLine = line;
        int depth = 0;
        while (pos < length) {
            char c = sql.charAt(pos);
            if (c == '/' && next(1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && next(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                pos++;
            }
        }
        throw new UnterminatedSqlException("block comment", "*/", openLine);
    }

    /**
     * Skips a quoted run starting at {@code pos} (on the opening quote). A doubled quote stands
     * for one; with {@code backslashEscapes} a backslash escapes the next character.
     */
    private void skipQuoted(char quote, boolean backslashEscapes, String what, int openLine) {
        pos++;
        while (pos < length) {
            char c = sql.charAt(pos);
            if (c == quote) {
                if (next(1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return;
            }
            if (c == '\\' && backslashEscapes && pos + 1 < length) {
                if (sql.charAt(pos + 1) == '\n') {
                    line++;
                }
                pos += 2;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            pos++;
        }
        throw new UnterminatedSqlException(what, String.valueOf(quote), openLine);
    }

    /** A {@code $} outside any word: a dollar quote, a positional parameter, or a lone sign. */
    private void dollar() {
        int from = pos;
        int fromLine = line;
        int tagEnd = pos + 1;
        if (tagEnd < length && isWordStart(sql.charAt(tagEnd))) {
            tagEnd++;
            while (tagEnd < length && isTagChar(sql.charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (tagEnd < length && sql.charAt(tagEnd) == '$') {
            String delimiter = sql.substring(pos, tagEnd + 1);
            pos = tagEnd + 1;
            int close = sql.indexOf(delimiter, pos);
            if (close < 0) {
                throw new UnterminatedSqlException("dollar-quoted string", delimiter, fromLine);
            }
            countLines(pos, close);
            pos = close + delimiter.length();
            mark(from, pos, fromLine);
            return;
        }
        // $1 (a parameter) or a '$' that opens nothing
        pos++;
        while (pos < length && isDigit(sql.charAt(pos))) {
            pos++;
        }
        mark(from, pos, fromLine);
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
    }

    /** An identifier, keyword or number; {@code E'...'} opens an escape string. */
    private void word() {
        int from = pos;
        pos++;
        while (pos < length && isIdentifierPart(sql.charAt(pos))) {
            pos++;
        }
        if (pos - from == 1 && pos < length && sql.charAt(pos) == '\'' && (sql.charAt(from) == 'E' || sql.charAt(from) == 'e')) {
            int fromLine = line;
            skipQuoted('\'', true, "escape string", fromLine);
            mark(from, pos, fromLine);
            return;
        }
        boolean afterBegin = previousTokenIsBegin;
        mark(from, pos);
        if (isWordStart(sql.charAt(from))) {
            trackBlocks(from, pos, afterBegin);
        }
    }

    /**
     * psql's rule, made stricter: in a statement starting {@code CREATE [OR REPLACE]
     * FUNCTION|PROCEDURE}, outside parentheses, {@code BEGIN ATOMIC} opens a block that {@code END}
     * closes ({@code CASE} opens one too, inside a block), and semicolons inside a block do not end
     * the statement. Unlike psql, a {@code BEGIN} not followed by {@code ATOMIC} (a parameter named
     * begin) opens nothing.
     */
    private void trackBlocks(int from, int to, boolean afterBegin) {
        if (wordCount < leadingWords.length) {
            leadingWords[wordCount] = leadingWordCode(from, to);
        }
        wordCount++;
        boolean routine = leadingWords[0] == 'c'
                && (leadingWords[1] == 'f' || leadingWords[1] == 'p'
                || (leadingWords[1] == 'o' && leadingWords[2] == 'r'
                && (leadingWords[3] == 'f' || leadingWords[3] == 'p')));
        if (!routine || parenDepth != 0) {
            return;
        }
        if (is(from, to, "begin")) {
            previousTokenIsBegin = true;
        } else if (is(from, to, "atomic") && afterBegin) {
            if (beginDepth++ == 0) {
                beginLine = line;
            }
        } else if (is(from, to, "case")) {
            if (beginDepth > 0) {
                beginDepth++;
            }
        } else if (is(from, to, "end")) {
            if (beginDepth > 0) {
                beginDepth--;
            }
        }
    }

    private char leadingWordCode(int from, int to) {
        for (String keyword : LEADING_KEYWORDS) {
            if (is(from, to, keyword)) {
                return keyword.charAt(0);
            }
        }
        return '\0';
    }

    private boolean is(int from, int to, String keyword) {
        return to - from == keyword.length() && sql.regionMatches(true, from, keyword, 0, keyword.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** A character of a dollar-quote tag after its first one. */
    private static boolean isTagChar(char c) {
        return isWordStart(c) || isDigit(c);
    }

    /** A character of an identifier after its first one ({@code $} is allowed there). */
    private static boolean isIdentifierPart(char c) {
        return isTagChar(c) || c == '$';
    }
}
