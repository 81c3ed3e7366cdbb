package dev.migrate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.engine.MigrateException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {
    private static final String PASSWORD = "p@ss:w/o+r%d #x y";
    private final Secrets secrets = Secrets.of(PASSWORD);

    @Test
    void rawPassword() {
        assertEquals("password authentication failed, tried ***", secrets.scrub("password authentication failed, tried " + PASSWORD));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rfc3986 upper | p%40ss%3Aw%2Fo%2Br%25d%20%23x%20y",
            "rfc3986 lower | p%40ss%3aw%2fo%2br%25d%20%23x%20y",
            "form upper    | p%40ss%3Aw%2Fo%2Br%25d+%23x+y",
            "form lower    | p%40ss%3aw%2fo%2br%25d+%23x+y",
    })
    void percentEncodedForms(String form, String encoded) {
        assertEquals("at ***", secrets.scrub("at " + encoded), form);
        assertFalse(secrets.isClean("at " + encoded));
    }

    @Test
    void passwordInsideAUrl() {
        String url = "postgresql://app:" + PercentCoding.encode(PASSWORD) + "@db.example.com:5432/app";
        assertEquals("postgresql://app:***@db.example.com:5432/app", secrets.scrub(url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgresql://app:unknown@db.example.com/app            | postgresql://app:***@db.example.com/app",
            "postgres://app:unknown@db/app                          | postgres://app:***@db/app",
            "postgresql+asyncpg://app:unknown@db/app                | postgresql+asyncpg://app:***@db/app",
            "jdbc:postgresql://app:unknown@db/app                   | jdbc:postgresql://app:***@db/app",
            "java.net.UnknownHostException: app:unknown@db          | java.net.UnknownHostException: app:***@db",
            "host app:un@known@db.example.com refused               | host app:***@db.example.com refused",
            "to [app:unknown@[::1]:5432]                            | to [app:***@[::1]:5432]",
            "jdbc:postgresql://db/app?user=app&password=unknown&x=1 | jdbc:postgresql://db/app?user=app&password=***&x=1",
            "host=db user=app password=unknown dbname=app           | host=db user=app password=*** dbname=app",
            "password='un known' dbname=app                         | password=*** dbname=app",
            "Environment staging: postgresql://app@db:5432/app      | Environment staging: postgresql://app@db:5432/app",
            "at 10:30 the lock was taken                            | at 10:30 the lock was taken",
            "me@example.com wrote a:b                               | me@example.com wrote a:b",
    })
    void shapesOfUnknownSecrets(String text, String scrubbed) {
        assertEquals(scrubbed, Secrets.none().scrub(text));
    }

    @Test
    void nullAndEmpty() {
        assertNull(secrets.scrub(null));
        assertEquals("", secrets.scrub(""));
        assertTrue(Secrets.of((String) null, "").isClean("anything"));
        assertEquals("anything", Secrets.of((String) null, "").scrub("anything"));
    }

    @Test
    void severalSecretsLongestFirst() {
        Secrets both = Secrets.of("abc").and(Secrets.of("abcdef"));
        assertEquals("x *** y ***", both.scrub("x abcdef y abc"));
    }

    @Test
    void wrapScrubsMessageAndWholeCauseChain() {
        SQLException sql = new SQLException("The connection attempt failed.", "08001",
                new UnknownHostException("app:" + PASSWORD + "@db.example.com"));
        sql.addSuppressed(new IllegalStateException("retry with password=" + PASSWORD));
        MigrateException wrapped = secrets.wrap("Cannot connect to postgresql://app:" + PASSWORD + "@db/app", sql);

        assertEquals("Cannot connect to postgresql://app:***@db/app", wrapped.getMessage());
        Secrets.ScrubbedException cause = assertInstanceOf(Secrets.ScrubbedException.class, wrapped.getCause());
        assertEquals("java.sql.SQLException", cause.originalClassName());
        assertEquals(Optional.of("08001"), cause.sqlState());
        assertEquals("The connection attempt failed.", cause.getMessage());
        assertEquals("java.net.UnknownHostException: app:***@db.example.com", cause.getCause().toString());
        assertEquals("java.lang.IllegalStateException: retry with password=***", cause.getSuppressed()[0].toString());
        assertEquals(sql.getStackTrace().length, cause.getStackTrace().length);

        StringWriter trace = new StringWriter();
        wrapped.printStackTrace(new PrintWriter(trace));
        assertTrue(secrets.isClean(trace.toString()), trace.toString());
        assertFalse(trace.toString().contains("w/o+r"), trace.toString());
        assertTrue(trace.toString().contains("Caused by: java.net.UnknownHostException: app:***@db.example.com"), trace.toString());
    }

    @Test
    void wrapTakesTheCausesMessage() {
        MigrateException wrapped = secrets.wrap(new UnknownHostException("app:" + PASSWORD + "@db"));
        assertEquals("app:***@db", wrapped.getMessage());
        assertEquals("java.net.UnknownHostException: app:***@db", wrapped.getCause().toString());
        assertEquals("java.lang.IllegalStateException", secrets.wrap(new IllegalStateException()).getMessage());
    }

    @Test
    void wrapWithoutCauseAndCyclicCauses() {
        assertNull(secrets.wrap("plain", null).getCause());
        RuntimeException a = new RuntimeException("a " + PASSWORD);
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        Secrets.ScrubbedException copy = secrets.scrubbed(b);
        assertEquals("a ***", copy.getCause().getMessage());
        assertSame(copy, copy.getCause().getSuppressed()[0]);
    }

    @Test
    void aOneCharacterPasswordIsMaskedAsATokenOnly() {
        Secrets x = Secrets.of("x");
        assertEquals("index ux_a on db.staging.example.com", x.scrub("index ux_a on db.staging.example.com"));
        assertTrue(x.isClean("index ux_a on db.staging.example.com"));
        assertEquals("password *** was refused", x.scrub("password x was refused"));
        assertEquals("postgresql://app:***@db.example.com/app", x.scrub("postgresql://app:x@db.example.com/app"));
        assertEquals("***", x.scrub("x"));
        assertFalse(x.isClean("tried x."));
    }

    @Test
    void aShortPasswordDoesNotMangleTheDriversMessage() {
        String driver = "FATAL: password authentication failed for user \"app\" (database app_db, host 10.0.0.1)";
        assertEquals(driver, Secrets.of("a").scrub(driver));
        assertEquals(driver, Secrets.of("pp").scrub(driver));
        assertEquals(driver, Secrets.of("1").scrub(driver));
    }

    @Test
    void aPasswordWithPunctuationAtItsEdgesIsMaskedWhateverTouchesIt() {
        Secrets punctuated = Secrets.of("-x-");
        assertEquals("a***b", punctuated.scrub("a-x-b"));
        Secrets mixed = Secrets.of("#pw");
        assertEquals("abc***", mixed.scrub("abc#pw"), "the leading '#' is no word character: masked");
        assertEquals("***x", Secrets.of("pw#").scrub("pw#x"));
        assertEquals("apw#x", Secrets.of("pw#").scrub("apw#x"), "a word character touches the word edge 'p'");
    }

    @Test
    void aLongPasswordIsMaskedEverywhereItStands() {
        String long64 = "Zq7!vR2#kP9@wX4$mN6%tL8^bH3&cJ5*dF1(gS0)aE2-yU7_iO4+pA6=sD9?qW3";
        Secrets secrets = Secrets.of(long64);
        assertEquals("auth failed with *** for app", secrets.scrub("auth failed with " + long64 + " for app"));
        assertEquals("at ***", secrets.scrub("at " + PercentCoding.encode(long64)));
        assertEquals("x ***y", secrets.scrub("x " + long64 + "y"), "a long secret is masked even inside a word");
        assertTrue(secrets.isClean("nothing secret in ux_a"));
    }

    @Test
    void aPasswordInsideALongerWordIsLeftAlone() {
        Secrets secrets = Secrets.of("secret");
        assertEquals("mysecretary", secrets.scrub("mysecretary"));
        assertEquals("password=*** and *** and ***.", secrets.scrub("password=secret and secret and secret."));
        assertEquals("host db-1.example.com port 5432", Secrets.of("1").scrub("host db-1.example.com port 5432"));
        assertEquals("tried ***, ***.", Secrets.of("1").scrub("tried 1, 1."));
    }
}
