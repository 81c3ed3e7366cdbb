package dev.migrate.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.engine.config.DatabaseUrl;
import dev.migrate.engine.config.InvalidDatabaseUrlException;
import java.util.List;
import java.util.Optional;
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
 * The database URL parser on random URLs holding a password: each is parsed or refused with an
 * {@link InvalidDatabaseUrlException}, and the password appears neither in the error (nor its
 * cause chain) nor in what may be printed of a parsed URL ({@link DatabaseUrl#masked()},
 * {@link DatabaseUrl#jdbcUrl()}, {@code toString()}). Generated valid URLs read back into their
 * parts.
 *
 * <p>CI runs {@value #CI_TRIES} tries per property with a fixed seed; {@code -Dmigrate.fuzz.tries=N}
 * runs more.
 */
@AddLifecycleHook(FuzzBudget.class)
class DatabaseUrlFuzzTest {
    static final int CI_TRIES = 1000;
    private static final String CONFIG = "dev.migrate.engine.config";

    /** A URL and the password written in it (as written, and as it decodes). */
    record Case(String url, String password) {
    }

    @Property(tries = CI_TRIES, seed = "20261212", shrinking = ShrinkingMode.BOUNDED)
    void randomUrlsAreParsedOrRefusedWithoutThePassword(@ForAll("urls") Case c) {
        check(c);
    }

    @Property(tries = CI_TRIES, seed = "20261213", shrinking = ShrinkingMode.BOUNDED)
    void anyCharactersAreParsedOrRefused(@ForAll("anyChars") String text) {
        Fuzz.Outcome<DatabaseUrl> outcome = Fuzz.run(text, () -> DatabaseUrl.parse(text), CONFIG);
        if (outcome.refused()) {
            assertTrue(outcome.error() instanceof InvalidDatabaseUrlException, () -> "refused with "
                    + outcome.error().getClass().getSimpleName() + ": " + outcome.error().getMessage());
        }
    }

    @Property(tries = CI_TRIES, seed = "20261214", shrinking = ShrinkingMode.BOUNDED)
    void validUrlsReadBack(@ForAll("names") String user, @ForAll("secrets") String password, @ForAll("hostNames") String host,
                           @ForAll("ports") int port, @ForAll("names") String database, @ForAll("schemes") String scheme) {
        String url = scheme + encode(user) + ":" + encode(password) + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + encode(database)
                + "?sslmode=require&application_name=fuzz";
        Fuzz.Outcome<DatabaseUrl> outcome = Fuzz.run(url, () -> DatabaseUrl.parse(url), CONFIG);
        assertTrue(!outcome.refused(), () -> "refused " + Fuzz.show(url) + ": " + outcome.error().getMessage());
        DatabaseUrl parsed = outcome.value();
        assertEquals(Optional.of(user), parsed.user());
        assertEquals(Optional.of(password), parsed.password());
        assertEquals(List.of(new DatabaseUrl.Host(host, port)), parsed.hosts());
        assertEquals(database, parsed.database());
        assertEquals(Optional.of("require"), parsed.property("sslmode"));
        assertTrue(!parsed.masked().contains(encode(password)) && !parsed.masked().contains(password), parsed.masked());
    }

    /** A '%' followed by non-ASCII digits is not an escape: Character.digit would read '\u0663' as 3. */
    @Example
    void percentWithNonAsciiDigitsIsRefused() {
        check(new Case("postgresql://u:Sec%\u0663\u0663ret@localhost/db", "Sec%\u0663\u0663ret"));
        Fuzz.Outcome<DatabaseUrl> outcome = Fuzz.run("", () -> DatabaseUrl.parse("postgresql://u:p%\u0663\u0663@localhost/db"), CONFIG);
        assertTrue(outcome.refused(), "accepted a percent escape of non-ASCII digits");
    }

    /** jdbc:postgresql:NAME names a database only: with userinfo in it, the password would be printed as a database name. */
    @Example
    void jdbcShortFormWithUserInfoIsRefused() {
        check(new Case("jdbc:postgresql::Pw9aaa@localhost", "Pw9aaa"));
        Fuzz.Outcome<DatabaseUrl> outcome = Fuzz.run("", () -> DatabaseUrl.parse("jdbc:postgresql:app:Pw9secret@db"), CONFIG);
        assertTrue(outcome.refused(), "read jdbc:postgresql:app:Pw9secret@db as the database 'app:Pw9secret@db'");
        assertEquals(Optional.of("app"), Optional.of(DatabaseUrl.parse("jdbc:postgresql:app?sslmode=require").database()));
    }

    private static void check(Case c) {
        Fuzz.Outcome<DatabaseUrl> outcome = Fuzz.run(c.url(), () -> DatabaseUrl.parse(c.url()), CONFIG);
        List<String> secrets = secrets(c.password(), c.url().contains("password=" + c.password()));
        if (outcome.refused()) {
            assertTrue(outcome.error() instanceof InvalidDatabaseUrlException, () -> "refused with "
                    + outcome.error().getClass().getSimpleName() + ": " + outcome.error().getMessage());
            String trace = Fuzz.trace(outcome.error());
            for (String secret : secrets) {
                assertTrue(!trace.contains(secret), () -> "the password " + Fuzz.show(secret) + " in the error for "
                        + Fuzz.show(c.url()) + ": " + trace);
            }
            return;
        }
        DatabaseUrl url = outcome.value();
        for (String printed : List.of(url.masked(), url.jdbcUrl(), url.toString())) {
            for (String secret : secrets) {
                assertTrue(!printed.contains(secret), () -> "the password in " + printed + " of " + Fuzz.show(c.url()));
            }
        }
    }

    /**
     * The password as written and decoded, and, for a password given in the query, its pieces after
     * an '&' (which the query splits off as parameters of their own), when long enough to be told apart from the message's own words.
     */
    private static List<String> secrets(String password, boolean inQuery) {
        List<String> secrets = new java.util.ArrayList<>(List.of(password, decodeLoosely(password)));
        String[] pieces = inQuery ? password.split("&") : new String[0];
        for (int i = 1; i < pieces.length; i++) {
            String key = pieces[i].indexOf('=') < 0 ? pieces[i] : pieces[i].substring(0, pieces[i].indexOf('='));
            secrets.add(key);
        }
        return secrets.stream().filter(s -> s.length() >= 6).distinct().toList();
    }

    /** A password with '&' in a query: what follows it must not be quoted as a parameter name. */
    @Example
    void thePieceOfAPasswordAfterAnAmpersandIsNotQuoted() {
        check(new Case("postgresql://app@localhost/db?password=Pw9a&secret=%zz", "Pw9a&secret=%zz"));
    }

    private static String decodeLoosely(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Provide
    Arbitrary<Case> urls() {
        Arbitrary<String> scheme = Arbitraries.of("postgresql://", "postgres://", "postgresql+asyncpg://", "jdbc:postgresql://",
                "jdbc:postgresql:", "POSTGRESQL://", "http://", "mysql://", "postgresql:/", "", "postgresql+://", "xx yy://");
        Arbitrary<String> user = Arbitraries.of("", "app", "u%40x", "a:b", "é", "%zz", "u@");
        Arbitrary<String> hosts = Arbitraries.of("localhost", "db.example.com", "127.0.0.1", "[::1]", "[::1", "::1", "[fe80::1%eth0]",
                "h1:5432,h2:5433", "h1,,h2", "", "bad host", "h:99999", "h:0", "h:port", "/tmp/sock", "%2Ftmp", "h%zz", "[]", "h:");
        Arbitrary<String> path = Arbitraries.of("", "/", "/db", "/a/b", "/d%2Fb", "/%zz", "/é", "/db#x");
        Arbitrary<String> query = Arbitraries.of("", "?", "?sslmode=require", "?ssl=true", "?password=", "?user=x&password=",
                "?host=h&port=6543", "?port=x", "?a=%zz", "?%zz=1", "?dbname=", "?keepalives=0", "?target_session_attrs=read-only");
        Arbitrary<String> secret = Combinators.combine(Arbitraries.of("Pw9", "Zq7", "Xx3"),
                Arbitraries.strings().withCharRange('a', 'z').withChars('%', '@', ':', '/', '?', '#', '&', '=', '+', '[', ']', ',',
                        ' ', 'é', '\0').ofMinLength(3).ofMaxLength(12)).as((a, b) -> a + b);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 3);
        return Combinators.combine(scheme, user, secret, hosts, path, query, where).as((s, u, pw, h, p, q, w) -> switch (w) {
            case 0 -> new Case(s + u + ":" + pw + "@" + h + p + q, pw);
            case 1 -> new Case(s + u + ":" + pw + h + p + q, pw);
            case 2 -> new Case(s + h + p + "?password=" + pw + (q.isEmpty() ? "" : "&" + q.substring(1)), pw);
            default -> new Case(s + u + ":" + pw + "@" + h + p + "?password=" + pw + q.replace('?', '&'), pw);
        });
    }

    @Provide
    Arbitrary<String> anyChars() {
        return Arbitraries.strings().all().ofMaxLength(120).map(s -> "postgresql://" + s);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '@', ':', '/', '?', '#', '%', '+', ' ', 'é', '&', '=')
                .ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> secrets() {
        return names().map(n -> "Pw9" + n);
    }

    @Provide
    Arbitrary<String> hostNames() {
        return Arbitraries.of("localhost", "db.example.com", "127.0.0.1", "my-host_1", "::1", "fe80::1");
    }

    @Provide
    Arbitrary<Integer> ports() {
        return Arbitraries.integers().between(1, 65535);
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of("postgresql://", "postgres://", "postgresql+psycopg2://", "jdbc:postgresql://");
    }
}
