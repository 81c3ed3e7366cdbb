package dev.migrate.engine;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Advice that names a setting or a command, written so that each caller renders it in its users'
 * words: the engine names the setting ({@code resume=REV}) and the command ({@code upgrade});
 * the Maven plugin writes {@code -Dmigrate.resume=REV} and {@code mvn migrate:upgrade}, an
 * application its own. Text holding such names carries them as markers (private-use characters)
 * until {@link #render} replaces them; {@link #plain} renders them in the engine's own words,
 * {@code migrate.resume=REV} and {@code the upgrade command}.
 */
public final class Advice {
    private static final char SETTING_START = '\uE000';
    private static final char SETTING_END = '\uE001';
    private static final char COMMAND_START = '\uE002';
    private static final char COMMAND_END = '\uE003';
    private static final Pattern MARKER = Pattern.compile("\uE000([^\uE001]*)\uE001|\uE002([^\uE003]*)\uE003");

    /** The setting prefix, as the engine's own words name settings: {@code migrate.resume}. */
    public static final String PREFIX = "migrate.";

    private Advice() {
    }

    /** A setting, with its value when the advice gives one: {@code setting("resume=" + id)}. */
    public static String setting(String nameAndValue) {
        return SETTING_START + nameAndValue + SETTING_END;
    }

    /** A command (a goal), such as {@code upgrade} or {@code init}. */
    public static String command(String name) {
        return COMMAND_START + name + COMMAND_END;
    }

    /**
     * The text with each setting written by {@code settings} (it receives {@code name} or
     * {@code name=value}) and each command by {@code commands}; null stays null.
     */
    public static String render(String text, UnaryOperator<String> settings, UnaryOperator<String> commands) {
        if (text == null || text.indexOf(SETTING_START) < 0 && text.indexOf(COMMAND_START) < 0) {
            return text;
        }
        Matcher m = MARKER.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) != null ? settings.apply(r.group(1))
                : commands.apply(r.group(2))));
    }

    /** The text in the engine's own words: {@code migrate.resume=REV}, {@code the upgrade command}. */
    public static String plain(String text) {
        return render(text, s -> PREFIX + s, c -> "the " + c + " command");
    }
}
