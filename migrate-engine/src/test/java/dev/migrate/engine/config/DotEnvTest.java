package dev.migrate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotEnvTest {
    private static Map<String, String> parse(String text) {
        return DotEnv.parse(text, ".env", Map.of("HOME", "/home/me", "EMPTY", "")::get);
    }

    @Test
    void entriesCommentsExportAndOrder() {
        Map<String, String> values = parse("""
                # connection for local work
                MIGRATE_URL=postgresql://app@localhost/app

                export MIGRATE_USER=app   # trailing comment
                \tMIGRATE_SCHEMA = core
                MIGRATE_PASSWORD=abc#def
                EMPTY_VALUE=
                """);
        assertEquals(Map.of(
                "MIGRATE_URL", "postgresql://app@localhost/app",
                "MIGRATE_USER", "app",
                "MIGRATE_SCHEMA", "core",
                "MIGRATE_PASSWORD", "abc#def",
                "EMPTY_VALUE", ""), values);
        assertEquals(List.of("MIGRATE_URL", "MIGRATE_USER", "MIGRATE_SCHEMA", "MIGRATE_PASSWORD", "EMPTY_VALUE"),
                List.copyOf(values.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`A='single # kept ${HOME} \\n'`            | `single # kept ${HOME} \\n`",
            "`A=\"double ${HOME} \\\"q\\\" \\\\ \\$x\"` | `double /home/me \"q\" \\ $x`",
            "`A=\"tab\\there\"`                         | `tab\there`",
            "`A=${HOME}/x`                              | `/home/me/x`",
            "`A=${UNKNOWN}x`                            | `x`",
            "`A=${UNKNOWN:-fallback}`                   | `fallback`",
            "`A=${EMPTY:-fallback}`                     | `fallback`",
            "`A=\"quoted\"   # comment`                 | `quoted`",
            "`A=p@ss:w/o+r%d`                           | `p@ss:w/o+r%d`",
            "`A=  spaced value  `                       | `spaced value`",
            "`A=a=b=c`                                  | `a=b=c`",
    })
    void values(String line, String value) {
        assertEquals(value, parse(line).get("A"));
    }

    @Test
    void multiLineDoubleQuotedAndReferenceToEarlierKey() {
        Map<String, String> values = parse("""
                PASS="line1
                line2"
                USER=app
                URL=postgresql://${USER}@db/app
                HOME=ignored
                WHERE=${HOME}
                """);
        assertEquals("line1\nline2", values.get("PASS"));
        assertEquals("postgresql://app@db/app", values.get("URL"));
        assertEquals("/home/me", values.get("WHERE"), "the process environment comes first");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "'A=1\nthis line has Secr3t in it'   | .env line 2: expected KEY=VALUE",
            "'A=1\n\nB C=Secr3t'                 | .env line 3: expected KEY=VALUE with a key of letters, digits and '_'",
            "'A=\"Secr3t\n'                      | .env line 1: a double-quoted value is not closed",
            "'A=''Secr3t'                        | .env line 1: a single-quoted value is not closed",
            "'A=1\nB=\"Secr3t\" trailing'        | .env line 2: unexpected text after a quoted value",
    })
    void syntaxErrorsNameTheLineButNotItsText(String text, String message) {
        ConfigException error = assertThrows(ConfigException.class, () -> parse(text));
        assertEquals(message, error.getMessage());
        assertFalse(error.getMessage().contains("Secr3t"));
    }

    @Test
    void readsAFileAndMissingFileIsEmpty(@TempDir Path dir) throws Exception {
        assertEquals(Map.of(), DotEnv.read(dir.resolve(".env"), name -> null));
        Files.writeString(dir.resolve(".env"), "\uFEFFMIGRATE_URL=postgresql://db/app\r\nMIGRATE_USER=app\r\n");
        assertEquals(Map.of("MIGRATE_URL", "postgresql://db/app", "MIGRATE_USER", "app"),
                DotEnv.read(dir.resolve(".env"), name -> null));
    }
}
