package dev.migrate.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.engine.config.ConfigException;
import dev.migrate.engine.config.DotEnv;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The {@code .env} reader on random files holding a password: each is read, or refused with a
 * {@link ConfigException} that names the file and a line of it, on one line, and never quotes the
 * password; a generated valid file reads back into its entries.
 *
 * <p>CI runs {@value #CI_TRIES} tries per property with a fixed seed; {@code -Dmigrate.fuzz.tries=N}
 * runs more.
 */
@AddLifecycleHook(FuzzBudget.class)
class DotEnvFuzzTest {
    static final int CI_TRIES = 1000;
    private static final String SECRET = "Pw9-s3cr3t";
    private static final Pattern WHERE = Pattern.compile("^\\.env line (\\d+): [^\\n\\r]+$");
    private static final Function<String, String> NO_ENVIRONMENT = name -> null;

    @Property(tries = CI_TRIES, seed = "20261215", shrinking = ShrinkingMode.BOUNDED)
    void randomFilesAreReadOrRefusedWithLineAndNoSecret(@ForAll("files") String text) {
        Fuzz.Outcome<Map<String, String>> outcome = Fuzz.run(text, () -> DotEnv.parse(text, ".env", NO_ENVIRONMENT),
                "dev.migrate.engine.config");
        if (!outcome.refused()) {
            return;
        }
        String message = outcome.error().getMessage();
        Matcher where = WHERE.matcher(message);
        assertTrue(where.matches(), () -> "not '.env line N: reason' on one line: " + Fuzz.show(message));
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        assertTrue(Long.parseLong(where.group(1)) <= lines, () -> "line " + where.group(1) + " of " + lines + ": " + message);
        assertTrue(!Fuzz.trace(outcome.error()).contains(SECRET), () -> "the secret in the error: " + message);
    }

    @Property(tries = CI_TRIES, seed = "20261216", shrinking = ShrinkingMode.BOUNDED)
    void validFilesReadBack(@ForAll("keys") String key, @ForAll("plainValues") String value, @ForAll("quotings") int quoting) {
        String written = switch (quoting) {
            case 0 -> value;
            case 1 -> "'" + value + "'";
            default -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        };
        String text = "# settings\nOTHER=1\n\nexport " + key + "=" + written + "  # a comment\n";
        Fuzz.Outcome<Map<String, String>> outcome = Fuzz.run(text, () -> DotEnv.parse(text, ".env", NO_ENVIRONMENT),
                "dev.migrate.engine.config");
        assertTrue(!outcome.refused(), () -> "refused " + Fuzz.show(text) + ": " + outcome.error().getMessage());
        assertEquals(value.strip(), outcome.value().get(key).strip(), () -> "value of " + key + " in " + Fuzz.show(text));
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> piece = Arbitraries.of("KEY=", "MIGRATE_PASSWORD=", "export ", "=", "'", "\"", "\\", "\\\"", "#", " #", "${",
                "}", "${A:-", "$", "\n", "\r\n", "\t", " ", SECRET, "é", "\0", "\uFEFF", "1", "a.b", "-", "x y");
        return piece.list().ofMaxSize(30).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> keys() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Z').with('_'),
                Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('_', '.').ofMaxLength(10))
                .as((c, rest) -> c + rest).filter(k -> !k.equals("OTHER"));
    }

    /** Values that mean the same in every quoting: no quotes, no '#', no '$', no backslash, no line break. */
    @Provide
    Arbitrary<String> plainValues() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(' ', 'é', '日').ofMinLength(1).ofMaxLength(20)
                .filter(v -> !v.isBlank() && v.chars().noneMatch(c -> "'\"#$\\".indexOf(c) >= 0));
    }

    @Provide
    Arbitrary<Integer> quotings() {
        return Arbitraries.integers().between(0, 2);
    }
}
