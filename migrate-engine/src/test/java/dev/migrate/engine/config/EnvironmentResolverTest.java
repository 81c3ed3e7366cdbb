package dev.migrate.engine.config;

import dev.migrate.engine.Advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentResolverTest {
    @TempDir
    Path project;

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private EnvironmentResolver resolver() {
        return EnvironmentResolver.forProject(project);
    }

    @Nested
    class Selection {
        @BeforeEach
        void environments() throws IOException {
            write("environments/default.properties", "schema=public\n");
            write("environments/staging.properties", "url=postgresql://app@db.example.com/app\n");
            write("environments/supabase.properties", "url=postgresql://db.abc.supabase.co/postgres\n");
            write("environments/README.txt", "not an environment\n");
        }

        @Test
        void knownEnvironmentsAreLocalAndEveryFileButDefault() {
            assertEquals(List.of("local", "staging", "supabase"), resolver().knownEnvironments());
        }

        @Test
        void unknownEnvironmentFailsListingTheKnownOnes() {
            UnknownEnvironmentException error = assertThrows(UnknownEnvironmentException.class,
                    () -> resolver().resolve("stagin"));
            assertEquals("Unknown environment 'stagin'; known environments: local, staging, supabase "
                    + "(an environment NAME is defined by environments/NAME.properties)", error.getMessage());
            assertEquals("stagin", error.environment());
            assertEquals(List.of("local", "staging", "supabase"), error.knownEnvironments());
        }

        @Test
        void defaultAndPathsAreNotEnvironments() {
            assertThrows(UnknownEnvironmentException.class, () -> resolver().resolve("default"));
            assertThrows(UnknownEnvironmentException.class, () -> resolver().resolve("../environments/staging"));
        }

        @Test
        void unknownEnvironmentFailsBeforeReadingAnySetting() throws IOException {
            write(".env", "this is not valid\n");
            assertThrows(UnknownEnvironmentException.class, () -> resolver().resolve("production"));
        }

        @Test
        void withoutEnvironmentsFolderOnlyLocalIsKnown(@TempDir Path empty) {
            assertEquals(List.of("local"), EnvironmentResolver.forProject(empty).knownEnvironments());
            assertEquals("Unknown environment 'staging'; known environments: local "
                            + "(an environment NAME is defined by environments/NAME.properties)",
                    assertThrows(UnknownEnvironmentException.class,
                            () -> EnvironmentResolver.forProject(empty).resolve("staging")).getMessage());
        }

        @Test
        void nullOrBlankMeansLocal() {
            assertEquals("local", resolver().resolve(null).name());
            assertEquals("local", resolver().resolve("  ").name());
            assertEquals("staging", resolver().resolve(" staging ").name());
        }
    }

    @Nested
    class Local {
        @Test
        void localWithoutUrlIsEmbedded() {
            EnvironmentConfig config = resolver().resolve(null);
            assertTrue(config.embedded());
            assertEquals(Optional.of(project.resolve("target/migrate/local-db")), config.embeddedDataDir());
            assertEquals(Optional.empty(), config.jdbcUrl());
            assertEquals("Environment local: embedded PostgreSQL in target/migrate/local-db (schema public)",
                    config.description());
            assertEquals("public", config.schema());
            assertEquals("migrate_version", config.versionTable());
            assertEquals("migrate_history", config.historyTable());
            assertFalse(config.protectedEnvironment());
            assertEquals(PoolerMode.SESSION, config.pooler());
            assertEquals(List.of(), config.notices());
        }

        @Test
        void localWithUrlIsNotEmbedded() throws IOException {
            write("environments/local.properties", "url=postgresql://postgres@localhost:5433/dev\n");
            EnvironmentConfig config = resolver().resolve("local");
            assertFalse(config.embedded());
            assertEquals(Optional.of("jdbc:postgresql://localhost:5433/dev"), config.jdbcUrl());
        }

        @Test
        void embeddedServerIsFilledInLater() {
            EnvironmentConfig config = resolver().resolve("local")
                    .withEmbeddedServer(DatabaseUrl.parse("postgresql://postgres@localhost:54321/postgres"));
            assertEquals(Optional.of("jdbc:postgresql://localhost:54321/postgres"), config.jdbcUrl());
            assertEquals("postgres", config.driverProperties().getProperty("user"));
            assertEquals("Environment local: embedded PostgreSQL postgresql://postgres@localhost:54321/postgres "
                    + "(schema public)", config.description());
            assertTrue(config.embedded());
        }

        @Test
        void remoteEnvironmentWithoutUrlFails() throws IOException {
            write("environments/staging.properties", "schema=app\n");
            assertEquals("Environment staging has no url: set url in environments/staging.properties, "
                            + "or the environment variable MIGRATE_URL or DATABASE_URL",
                    assertThrows(MissingSettingException.class, () -> resolver().resolve("staging")).getMessage());
        }
    }

    @Test
    void stagingFromItsFile() throws IOException {
        write("environments/staging.properties", """
                url=postgresql://app:s3cret@db.example.com:5432/app?sslmode=verify-full
                schema=public
                versionTable=alembic_version
                historyTable=deploy_history
                lockTimeout=5s
                statementTimeout=2min
                protected=true
                """);
        EnvironmentConfig config = resolver().resolve("staging");
        assertEquals("Environment staging: postgresql://app@db.example.com:5432/app (schema public)", config.description());
        assertEquals(Optional.of("jdbc:postgresql://db.example.com:5432/app"), config.jdbcUrl());
        Properties expected = new Properties();
        expected.putAll(Map.of("user", "app", "password", "s3cret", "sslmode", "verify-full", "ApplicationName", "migrate"));
        assertEquals(expected, config.driverProperties());
        assertEquals("alembic_version", config.versionTable());
        assertEquals("deploy_history", config.historyTable());
        assertEquals(Optional.of(Duration.ofSeconds(5)), config.lockTimeout());
        assertEquals(Optional.of(Duration.ofMinutes(2)), config.statementTimeout());
        assertEquals(Map.of("lock_timeout", "5s", "statement_timeout", "2min"), config.sessionSettings());
        assertTrue(config.protectedEnvironment());
        assertFalse(config.supabase());
        assertEquals(Optional.of("s3cret"), config.password());
        assertFalse(config.toString().contains("s3cret"), config.toString());
        assertEquals("environments/staging.properties (in url)", config.origins().get("password"));
    }

    @Test
    void blankVariablesAreUnsetAndAnEmptyKeyInAFileUnsetsLowerLayers() throws IOException {
        write("environments/default.properties", "url=postgresql://shared/app\n");
        write("environments/local.properties", "url=\n");
        EnvironmentConfig local = resolver().withEnvironmentVariables(Map.of("MIGRATE_URL", " ", "MIGRATE_SCHEMA", ""))
                .resolve("local");
        assertTrue(local.embedded());
        assertEquals("public", local.schema());
        write("environments/staging.properties", "schema=app\n");
        EnvironmentConfig staging = resolver().withEnvironmentVariables(Map.of("MIGRATE_URL", "",
                "DATABASE_URL", "postgres://heroku/d")).resolve("staging");
        assertEquals(Optional.of("jdbc:postgresql://shared:5432/app"), staging.jdbcUrl(),
                "DATABASE_URL is only a fallback: the defaults' url comes first");
    }

    @Test
    void aKeyWrittenTwiceTakesItsLastValue() throws IOException {
        write("environments/staging.properties", "url=postgresql://db/one\nurl=postgresql://db/two\n");
        assertEquals(Optional.of("jdbc:postgresql://db:5432/two"), resolver().resolve("staging").jdbcUrl());
    }

    @Test
    void passwordsWithDollarsAndBracesSurviveInterpolation() throws IOException {
        write("environments/staging.properties", "url=postgresql://db/app\npassword=${env:PW}\n");
        assertEquals("a$b{c}${d}e\\f", resolver().withEnvironmentVariables(Map.of("PW", "a$b{c}${d}e\\f"))
                .resolve("staging").password().orElseThrow());
    }

    @Test
    void protectedEnvironmentNeedsItsNameAsConfirmation() throws IOException {
        write("environments/staging.properties", "url=postgresql://db/app\nprotected=true\n");
        EnvironmentConfig staging = resolver().resolve("staging");
        ProtectedEnvironmentException error = assertThrows(ProtectedEnvironmentException.class,
                () -> staging.checkConfirmed("downgrade", null));
        assertEquals("Environment staging is protected: downgrade needs migrate.confirm=staging", error.getMessage());
        assertThrows(ProtectedEnvironmentException.class, () -> staging.checkConfirmed("stamp", "local"));
        staging.checkConfirmed("downgrade", "staging");
        resolver().resolve("local").checkConfirmed("downgrade", null);
    }

    /** One test per layer: each sets schema in that layer and every lower one, and must win. */
    @Nested
    class Precedence {
        private static final String STAGING = "environments/staging.properties";
        private static final String DEFAULT = "environments/default.properties";

        private EnvironmentConfig resolveWithLayersFrom(int highest) throws IOException {
            EnvironmentResolver resolver = resolver().withPluginConfiguration(Map.of("schema", "from_plugin"));
            write(STAGING, "url=postgresql://db.example.com/app\n");
            if (highest <= 5) {
                write(DEFAULT, "schema=from_default\n");
            }
            if (highest <= 4) {
                write(STAGING, "url=postgresql://db.example.com/app\nschema=from_staging\n");
            }
            if (highest <= 3) {
                write(".env", "MIGRATE_SCHEMA=from_dotenv\n");
            }
            if (highest <= 2) {
                resolver = resolver.withEnvironmentVariables(Map.of("MIGRATE_SCHEMA", "from_environment"));
            }
            if (highest <= 1) {
                resolver = resolver.withSystemProperties(Map.of("migrate.schema", "from_system"));
            }
            return resolver.resolve("staging");
        }

        @Test
        void systemPropertyBeatsEnvironmentVariable() throws IOException {
            EnvironmentConfig config = resolveWithLayersFrom(1);
            assertEquals("from_system", config.schema());
            assertEquals("system property migrate.schema", config.origins().get("schema"));
        }

        @Test
        void environmentVariableBeatsDotEnv() throws IOException {
            EnvironmentConfig config = resolveWithLayersFrom(2);
            assertEquals("from_environment", config.schema());
            assertEquals("environment variable MIGRATE_SCHEMA", config.origins().get("schema"));
        }

        @Test
        void dotEnvBeatsEnvironmentFile() throws IOException {
            EnvironmentConfig config = resolveWithLayersFrom(3);
            assertEquals("from_dotenv", config.schema());
            assertEquals(".env variable MIGRATE_SCHEMA", config.origins().get("schema"));
        }

        @Test
        void environmentFileBeatsDefaultFile() throws IOException {
            EnvironmentConfig config = resolveWithLayersFrom(4);
            assertEquals("from_staging", config.schema());
            assertEquals(STAGING, config.origins().get("schema"));
        }

        @Test
        void defaultFileBeatsPluginConfiguration() throws IOException {
            EnvironmentConfig config = resolveWithLayersFrom(5);
            assertEquals("from_default", config.schema());
            assertEquals(DEFAULT, config.origins().get("schema"));
        }

        @Test
        void pluginConfigurationBeatsBuiltInDefault() throws IOException {
            EnvironmentConfig config = resolveWithLayersFrom(6);
            assertEquals("from_plugin", config.schema());
            assertEquals("plugin configuration <schema>", config.origins().get("schema"));
            assertEquals("Environment staging: postgresql://" + System.getProperty("user.name")
                    + "@db.example.com:5432/app (schema from_plugin)",
                    config.description());
        }

        @Test
        void settingsXmlCredentialsFillOnlyWhatNoLayerSets() throws IOException {
            write(STAGING, "url=postgresql://db.example.com/app\n");
            EnvironmentResolver resolver = resolver().withServerCredentials(Credentials.of("deployer", "from-server"));
            Properties fromServer = resolver.resolve("staging").driverProperties();
            assertEquals("deployer", fromServer.getProperty("user"));
            assertEquals("from-server", fromServer.getProperty("password"));

            Properties pluginUser = resolver.withPluginConfiguration(Map.of("user", "app"))
                    .resolve("staging").driverProperties();
            assertEquals("app", pluginUser.getProperty("user"));
            assertEquals("from-server", pluginUser.getProperty("password"));
        }

        @Test
        void everyKeyHasItsEnvironmentVariable() throws IOException {
            write(STAGING, "url=postgresql://db.example.com/app\n");
            EnvironmentConfig config = resolver().withEnvironmentVariables(Map.of(
                    "MIGRATE_VERSION_TABLE", "v", "MIGRATE_HISTORY_TABLE", "h", "MIGRATE_LOCK_TIMEOUT", "1500",
                    "MIGRATE_STATEMENT_TIMEOUT", "PT1M", "MIGRATE_SSL_MODE", "disable", "MIGRATE_SSL_ROOT_CERT", "/ca.crt",
                    "MIGRATE_PROTECTED", "yes", "MIGRATE_POOLER", "Transaction", "MIGRATE_USER", "u",
                    "MIGRATE_PASSWORD", "pw")).resolve("staging");
            assertEquals("v", config.versionTable());
            assertEquals("h", config.historyTable());
            assertEquals(Map.of("lock_timeout", "1500ms", "statement_timeout", "1min"), config.sessionSettings());
            assertTrue(config.protectedEnvironment());
            assertEquals(PoolerMode.TRANSACTION, config.pooler());
            Properties properties = config.driverProperties();
            assertEquals("disable", properties.getProperty("sslmode"));
            assertEquals("/ca.crt", properties.getProperty("sslrootcert"));
            assertEquals("u", properties.getProperty("user"));
            assertEquals("pw", properties.getProperty("password"));
            assertEquals("0", properties.getProperty("prepareThreshold"));
            assertEquals("MIGRATE_VERSION_TABLE", EnvironmentResolver.environmentVariable("versionTable"));
            assertEquals("MIGRATE_SSL_ROOT_CERT", EnvironmentResolver.environmentVariable("sslRootCert"));
        }
    }

    @Nested
    class Urls {
        @BeforeEach
        void staging() throws IOException {
            write("environments/staging.properties", """
                    url=postgresql://db.example.com/app
                    user=app
                    password=${env:STAGING_PASSWORD}
                    """);
        }

        @Test
        void databaseUrlNeverReplacesTheUrlOfANamedEnvironment() {
            EnvironmentConfig config = resolver().withEnvironmentVariables(Map.of(
                    "DATABASE_URL", "postgres://heroku:pw@other.example.com/d", "STAGING_PASSWORD", "pw"))
                    .resolve("staging");
            assertEquals(Optional.of("jdbc:postgresql://db.example.com:5432/app"), config.jdbcUrl());
            assertEquals("Environment staging: postgresql://app@db.example.com:5432/app (schema public)",
                    config.description());
            assertEquals(List.of("Ignoring environment variable DATABASE_URL (postgresql://heroku@other.example.com:5432/d): "
                    + "environment staging has its own url, from environments/staging.properties. DATABASE_URL only "
                    + "gives the url of an environment that names none; to override an environment's url use "
                    + "migrate.url or MIGRATE_URL."), config.notices().stream().map(Advice::plain).toList());
            assertFalse(config.notices().toString().contains("pw"));
        }

        @Test
        void databaseUrlPointingAtTheSameDatabaseIsIgnoredSilently() {
            EnvironmentConfig config = resolver().withEnvironmentVariables(Map.of(
                    "DATABASE_URL", "postgresql://db.example.com:5432/app", "STAGING_PASSWORD", "pw")).resolve("staging");
            assertEquals(List.of(), config.notices());
        }

        @Test
        void databaseUrlIsTheUrlOfAnEnvironmentThatNamesNone() throws IOException {
            write(".env", "DATABASE_URL=postgresql://dev@localhost:5432/app\n");
            EnvironmentConfig local = resolver().resolve("local");
            assertEquals(Optional.of("jdbc:postgresql://localhost:5432/app"), local.jdbcUrl());
            assertEquals(".env variable DATABASE_URL", local.origins().get("url"));
            assertEquals("Environment local: postgresql://dev@localhost:5432/app (schema public), "
                    + "url from .env variable DATABASE_URL", local.description());
            EnvironmentConfig shell = resolver().withEnvironmentVariables(Map.of(
                    "DATABASE_URL", "postgresql://dev@shell/app")).resolve("local");
            assertEquals(Optional.of("jdbc:postgresql://shell:5432/app"), shell.jdbcUrl());
        }

        @Test
        void onlyMigrateUrlOverridesAndTheLineSaysSo() {
            EnvironmentConfig fromMigrateUrl = resolver().withEnvironmentVariables(Map.of(
                    "DATABASE_URL", "postgres://other.example.com/d",
                    "MIGRATE_URL", "postgresql://third.example.com/t",
                    "STAGING_PASSWORD", "pw")).resolve("staging");
            assertEquals(Optional.of("jdbc:postgresql://third.example.com:5432/t"), fromMigrateUrl.jdbcUrl());
            assertEquals("Environment staging: postgresql://" + System.getProperty("user.name")
                    + "@third.example.com:5432/t (schema public), url from environment variable MIGRATE_URL "
                    + "(not the one in environments/staging.properties)", fromMigrateUrl.description());
            assertEquals(List.of("Ignoring environment variable DATABASE_URL (postgresql://other.example.com:5432/d): environment staging has its own url, from environment "
                            + "variable MIGRATE_URL. DATABASE_URL only gives the url of an environment that names "
                            + "none; to override an environment's url use migrate.url or MIGRATE_URL.",
                    "Ignoring user, password from environments/staging.properties: they go with the url written "
                            + "there, and the url in use comes from environment variable MIGRATE_URL"),
                    fromMigrateUrl.notices().stream().map(Advice::plain).sorted().toList());
            assertEquals(Optional.empty(), fromMigrateUrl.password());

            EnvironmentConfig fromSystemProperty = resolver().withSystemProperties(Map.of(
                    "migrate.url", "postgresql://u@fourth.example.com/f")).resolve("staging");
            assertEquals(Optional.of("jdbc:postgresql://fourth.example.com:5432/f"), fromSystemProperty.jdbcUrl());
            assertTrue(fromSystemProperty.description().endsWith(", url from system property migrate.url "
                    + "(not the one in environments/staging.properties)"), fromSystemProperty.description());
        }

        @Test
        void connectionSettingsAreNeverMixedFromTwoFiles() throws IOException {
            write("environments/default.properties", "url=postgresql://localhost/dev\nuser=dev\nsslMode=disable\n"
                    + "schema=app\n");
            write("environments/staging.properties", "url=postgresql://db.example.com/app\nsslMode=verify-full\n");
            EnvironmentConfig staging = resolver().resolve("staging");
            assertEquals("verify-full", staging.driverProperties().getProperty("sslmode"));
            assertEquals(System.getProperty("user.name"), staging.driverProperties().getProperty("user"));
            assertEquals("app", staging.schema(), "settings other than connection ones still come from defaults");
            assertEquals(List.of("Ignoring user, sslMode from environments/default.properties: they go with the url "
                    + "written there, and the url in use comes from environments/staging.properties"), staging.notices());

            write("environments/local.properties", "schema=public\n");
            EnvironmentConfig local = resolver().resolve("local");
            assertEquals("dev", local.driverProperties().getProperty("user"));
            assertEquals("disable", local.driverProperties().getProperty("sslmode"));
        }

        @Test
        void aUrlWithoutDatabaseIsRefusedNamingTheOneTheDriverWouldPick() {
            InvalidDatabaseUrlException e = assertThrows(InvalidDatabaseUrlException.class, () -> resolver()
                    .withSystemProperties(Map.of("migrate.url", "postgresql://")).resolve("local"));
            assertEquals("Invalid database URL from system property migrate.url: it names no database, so the driver "
                    + "would connect to the database named after the user, '" + System.getProperty("user.name")
                    + "'; add the database name, e.g. postgresql://localhost:5432/app", e.getMessage());
            InvalidDatabaseUrlException withUser = assertThrows(InvalidDatabaseUrlException.class, () -> resolver()
                    .withSystemProperties(Map.of("migrate.url", "postgresql://ann:secret@db:6000/")).resolve("local"));
            assertTrue(withUser.getMessage().contains("the database named after the user, 'ann'"), withUser.getMessage());
            assertFalse(withUser.getMessage().contains("secret"));
        }

        @Test
        void theLineAlwaysNamesUserAndDatabase() {
            EnvironmentConfig config = resolver().withSystemProperties(Map.of("migrate.url", "postgresql://db/app"))
                    .resolve("local");
            assertEquals("Environment local: postgresql://" + System.getProperty("user.name")
                    + "@db:5432/app (schema public), url from system property migrate.url", config.description());
            assertEquals("operating system user", config.origins().get("user"));
        }

        @Test
        void credentialsInAHigherLayerUrlBeatLowerKeys() {
            EnvironmentConfig config = resolver().withEnvironmentVariables(Map.of(
                    "MIGRATE_URL", "postgres://heroku:h%40pw@other.example.com/d")).resolve("staging");
            assertEquals("heroku", config.driverProperties().getProperty("user"));
            assertEquals("h@pw", config.driverProperties().getProperty("password"));
            assertEquals("environment variable MIGRATE_URL (in url)", config.origins().get("user"));
        }

        @Test
        void keysBeatCredentialsInAUrlOfTheSameOrALowerLayer() {
            EnvironmentConfig config = resolver()
                    .withPluginConfiguration(Map.of("url", "postgresql://plugin:pp@db/app"))
                    .withEnvironmentVariables(Map.of("STAGING_PASSWORD", "from-env"))
                    .resolve("staging");
            assertEquals("app", config.driverProperties().getProperty("user"));
            assertEquals("from-env", config.driverProperties().getProperty("password"));

            EnvironmentConfig sameLayer = resolver().withSystemProperties(Map.of(
                    "migrate.url", "postgresql://u1:p1@db/app", "migrate.user", "u2")).resolve("staging");
            assertEquals("u2", sameLayer.driverProperties().getProperty("user"));
            assertEquals("p1", sameLayer.driverProperties().getProperty("password"));
        }

        @Test
        void envInterpolationReadsEnvironmentThenDotEnv() throws IOException {
            assertEquals("from-env", resolver().withEnvironmentVariables(Map.of("STAGING_PASSWORD", "from-env"))
                    .resolve("staging").driverProperties().getProperty("password"));
            write(".env", "STAGING_PASSWORD='from dotenv $x'\n");
            assertEquals("from dotenv $x", resolver().resolve("staging").driverProperties().getProperty("password"));
            assertEquals("from-env", resolver().withEnvironmentVariables(Map.of("STAGING_PASSWORD", "from-env"))
                    .resolve("staging").driverProperties().getProperty("password"));
        }

        @Test
        void unresolvedVariableFailsNamingIt() {
            UnresolvedVariableException error = assertThrows(UnresolvedVariableException.class,
                    () -> resolver().resolve("staging"));
            assertEquals("The password in environments/staging.properties refers to ${env:STAGING_PASSWORD}, "
                    + "which is not set; set the environment variable STAGING_PASSWORD or define it in .env",
                    error.getMessage());
            assertEquals("env:STAGING_PASSWORD", error.reference());
        }

        @Test
        void unresolvedSystemPropertyFailsNamingIt() throws IOException {
            write("environments/staging.properties", "url=postgresql://db/${sys:db.name}\n");
            assertEquals("The url in environments/staging.properties refers to ${sys:db.name}, which is not set; "
                    + "pass -Ddb.name=…", assertThrows(UnresolvedVariableException.class,
                            () -> resolver().resolve("staging")).getMessage());
        }

        @Test
        void valuesOutsideFilesAreLiteral() {
            EnvironmentConfig config = resolver().withEnvironmentVariables(Map.of(
                    "MIGRATE_PASSWORD", "a${env:HOME}b", "HOME", "/root")).resolve("staging");
            assertEquals("a${env:HOME}b", config.driverProperties().getProperty("password"));
        }

        @Test
        void sysInterpolation() throws IOException {
            write("environments/staging.properties", "url=postgresql://db/${sys:db.name}\n");
            assertEquals(Optional.of("jdbc:postgresql://db:5432/orders"), resolver()
                    .withSystemProperties(Map.of("db.name", "orders")).resolve("staging").jdbcUrl());
        }

        @Test
        void invalidUrlNamesItsOriginButNotThePassword() {
            InvalidDatabaseUrlException error = assertThrows(InvalidDatabaseUrlException.class, () -> resolver()
                    .withEnvironmentVariables(Map.of("MIGRATE_URL", "postgresql://app:Secr3t@db:54x/app"))
                    .resolve("staging"));
            assertEquals("Invalid database URL from environment variable MIGRATE_URL: the port is not a number",
                    error.getMessage());
        }
    }

    @Nested
    class InvalidSettings {
        @BeforeEach
        void staging() throws IOException {
            write("environments/staging.properties", "url=postgresql://db/app\n");
        }

        private String failure(String key, String value) {
            return assertThrows(InvalidSettingException.class, () -> resolver()
                    .withSystemProperties(Map.of("migrate." + key, value)).resolve("staging")).getMessage();
        }

        @Test
        void messagesNameKeyOriginAndFix() {
            assertEquals("Invalid lockTimeout from system property migrate.lockTimeout: '5 secs' is not a duration "
                    + "(use e.g. 500ms, 5s, 2min, 1h or 0 for none)", failure("lockTimeout", "5 secs"));
            assertEquals("Invalid protected from system property migrate.protected: 'maybe' is not true or false",
                    failure("protected", "maybe"));
            assertEquals("Invalid pooler from system property migrate.pooler: 'statement' is neither session nor "
                    + "transaction", failure("pooler", "statement"));
            assertEquals("Invalid schema from system property migrate.schema: '" + "s".repeat(64)
                    + "' is not a PostgreSQL identifier (at most 63 bytes)", failure("schema", "s".repeat(64)));
        }

        @Test
        void unknownServerId() {
            assertEquals("Invalid serverId from plugin configuration <serverId>: no <server> with id 'db' in settings.xml",
                    assertThrows(InvalidSettingException.class, () -> resolver()
                            .withPluginConfiguration(Map.of("serverId", "db")).resolve("staging")).getMessage());
        }

        @Test
        void serverIdPicksCredentials() throws IOException {
            write("environments/staging.properties", "url=postgresql://db/app\nserverId=staging-db\n");
            EnvironmentConfig config = resolver()
                    .withServerCredentials(Credentials.of("generic", "generic"))
                    .withServerLookup(id -> id.equals("staging-db") ? Optional.of(Credentials.of("stager", "pw"))
                            : Optional.empty())
                    .resolve("staging");
            assertEquals("stager", config.driverProperties().getProperty("user"));
            assertEquals("settings.xml server", config.origins().get("password"));
        }

        @Test
        void unknownKeysInAFileAreRefusedNamingTheNearest() throws IOException {
            write("environments/staging.properties", "url=postgresql://db/app\n# a comment\nlockTimout=1s\n");
            UnknownSettingException e = assertThrows(UnknownSettingException.class, () -> resolver().resolve("staging"));
            assertEquals("Unknown key 'lockTimout' in environments/staging.properties line 3: did you mean "
                    + "'lockTimeout'? The known keys are url, user, password, schema, versionTable, historyTable, "
                    + "lockTimeout, lockRetries, statementTimeout, sslMode, sslRootCert, protected, pooler, serverId, "
                    + "shadowUrl.", e.getMessage());
            write("environments/staging.properties", "url=postgresql://db/app\n");
            write("environments/default.properties", "colour=blue\n");
            UnknownSettingException far = assertThrows(UnknownSettingException.class, () -> resolver().resolve("staging"));
            assertEquals(Optional.empty(), far.suggestion());
            assertTrue(far.getMessage().startsWith("Unknown key 'colour' in environments/default.properties line 1: "
                    + "The known keys are url,"), far.getMessage());
        }

        @Test
        void unknownKeysInThePluginSettingsAndDotEnvAreRefused() throws IOException {
            UnknownSettingException plugin = assertThrows(UnknownSettingException.class, () -> resolver()
                    .withPluginConfiguration(Map.of("shema", "x")).resolve("staging"));
            assertEquals(Optional.of("schema"), plugin.suggestion());
            assertTrue(plugin.getMessage().startsWith("Unknown key 'shema' in the plugin's <settings>: did you mean "
                    + "'schema'?"), plugin.getMessage());
            write(".env", "OTHER_TOOL=1\nMIGRATE_LOCK_TIMOUT=1s\n");
            UnknownSettingException dotEnv = assertThrows(UnknownSettingException.class, () -> resolver().resolve("staging"));
            assertEquals(Optional.of("MIGRATE_LOCK_TIMEOUT"), dotEnv.suggestion());
            assertTrue(dotEnv.getMessage().startsWith("Unknown key 'MIGRATE_LOCK_TIMOUT' in .env: did you mean "
                    + "'MIGRATE_LOCK_TIMEOUT'?"), dotEnv.getMessage());
        }

        @Test
        void aBadUnicodeEscapeNamesFileAndLine() throws IOException {
            write("environments/staging.properties", "url=postgresql://db/app\nschema=caf\\u00g9\n");
            ConfigException e = assertThrows(ConfigException.class, () -> resolver().resolve("staging"));
            assertEquals("environments/staging.properties line 2: a '\\u' escape must be followed by four hexadecimal "
                    + "digits (e.g. \\u00e9); write a backslash itself as \\\\", e.getMessage());
            write("environments/staging.properties", "url=postgresql://db/app\nsslRootCert=C:\\\\users\\\\ca.crt\n");
            assertEquals("C:\\users\\ca.crt", resolver().resolve("staging").driverProperties().getProperty("sslrootcert"));
        }

        @Test
        void propertiesSyntaxIsKeptWhetherOrNotTheFileIncludesAnother() throws IOException {
            String body = "url = postgresql://db/\\\n    app\r\n! a comment\nschema:caf\\u00e9\nuser app_user\n"
                    + "lockTimeout=1s\nlockTimeout=3s\n";
            write("environments/staging.properties", body);
            EnvironmentConfig plain = resolver().resolve("staging");
            write("environments/shared.properties", "statementTimeout=1min\n");
            write("environments/staging.properties", body + "include = shared.properties\n");
            EnvironmentConfig including = resolver().resolve("staging");
            for (EnvironmentConfig config : List.of(plain, including)) {
                assertEquals(Optional.of("jdbc:postgresql://db:5432/app"), config.jdbcUrl());
                assertEquals("caf\u00e9", config.schema());
                assertEquals("app_user", config.driverProperties().getProperty("user"));
                assertEquals(Optional.of(Duration.ofSeconds(3)), config.lockTimeout());
            }
            assertEquals(Optional.of(Duration.ofMinutes(1)), including.statementTimeout());
        }

        @Test
        void keysAreUnescapedAsValuesAre() throws IOException {
            String body = "url=postgresql://db/app\nlock\\u0054imeout=2s\nstatement\\tTimeout=5s\n";
            write("environments/staging.properties", body.replace("\\tTimeout", "Timeout"));
            EnvironmentConfig plain = resolver().resolve("staging");
            write("environments/shared.properties", "schema=app\n");
            write("environments/staging.properties", body.replace("\\tTimeout", "Timeout")
                    + "include = shared.properties\n");
            EnvironmentConfig including = resolver().resolve("staging");
            for (EnvironmentConfig config : List.of(plain, including)) {
                assertEquals(Optional.of(Duration.ofSeconds(2)), config.lockTimeout());
                assertEquals(Optional.of(Duration.ofSeconds(5)), config.statementTimeout());
            }
            assertEquals("app", including.schema());
            // a backslash before an ordinary letter stays, in a key as in a value: the key is then unknown
            write("environments/staging.properties", "url=postgresql://db/app\nstatement\\Timeout=5s\n");
            ConfigException unknown = assertThrows(ConfigException.class, () -> resolver().resolve("staging"));
            assertTrue(unknown.getMessage().contains("statement\\Timeout"), unknown.getMessage());
            // \t is a tab, as in a value: a key with a tab in it is unknown too
            write("environments/staging.properties", body);
            assertThrows(ConfigException.class, () -> resolver().resolve("staging"));
        }

        @Test
        void aBrokenSymbolicLinkSaysWhy() throws IOException {
            Files.delete(project.resolve("environments/staging.properties"));
            Files.createSymbolicLink(project.resolve("environments/staging.properties"), project.resolve("nowhere.properties"));
            ConfigException e = assertThrows(ConfigException.class, () -> resolver().resolve("staging"));
            assertEquals("Cannot read environments/staging.properties: it is a symbolic link to "
                    + project.resolve("nowhere.properties") + ", which does not exist. Point the link at an existing "
                    + "file, or remove it.", e.getMessage());
        }
    }
}
