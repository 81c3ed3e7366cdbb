package dev.migrate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://app:s3cret@db.example.com:5432/app",
            "postgres://app:s3cret@db.example.com:5432/app",
            "postgresql+asyncpg://app:s3cret@db.example.com:5432/app",
            "postgresql+psycopg2://app:s3cret@db.example.com/app",
            "postgresql+psycopg://app:s3cret@db.example.com/app",
            "jdbc:postgresql://db.example.com:5432/app?user=app&password=s3cret",
            "jdbc:postgresql://app:s3cret@db.example.com/app",
            "  POSTGRESQL://app:s3cret@db.example.com:5432/app  ",
    })
    void everyFormGivesTheSameTarget(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertEquals("jdbc:postgresql://db.example.com:5432/app", parsed.jdbcUrl());
        assertEquals("postgresql://app@db.example.com:5432/app", parsed.masked());
        assertEquals(Optional.of("app"), parsed.user());
        assertEquals(Optional.of("s3cret"), parsed.password());
        assertEquals(Map.of(), parsed.properties());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "p%40ss%3Aw%2Ford                | p@ss:w/ord",
            "a+b                             | a+b",
            "a%2Bb                           | a+b",
            "100%25sure                      | 100%sure",
            "hash%23tag                      | hash#tag",
            "with%20space%20s                | with space s",
            "%C3%A9t%C3%A9                   | été",
            "q%3Fmark%26amp%3Deq             | q?mark&amp=eq",
            "raw:colon                       | raw:colon",
            "raw@at                          | raw@at",
            "all%40%3A%2F%2B%25%23%20mixed+  | all@:/+%# mixed+",
    })
    void passwordIsPercentDecodedWithPlusKept(String encoded, String decoded) {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://app:" + encoded + "@db.example.com/app");
        assertEquals(Optional.of(decoded), parsed.password());
        assertEquals("db.example.com", parsed.hosts().get(0).host());
        assertFalse(parsed.jdbcUrl().contains("app:"), parsed.jdbcUrl());
        assertEquals("postgresql://app@db.example.com:5432/app", parsed.masked());
    }

    @Test
    void userIsPercentDecodedAndReEncodedWhenMasked() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://me%40corp:pw@db.example.com/app");
        assertEquals(Optional.of("me@corp"), parsed.user());
        assertEquals("postgresql://me%40corp@db.example.com:5432/app", parsed.masked());
    }

    @Test
    void supabasePoolerUserWithDotIsKept() {
        DatabaseUrl parsed = DatabaseUrl.parse(
                "postgresql://postgres.abcdefghij:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres");
        assertEquals(Optional.of("postgres.abcdefghij"), parsed.user());
        assertEquals(List.of(new DatabaseUrl.Host("aws-0-eu-central-1.pooler.supabase.com", 6543)), parsed.hosts());
    }

    @Test
    void credentialsAreDriverPropertiesOnly() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://app:pw@db/app?sslmode=require");
        Properties properties = parsed.driverProperties();
        assertEquals("app", properties.getProperty("user"));
        assertEquals("pw", properties.getProperty("password"));
        assertEquals("require", properties.getProperty("sslmode"));
        assertEquals("jdbc:postgresql://db:5432/app", parsed.jdbcUrl());
    }

    @Test
    void noCredentials() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://db.example.com/app");
        assertEquals(Optional.empty(), parsed.user());
        assertEquals(Optional.empty(), parsed.password());
        assertEquals("postgresql://db.example.com:5432/app", parsed.masked());
        assertEquals(new Properties(), parsed.driverProperties());
    }

    @Test
    void userWithoutPasswordAndEmptyPassword() {
        assertEquals(Optional.empty(), DatabaseUrl.parse("postgresql://app@db/app").password());
        assertEquals(Optional.empty(), DatabaseUrl.parse("postgresql://app:@db/app").password());
        assertEquals(Optional.of("app"), DatabaseUrl.parse("postgresql://app:@db/app").user());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgresql://app:pw@[::1]:6000/app          | jdbc:postgresql://[::1]:6000/app",
            "postgresql://[::1]/app                      | jdbc:postgresql://[::1]:5432/app",
            "postgresql://[2001:db8::1234]:5433/app      | jdbc:postgresql://[2001:db8::1234]:5433/app",
            "jdbc:postgresql://[fe80::1%25eth0]:5432/app | jdbc:postgresql://[fe80::1%25eth0]:5432/app",
            "postgresql:///app                           | jdbc:postgresql://localhost:5432/app",
            "postgresql://:5433/app                      | jdbc:postgresql://localhost:5433/app",
            "postgresql://db                             | jdbc:postgresql://db:5432/",
            "postgresql://db/                            | jdbc:postgresql://db:5432/",
            "jdbc:postgresql:app                         | jdbc:postgresql://localhost:5432/app",
            "jdbc:postgresql:/app                        | jdbc:postgresql://localhost:5432/app",
            "postgresql://a:pw@h1:5432,h2:5433,[::1]/app | jdbc:postgresql://h1:5432,h2:5433,[::1]:5432/app",
            "postgresql://db/my%20db%2Bx                 | jdbc:postgresql://db:5432/my%20db%2Bx",
            "postgresql:///app?host=db2&port=5444        | jdbc:postgresql://db2:5444/app",
            "postgresql://db/x?dbname=other              | jdbc:postgresql://db:5432/other",
    })
    void hostsPortsAndDatabases(String url, String jdbcUrl) {
        assertEquals(jdbcUrl, DatabaseUrl.parse(url).jdbcUrl());
    }

    @Test
    void ipv6HostIsKeptWithoutBrackets() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://u:p@[::1]:6000/app");
        assertEquals(new DatabaseUrl.Host("::1", 6000), parsed.hosts().get(0));
        assertTrue(parsed.hosts().get(0).isIpv6());
        assertEquals("postgresql://u@[::1]:6000/app", parsed.masked());
    }

    @Test
    void databaseNameIsDecoded() {
        assertEquals("my db+x", DatabaseUrl.parse("postgresql://db/my%20db%2Bx").database());
        assertEquals("a+b", DatabaseUrl.parse("postgresql://db/a+b").database());
    }

    @Test
    void libpqAndSqlAlchemyParametersBecomePgjdbcProperties() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql+psycopg2://app:pw@db/app"
                + "?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Froot.crt&application_name=my+app"
                + "&options=-c%20search_path%3Dcore&connect_timeout=10&target_session_attrs=read-write"
                + "&keepalives=1&gssencmode=disable&sslcert=c.pem");
        assertEquals(Map.of(
                "sslmode", "verify-full",
                "sslrootcert", "/etc/ssl/root.crt",
                "ApplicationName", "my+app",
                "options", "-c search_path=core",
                "connectTimeout", "10",
                "targetServerType", "primary",
                "tcpKeepAlive", "true",
                "gssEncMode", "disable",
                "sslcert", "c.pem"), parsed.properties());
    }

    @Test
    void asyncpgParameters() {
        DatabaseUrl parsed = DatabaseUrl.parse(
                "postgresql+asyncpg://app:pw@db/app?ssl=require&prepared_statement_cache_size=0");
        assertEquals(Map.of("sslmode", "require", "prepareThreshold", "0"), parsed.properties());
        assertEquals(Map.of("sslmode", "disable"), DatabaseUrl.parse("postgresql+asyncpg://db/app?ssl=false").properties());
    }

    @Test
    void jdbcParametersPassThroughUnchanged() {
        DatabaseUrl parsed = DatabaseUrl.parse("jdbc:postgresql://db/app?ssl=true&ApplicationName=x"
                + "&prepareThreshold=0&user=app&password=p%40ss");
        assertEquals(Map.of("ssl", "true", "ApplicationName", "x", "prepareThreshold", "0"), parsed.properties());
        assertEquals(Optional.of("p@ss"), parsed.password());
        assertEquals("jdbc:postgresql://db:5432/app", parsed.jdbcUrl());
    }

    @Test
    void queryCredentialsOverrideUserInfo() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://a:b@db/app?user=c&password=d");
        assertEquals(Optional.of("c"), parsed.user());
        assertEquals(Optional.of("d"), parsed.password());
    }

    @Test
    void toStringIsMasked() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://app:TopS3cret@db/app");
        assertEquals("postgresql://app@db:5432/app", parsed.toString());
        assertFalse(parsed.toString().contains("TopS3cret"));
    }

    @Test
    void withers() {
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://app:pw@db/app?sslmode=require");
        DatabaseUrl changed = parsed.withUser("other").withPassword(null).withProperty("sslmode", null)
                .withProperty("prepareThreshold", "0").withHosts(List.of(new DatabaseUrl.Host("db2", 6543)));
        assertEquals("postgresql://other@db2:6543/app", changed.masked());
        assertEquals(Optional.empty(), changed.password());
        assertEquals(Map.of("prepareThreshold", "0"), changed.properties());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                      | Invalid database URL: it is empty",
            "db.example.com:5432/app                 | Invalid database URL: it must start with postgresql://, postgres://, postgresql+DRIVER:// or jdbc:postgresql://",
            "mysql://app:Secr3t@db/app               | Invalid database URL: unsupported scheme 'mysql'; use postgresql://, postgres://, postgresql+DRIVER:// or jdbc:postgresql://",
            "postgresql://app:Secr3t#x@db/app        | Invalid database URL: it contains '#'; if the password contains '#', percent-encode it as %23",
            "postgresql://app:Secr3t/x@db/app        | Invalid database URL: the user or password seems to contain a '/' or '?'; percent-encode them (%2F for /, %3F for ?)",
            "postgresql://app:Secr3t?x@db/app        | Invalid database URL: the user or password seems to contain a '/' or '?'; percent-encode them (%2F for /, %3F for ?)",
            "postgresql://app:Secr3t%zz@db/app       | Invalid database URL: malformed percent-encoding in the password (a '%' must be followed by two hex digits; write a literal '%' as %25)",
            "postgresql://app:Secr3t%2@db/app        | Invalid database URL: malformed percent-encoding in the password (a '%' must be followed by two hex digits; write a literal '%' as %25)",
            "postgresql://app:Secr3t@db:54x/app      | Invalid database URL: the port is not a number",
            "postgresql://app:Secr3t@db:99999/app    | Invalid database URL: the port must be between 1 and 65535",
            "postgresql://app:Secr3t@::1/app         | Invalid database URL: an IPv6 host must be written in brackets, e.g. [::1]:5432",
            "postgresql://app:Secr3t@[::1/app        | Invalid database URL: an IPv6 host lacks its closing ']'",
            "postgresql://app:Secr3t@d%20b/app       | Invalid database URL: a host name contains characters other than letters, digits, '.', '-' and '_'",
            "postgresql://app:Secr3t@db/a/b          | Invalid database URL: the database name contains '/'; percent-encode it as %2F",
            "postgresql://app:Secr3t@h1,,h2/app      | Invalid database URL: the host list has an empty entry",
            "postgresql:///app?host=%2Fvar%2Frun     | Invalid database URL: Unix-domain sockets are not supported; give a host name and port",
    })
    void invalidUrlsGiveClearErrorsWithoutThePassword(String url, String message) {
        InvalidDatabaseUrlException error = assertThrows(InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse(url));
        assertEquals(message, error.getMessage());
        assertFalse(error.getMessage().contains("Secr3t"));
        assertEquals("Invalid database URL from environment variable DATABASE_URL: " + error.reason(),
                error.from("environment variable DATABASE_URL").getMessage());
    }

    @Test
    void nullIsEmpty() {
        assertEquals("Invalid database URL: it is empty",
                assertThrows(InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse(null)).getMessage());
    }
}
