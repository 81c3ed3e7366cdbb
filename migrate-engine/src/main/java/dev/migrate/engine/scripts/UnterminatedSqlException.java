package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

/**
 * SQL text that ends inside a string, quoted identifier, dollar quote, block comment, parenthesis
 * or {@code BEGIN ATOMIC} body: everything after its opening would otherwise run as one statement.
 * The revision file parser reports it with the file name.
 */
public final class UnterminatedSqlException extends MigrateException {
    private final String construct;
    private final String closing;
    private final int line;

    public UnterminatedSqlException(String construct, String closing, int line) {
        super("unterminated " + construct + " starting at line " + line + ": add the closing " + closing);
        this.construct = construct;
        this.closing = closing;
        this.line = line;
    }

    /** What is left open: {@code string}, {@code escape string}, {@code quoted identifier}, ... */
    public String construct() {
        return construct;
    }

    /** The text that would close it. */
    public String closing() {
        return closing;
    }

    /** The line where it opens. */
    public int line() {
        return line;
    }
}
