package dev.migrate.engine.config;

import dev.migrate.engine.Version;
import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.LockMode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.interpol.Lookup;
import org.apache.commons.configuration2.io.FileHandler;

/**
 * Resolves an environment's settings from all layers into an {@link EnvironmentConfig}.
 *
 * <p>Precedence, highest first (the whole order lives in {@link #layers}):
 * <ol>
 *   <li>system properties {@code migrate.KEY} ({@code -Dmigrate.url=…});</li>
 *   <li>environment variables {@code MIGRATE_KEY} in upper snake case ({@code MIGRATE_URL},
 *       {@code MIGRATE_VERSION_TABLE}, …);</li>
 *   <li>{@code .env} next to the POM, with the same names as environment variables;</li>
 *   <li>{@code environments/NAME.properties};</li>
 *   <li>{@code environments/default.properties};</li>
 *   <li>the plugin's {@code <configuration>};</li>
 *   <li>{@code DATABASE_URL} (environment variable, then {@code .env}): the url of an environment
 *       that no layer above gives one; otherwise it is ignored, with a notice when it points elsewhere;</li>
 *   <li>settings.xml server credentials: they fill {@code user} and {@code password} only when
 *       no layer above sets them.</li>
 * </ol>
 * Connection settings ({@link #CONNECTION_KEYS}) are never mixed from two targets: a layer that
 * names a url other than the one used contributes none of them (a notice says which were ignored).
 * Unknown keys in the properties files, in {@code .env}'s {@code MIGRATE_*} names and in the
 * plugin configuration are refused with {@link UnknownSettingException}, naming the nearest key.
 * A user, password, {@code sslmode} or {@code sslrootcert} written inside the {@code url} counts
 * as set at the url's layer; when the url and the key come from the same layer, the key wins.
 * Properties files interpolate {@code ${env:VAR}} (environment variables, then {@code .env}) and
 * {@code ${sys:NAME}}; values from the other layers are taken literally. A blank variable or
 * property counts as unset; a key written empty in a properties file ({@code url=}) unsets it for
 * the layers below (so {@code url=} in {@code local.properties} restores the embedded database).
 *
 * <pre>{@code
 * EnvironmentConfig config = EnvironmentResolver.forProject(baseDir)
 *         .withPluginConfiguration(Map.of("schema", "app"))
 *         .withSystemProperties(System.getProperties())
 *         .withEnvironmentVariables(System.getenv())
 *         .withServerCredentials(Credentials.of(user, password))
 *         .resolve("staging");
 * }</pre>
 */
public final class EnvironmentResolver {
    /** The environment used when none is named. */
    public static final String DEFAULT_ENVIRONMENT = "local";
    /** Every setting key, as written in properties files and the plugin configuration. */
    public static final List<String> KEYS = List.of("url", "user", "password", "schema", "versionTable",
            "historyTable", "lockTimeout", "lockRetries", "statementTimeout", "sslMode", "sslRootCert", "protected",
            "pooler", "serverId", "shadowUrl");
    /**
     * The settings that together say which server is reached and how: they are taken only from the
     * layer that gives the url or from layers that name no url of their own, never mixed from two.
     */
    public static final List<String> CONNECTION_KEYS = List.of("url", "user", "password", "sslMode", "sslRootCert",
            "pooler", "serverId");
    /** The generic variable (shell or {@code .env}) that gives a url only to an environment naming none. */
    public static final String DATABASE_URL = "DATABASE_URL";
    /** The directory, under the project, holding the embedded PostgreSQL of {@code local}. */
    public static final String EMBEDDED_DATA_DIR = "target/migrate/local-db";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Path baseDir;
    private final Map<String, String> pluginConfiguration;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environmentVariables;
    private final Credentials serverCredentials;
    private final Function<String, Optional<Credentials>> serverLookup;

    private EnvironmentResolver(Path baseDir, Map<String, String> pluginConfiguration,
                                Map<String, String> systemProperties, Map<String, String> environmentVariables,
                                Credentials serverCredentials, Function<String, Optional<Credentials>> serverLookup) {
        this.baseDir = baseDir;
        this.pluginConfiguration = pluginConfiguration;
        this.systemProperties = systemProperties;
        this.environmentVariables = environmentVariables;
        this.serverCredentials = serverCredentials;
        this.serverLookup = serverLookup;
    }

    /** A resolver for the project in {@code baseDir} (the POM's directory), with no outside settings yet. */
    public static EnvironmentResolver forProject(Path baseDir) {
        return new EnvironmentResolver(Objects.requireNonNull(baseDir, "baseDir"), Map.of(), Map.of(), Map.of(),
                Credentials.of(null, null), id -> Optional.empty());
    }

    /**
     * The build file's settings are printed by the build tool itself before any goal runs (Maven's
     * {@code -X} logs every plugin's configuration, already interpolated), so they may not hold a
     * password, neither as {@code password} nor inside the {@code url}.
     */
    public static void refusePasswordInBuildSettings(Map<String, String> settings) {
        String advice = "Maven prints plugin configuration with -X, so it would end up in build logs; put it in "
                + "MIGRATE_PASSWORD, .env, environments/NAME.properties or a settings.xml <server> (serverId)";
        String password = settings.get("password");
        if (password != null && !password.isBlank()) {
            throw new InvalidSettingException("password", "plugin configuration <password>",
                    "the POM is no place for a password: " + advice);
        }
        String url = settings.get("url");
        if (url == null || url.isBlank()) {
            return;
        }
        boolean holdsPassword;
        try {
            holdsPassword = DatabaseUrl.parse(url).password().isPresent();
        } catch (InvalidDatabaseUrlException e) {
            return; // reported, without the url, when the environment is resolved
        }
        if (holdsPassword) {
            throw new InvalidSettingException("url", "plugin configuration <url>",
                    "it holds a password, and the POM is no place for one: " + advice);
        }
    }

    /** The plugin's {@code <configuration>} values by key ({@code url}, {@code schema}, …); nulls ignored. */
    public EnvironmentResolver withPluginConfiguration(Map<String, String> configuration) {
        return new EnvironmentResolver(baseDir, withoutNulls(configuration), systemProperties, environmentVariables,
                serverCredentials, serverLookup);
    }

    /** System properties; only {@code migrate.KEY} ones are settings. */
    public EnvironmentResolver withSystemProperties(Map<String, String> properties) {
        return new EnvironmentResolver(baseDir, pluginConfiguration, withoutNulls(properties), environmentVariables,
                serverCredentials, serverLookup);
    }

    public EnvironmentResolver withSystemProperties(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return withSystemProperties(map);
    }

    /** The process environment, e.g. {@link System#getenv()}. */
    public EnvironmentResolver withEnvironmentVariables(Map<String, String> variables) {
        return new EnvironmentResolver(baseDir, pluginConfiguration, systemProperties, withoutNulls(variables),
                serverCredentials, serverLookup);
    }

    /** Credentials of a settings.xml server: the lowest layer, filling only what nothing else sets. */
    public EnvironmentResolver withServerCredentials(Credentials credentials) {
        return new EnvironmentResolver(baseDir, pluginConfiguration, systemProperties, environmentVariables,
                Objects.requireNonNull(credentials, "credentials"), serverLookup);
    }

    /**
     * Finds settings.xml servers by id, for environments that name one with {@code serverId};
     * its credentials take the place of those given by {@link #withServerCredentials}.
     */
    public EnvironmentResolver withServerLookup(Function<String, Optional<Credentials>> lookup) {
        return new EnvironmentResolver(baseDir, pluginConfiguration, systemProperties, environmentVariables,
                serverCredentials, Objects.requireNonNull(lookup, "lookup"));
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Map.copyOf(copy);
    }

    /** The upper-snake-case environment variable for a key: {@code versionTable} → {@code MIGRATE_VERSION_TABLE}. */
    public static String environmentVariable(String key) {
        return "MIGRATE_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@code local} and every {@code environments/NAME.properties} but {@code default}, sorted. */
    public List<String> knownEnvironments() {
        Set<String> names = new TreeSet<>();
        names.add(DEFAULT_ENVIRONMENT);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(baseDir.resolve("environments"), "*.properties")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".properties".length());
                if (NAME.matcher(name).matches() && !name.equals("default")) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            // no environments folder: only local
        } catch (IOException e) {
            throw new ConfigException("Cannot list " + baseDir.resolve("environments") + ": " + e.getMessage(), e);
        }
        return List.copyOf(names);
    }

    /**
     * Resolves the named environment ({@code local} when null or blank). Fails with
     * {@link UnknownEnvironmentException} before reading any setting when it is not known.
     */
    public EnvironmentConfig resolve(String environmentName) {
        String name = environmentName == null || environmentName.isBlank() ? DEFAULT_ENVIRONMENT : environmentName.strip();
        List<String> known = knownEnvironments();
        if (!NAME.matcher(name).matches() || !known.contains(name)) {
            throw new UnknownEnvironmentException(name, known);
        }
        Path dotEnvFile = baseDir.resolve(".env");
        Map<String, String> dotEnv = DotEnv.read(dotEnvFile, environmentVariables::get);
        refuseUnknownKeys(dotEnv);
        Settings settings = new Settings(layers(name, dotEnv), environmentVariables, dotEnv, systemProperties);
        Assembly assembly = new Assembly(name, settings);
        return assembly.build().withLockRetries(assembly.count("lockRetries")).withShadowUrl(assembly.shadowUrl());
    }

    /** The layers, highest precedence first. This is the one place the order is decided. */
    private List<Layer> layers(String name, Map<String, String> dotEnv) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.ofMap("system properties", key -> "migrate." + key, systemProperties,
                key -> "system property migrate." + key));
        layers.add(Layer.ofVariables("environment variables", environmentVariables, "environment variable "));
        layers.add(Layer.ofVariables(".env", dotEnv, ".env variable "));
        Path environmentFile = baseDir.resolve("environments").resolve(name + ".properties");
        layers.add(Layer.ofFile("environments/" + name + ".properties", environmentFile));
        layers.add(Layer.ofFile("environments/default.properties",
                baseDir.resolve("environments").resolve("default.properties")));
        layers.add(Layer.ofMap("plugin configuration", key -> key, pluginConfiguration,
                key -> "plugin configuration <" + key + ">"));
        layers.add(Layer.databaseUrl(environmentVariables, dotEnv));
        return layers;
    }

    /** The plugin's {@code <settings>} and {@code .env}'s {@code MIGRATE_*} names hold only known keys. */
    private void refuseUnknownKeys(Map<String, String> dotEnv) {
        for (String key : new TreeSet<>(pluginConfiguration.keySet())) {
            if (!KEYS.contains(key)) {
                throw new UnknownSettingException(key, "the plugin's <settings>", KEYS);
            }
        }
        List<String> variables = KEYS.stream().map(EnvironmentResolver::environmentVariable).toList();
        for (String variable : new TreeSet<>(dotEnv.keySet())) {
            if (variable.startsWith("MIGRATE_") && !variables.contains(variable)) {
                throw new UnknownSettingException(variable, ".env", variables);
            }
        }
    }

    /** One source of settings: its Commons Configuration view and how to name where a key came from. */
    private record Layer(String name, Configuration configuration, Function<String, String> originOfKey,
                         boolean fromFile) {

        /** Only the known keys are taken: system properties and the plugin hold much else besides. */
        static Layer ofMap(String name, Function<String, String> sourceKey, Map<String, String> source,
                           Function<String, String> origin) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String key : KEYS) {
                String value = source.get(sourceKey.apply(key));
                if (value != null && !value.isBlank()) {
                    values.put(key, value);
                }
            }
            return new Layer(name, new MapConfiguration(values), origin, false);
        }

        static Layer ofVariables(String name, Map<String, String> variables, String originPrefix) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String key : KEYS) {
                String value = variables.get(environmentVariable(key));
                if (value != null && !value.isBlank()) {
                    values.put(key, value);
                }
            }
            return new Layer(name, new MapConfiguration(values), key -> originPrefix + environmentVariable(key), false);
        }

        /** {@code DATABASE_URL} from the shell, else from {@code .env}: a url only, below every other layer. */
        static Layer databaseUrl(Map<String, String> variables, Map<String, String> dotEnv) {
            String value = variables.get(DATABASE_URL);
            String origin = "environment variable " + DATABASE_URL;
            if (value == null || value.isBlank()) {
                value = dotEnv.get(DATABASE_URL);
                origin = ".env variable " + DATABASE_URL;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            if (value != null && !value.isBlank()) {
                values.put("url", value);
            }
            String shown = origin;
            return new Layer(DATABASE_URL, new MapConfiguration(values), key -> shown, false);
        }

        boolean fallback() {
            return name.equals(DATABASE_URL);
        }

        static Layer ofFile(String name, Path file) {
            PropertiesConfiguration properties = PropertiesFiles.load(name, file);
            properties.getKeys().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    throw new UnknownSettingException(k, name + PropertiesFiles.lineOf(file, k), KEYS);
                }
            });
            return new Layer(name, properties, key -> name, true);
        }
    }

    /** A setting's value and where it came from. {@code rank} is its layer's index: lower wins. */
    private record Value(String key, String text, int rank, String origin) {
    }

    /** The layered view over all layers, through one {@link CompositeConfiguration}. */
    private static final class Settings {
        private final List<Layer> layers;
        private final CompositeConfiguration composite = new CompositeConfiguration();
        private final Set<String> missingVariables = new HashSet<>();
        private final Set<Integer> withoutConnectionSettings = new HashSet<>();

        Settings(List<Layer> layers, Map<String, String> environment, Map<String, String> dotEnv,
                 Map<String, String> systemProperties) {
            this.layers = layers;
            layers.forEach(layer -> composite.addConfiguration(layer.configuration()));
            Lookup env = variable -> {
                String value = environment.get(variable);
                value = value != null ? value : dotEnv.get(variable);
                if (value == null) {
                    missingVariables.add("env:" + variable);
                }
                return value;
            };
            Lookup sys = name -> {
                String value = systemProperties.get(name);
                if (value == null) {
                    missingVariables.add("sys:" + name);
                }
                return value;
            };
            composite.installInterpolator(Map.of("env", env, "sys", sys), List.of());
        }

        Optional<Value> get(String key) {
            OptionalInt found = rankOf(key);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            int rank = found.getAsInt();
            Layer layer = layers.get(rank);
            Object raw = layer.configuration().getProperty(key);
            if (raw == null) {
                return Optional.empty();
            }
            String origin = layer.originOfKey().apply(key);
            if (raw instanceof List<?> repeated && !repeated.isEmpty()) {
                // a key written twice in a properties file: the last one wins, as in java.util.Properties
                raw = repeated.get(repeated.size() - 1);
            }
            String text = raw.toString();
            if (layer.fromFile()) {
                missingVariables.clear();
                Object interpolated = composite.getInterpolator().interpolate(text);
                if (!missingVariables.isEmpty()) {
                    String missing = missingVariables.iterator().next();
                    throw new UnresolvedVariableException(key, origin, missing.substring(0, 3), missing.substring(4));
                }
                text = interpolated == null ? "" : interpolated.toString();
            }
            text = text.strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(new Value(key, text, rank, origin));
        }

        /** The index of the first layer holding the key: the one the composite took the value from. */
        OptionalInt rankOf(String key) {
            boolean connection = CONNECTION_KEYS.contains(key);
            for (int i = 0; i < layers.size(); i++) {
                if (connection && withoutConnectionSettings.contains(i)) {
                    continue;
                }
                if (layers.get(i).configuration().containsKey(key)) {
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
        }

        /**
         * Every layer below {@code urlRank} that names a url of its own gives no connection setting:
         * its user, password and SSL settings go with that other url. Returns the notices saying so.
         */
        List<String> keepConnectionSettingsWith(int urlRank) {
            List<String> notices = new ArrayList<>();
            for (int i = urlRank + 1; i < layers.size(); i++) {
                Layer layer = layers.get(i);
                Object url = layer.configuration().getProperty("url");
                if (url == null || url.toString().isBlank() || layer.fallback()) {
                    continue;
                }
                withoutConnectionSettings.add(i);
                List<String> ignored = CONNECTION_KEYS.stream().filter(k -> !k.equals("url"))
                        .filter(k -> layer.configuration().containsKey(k)).toList();
                if (!ignored.isEmpty()) {
                    notices.add("Ignoring " + String.join(", ", ignored) + " from " + layer.name()
                            + ": they go with the url written there, and the url in use comes from "
                            + layers.get(urlRank).originOfKey().apply("url"));
                }
            }
            return notices;
        }
    }

    /** Turns the layered settings into a config: one instance per {@link #resolve} call. */
    private final class Assembly {
        private final String name;
        private final Settings settings;
        private final List<String> notices = new ArrayList<>();
        private final Map<String, String> origins = new LinkedHashMap<>();

        Assembly(String name, Settings settings) {
            this.name = name;
            this.settings = settings;
        }

        private Optional<Value> setting(String key) {
            Optional<Value> value = settings.get(key);
            value.ifPresent(v -> origins.put(key, v.origin()));
            return value;
        }

        EnvironmentConfig build() {
            Optional<Value> url = setting("url");
            url.ifPresent(u -> notices.addAll(settings.keepConnectionSettingsWith(u.rank())));
            String schema = identifier("schema", DatabaseSettings.DEFAULT_SCHEMA);
            String versionTable = identifier("versionTable", DatabaseSettings.DEFAULT_VERSION_TABLE);
            String historyTable = identifier("historyTable", DatabaseSettings.DEFAULT_HISTORY_TABLE);
            Optional<Duration> lockTimeout = duration("lockTimeout");
            Optional<Duration> statementTimeout = duration("statementTimeout");
            boolean protectedEnvironment = bool("protected");
            Optional<PoolerMode> poolerSetting = pooler();
            Credentials server = serverCredentials();

            if (url.isEmpty()) {
                if (!name.equals(DEFAULT_ENVIRONMENT)) {
                    throw new MissingSettingException(name, "url", "set url in environments/" + name
                            + ".properties, or the environment variable MIGRATE_URL or DATABASE_URL");
                }
                Path dataDir = baseDir.resolve(EMBEDDED_DATA_DIR);
                Properties properties = new Properties();
                properties.setProperty("ApplicationName", "migrate");
                String line = "Environment " + name + ": embedded PostgreSQL in " + EMBEDDED_DATA_DIR
                        + " (schema " + schema + ")";
                DatabaseSettings database = database("", properties, schema, versionTable, historyTable, lockTimeout,
                        statementTimeout, poolerSetting.orElse(PoolerMode.SESSION));
                return new EnvironmentConfig(name, line, database, protectedEnvironment, false, Optional.of(dataDir),
                        notices, origins);
            }

            DatabaseUrl database;
            try {
                database = DatabaseUrl.parse(url.get().text());
            } catch (InvalidDatabaseUrlException e) {
                throw e.from(url.get().origin());
            }
            String urlSource = urlSource(url.get());
            database = database.withUser(pick("user", url.get(), database.user(), server.user()).orElse(null));
            if (database.user().isEmpty()) {
                // what the driver would do unasked, made visible: the operating system's user name
                database = database.withUser(System.getProperty("user.name"));
                origins.put("user", "operating system user");
            }
            if (database.database().isEmpty()) {
                throw new InvalidDatabaseUrlException("it names no database, so the driver would connect to the "
                        + "database named after the user, '" + database.user().orElse("") + "'; add the database "
                        + "name, e.g. postgresql://" + database.hosts().get(0) + "/app").from(url.get().origin());
            }
            database = database.withPassword(pick("password", url.get(), database.password(), server.password())
                    .orElse(null));
            Optional<String> rootCert = pick("sslRootCert", url.get(), database.property("sslrootcert"), Optional.empty());
            database = database.withProperty("sslrootcert", rootCert.orElse(null));
            Optional<String> sslMode = pick("sslMode", url.get(), database.property("sslmode"), Optional.empty());

            boolean supabase = database.hosts().stream().anyMatch(h -> Supabase.isSupabaseHost(h.host()));
            if (sslMode.isEmpty() && supabase && database.property("ssl").isEmpty()) {
                sslMode = Optional.of(rootCert.isPresent() ? "verify-full" : "require");
                origins.put("sslMode", "Supabase default");
            }
            database = database.withProperty("sslmode", sslMode.orElse(null));

            PoolerMode pooler = poolerSetting.orElse(PoolerMode.SESSION);
            if (pooler == PoolerMode.TRANSACTION) {
                database = database.withProperty("prepareThreshold", "0");
                notices.add("pooler=transaction: server-side prepared statements are disabled (prepareThreshold=0), "
                        + "the migration lock is transaction-scoped, and revisions marked 'Transactional: false' "
                        + "are refused");
            } else {
                database = toSessionPooler(database);
            }
            if (database.property("ApplicationName").isEmpty()) {
                database = database.withProperty("ApplicationName", "migrate");
            }
            String line = "Environment " + name + ": " + database.masked() + " (schema " + schema + ")" + urlSource;
            DatabaseSettings settings = database(database.jdbcUrl(), database.driverProperties(), schema, versionTable,
                    historyTable, lockTimeout, statementTimeout, pooler);
            return new EnvironmentConfig(name, line, settings, protectedEnvironment, supabase, Optional.empty(),
                    notices, origins);
        }

        /** The settings the database code runs with; unset timeouts keep {@link DatabaseSettings}' defaults. */
        private DatabaseSettings database(String jdbcUrl, Properties properties, String schema, String versionTable,
                                          String historyTable, Optional<Duration> lockTimeout,
                                          Optional<Duration> statementTimeout, PoolerMode pooler) {
            if (versionTable.equals(historyTable)) {
                throw new InvalidSettingException("historyTable", origins.getOrDefault("historyTable", "the default"),
                        "it is the versionTable's name too, '" + versionTable + "'; the two tables need different names");
            }
            DatabaseSettings settings = DatabaseSettings.of(jdbcUrl, properties)
                    .withSchema(schema)
                    .withVersionTable(versionTable)
                    .withHistoryTable(historyTable)
                    .withLockMode(pooler == PoolerMode.TRANSACTION ? LockMode.TRANSACTION : LockMode.SESSION)
                    .withEnvironment(name)
                    .withToolVersion(Version.current());
            settings = lockTimeout.map(settings::withLockTimeout).orElse(settings);
            return statementTimeout.map(settings::withStatementTimeout).orElse(settings);
        }

        /**
         * The value of {@code key}: the key's own setting, or the one written in the url when the
         * url's layer is higher, or the fallback (settings.xml) when neither is set.
         */
        private Optional<String> pick(String key, Value url, Optional<String> inUrl, Optional<String> fallback) {
            if (inUrl.isPresent() && url.rank() < settings.rankOf(key).orElse(Integer.MAX_VALUE)) {
                // the key's own value is overridden: it is not even interpolated
                origins.put(key, url.origin() + " (in url)");
                return inUrl;
            }
            Optional<Value> own = setting(key);
            if (inUrl.isPresent() && own.isEmpty()) {
                origins.put(key, url.origin() + " (in url)");
                return inUrl;
            }
            if (own.isPresent()) {
                return Optional.of(own.get().text());
            }
            if (fallback.isPresent()) {
                origins.put(key, "settings.xml server");
            }
            return fallback;
        }

        private Credentials serverCredentials() {
            Optional<Value> serverId = setting("serverId");
            if (serverId.isEmpty()) {
                return serverCredentials;
            }
            return serverLookup.apply(serverId.get().text()).orElseThrow(() -> new InvalidSettingException("serverId",
                    serverId.get().origin(), "no <server> with id '" + serverId.get().text()
                    + "' in settings.xml"));
        }

        /** A transaction-pooler port on a Supabase pooler host becomes the session pooler's. */
        private DatabaseUrl toSessionPooler(DatabaseUrl database) {
            List<DatabaseUrl.Host> hosts = new ArrayList<>();
            for (DatabaseUrl.Host host : database.hosts()) {
                if (Supabase.isPoolerHost(host.host()) && host.port() == Supabase.TRANSACTION_POOLER_PORT) {
                    notices.add(host + " is Supabase's transaction pooler, which cannot hold the session lock "
                            + "or the prepared statements migrations use; connecting to the session pooler "
                            + host.host() + ":" + Supabase.SESSION_POOLER_PORT
                            + " instead (set pooler=transaction to keep port " + Supabase.TRANSACTION_POOLER_PORT + ")");
                    hosts.add(new DatabaseUrl.Host(host.host(), Supabase.SESSION_POOLER_PORT));
                } else {
                    hosts.add(host);
                }
            }
            return database.withHosts(hosts);
        }

        /**
         * Where the url came from, for the environment line, when it is not the environment's own
         * files: {@code ", url from environment variable MIGRATE_URL (not the one in
         * environments/staging.properties)"}; empty otherwise. Also tells of a {@code DATABASE_URL}
         * that is ignored because the environment has its own url elsewhere.
         */
        private String urlSource(Value url) {
            Layer layer = settings.layers.get(url.rank());
            if (!layer.fallback()) {
                databaseUrlIgnoredNotice(url);
            }
            if (layer.fromFile() || layer.name().equals("plugin configuration")) {
                return "";
            }
            List<String> overridden = new ArrayList<>();
            for (int i = url.rank() + 1; i < settings.layers.size(); i++) {
                Layer lower = settings.layers.get(i);
                Object other = lower.configuration().getProperty("url");
                if (lower.fromFile() && other != null && !other.toString().isBlank()) {
                    overridden.add(lower.name());
                }
            }
            return ", url from " + url.origin() + (overridden.isEmpty() ? ""
                    : " (not the one in " + String.join(" or ", overridden) + ")");
        }

        private void databaseUrlIgnoredNotice(Value url) {
            Layer fallback = settings.layers.get(settings.layers.size() - 1);
            Object value = fallback.configuration().getProperty("url");
            if (value == null) {
                return;
            }
            String shown;
            try {
                DatabaseUrl other = DatabaseUrl.parse(value.toString());
                if (other.jdbcUrl().equals(DatabaseUrl.parse(url.text()).jdbcUrl())) {
                    return;
                }
                shown = " (" + other.masked() + ")";
            } catch (InvalidDatabaseUrlException e) {
                shown = "";
            }
            notices.add("Ignoring " + fallback.originOfKey().apply("url") + shown + ": environment " + name
                    + " has its own url, from " + url.origin() + ". DATABASE_URL only gives the url of an environment "
                    + "that names none; to override an environment's url use " + dev.migrate.engine.Advice.setting("url") + " or MIGRATE_URL.");
        }

        private String identifier(String key, String defaultValue) {
            Optional<Value> value = setting(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            String text = value.get().text();
            if (DatabaseSettings.identifierProblem(text).isPresent()) {
                throw new InvalidSettingException(key, value.get().origin(), "'" + text.replace("\0", "")
                        + "' is not a PostgreSQL identifier (at most " + DatabaseSettings.MAX_IDENTIFIER_BYTES + " bytes)");
            }
            return text;
        }

        private Optional<Duration> duration(String key) {
            Optional<Value> value = setting(key);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(PgDuration.parse(value.get().text()).orElseThrow(() -> new InvalidSettingException(key,
                    value.get().origin(), "'" + value.get().text() + "' is not a duration (use e.g. 500ms, 5s, 2min, 1h or 0 for none)")));
        }

        /** A non-negative whole number, 0 when unset. */
        /** {@code shadowUrl}: a server for scratch databases, in any form {@code url} takes. */
        Optional<DatabaseUrl> shadowUrl() {
            Optional<Value> value = setting("shadowUrl");
            if (value.isEmpty() || value.get().text().isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(DatabaseUrl.parse(value.get().text().strip()));
            } catch (InvalidDatabaseUrlException e) {
                throw e.from(value.get().origin());
            }
        }

        int count(String key) {
            Optional<Value> value = setting(key);
            if (value.isEmpty()) {
                return 0;
            }
            try {
                int n = Integer.parseInt(value.get().text().strip());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidSettingException(key, value.get().origin(), "'" + value.get().text()
                    + "' is not a number of retries (use a whole number, e.g. 5, or 0 for none)");
        }

        private boolean bool(String key) {
            Optional<Value> value = setting(key);
            if (value.isEmpty()) {
                return false;
            }
            return switch (value.get().text().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new InvalidSettingException(key, value.get().origin(),
                        "'" + value.get().text() + "' is not true or false");
            };
        }

        private Optional<PoolerMode> pooler() {
            Optional<Value> value = setting("pooler");
            if (value.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(switch (value.get().text().toLowerCase(Locale.ROOT)) {
                case "session" -> PoolerMode.SESSION;
                case "transaction" -> PoolerMode.TRANSACTION;
                default -> throw new InvalidSettingException("pooler", value.get().origin(),
                        "'" + value.get().text() + "' is neither session nor transaction");
            });
        }
    }
}
