package dev.migrate.engine;

import dev.migrate.engine.config.DatabaseUrl;
import dev.migrate.engine.config.EnvironmentConfig;
import dev.migrate.engine.config.EnvironmentResolver;
import dev.migrate.engine.config.InvalidDatabaseUrlException;
import dev.migrate.engine.config.InvalidSettingException;
import dev.migrate.engine.config.PoolerMode;
import dev.migrate.engine.config.Secrets;
import dev.migrate.engine.database.DatabaseConnectionException;
import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.LockMode;
import dev.migrate.engine.database.DatabaseState;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.Migrator;
import dev.migrate.engine.database.OfflineScript;
import dev.migrate.engine.database.RunResult;
import dev.migrate.engine.database.ScratchDatabase;
import dev.migrate.engine.database.ScratchDatabases;
import dev.migrate.engine.database.TransactionMode;
import dev.migrate.engine.embedded.EmbeddedServer;
import dev.migrate.engine.graph.MultipleHeadsException;
import dev.migrate.engine.lint.InvalidLintSettingException;
import dev.migrate.engine.lint.LintResult;
import dev.migrate.engine.lint.Linter;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Planner;
import dev.migrate.engine.graph.Range;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.RevisionMap;
import dev.migrate.engine.graph.Target;
import dev.migrate.engine.scripts.NewRevision;
import dev.migrate.engine.scripts.RevisionCache;
import dev.migrate.engine.scripts.RevisionIds;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.RevisionWriter;
import dev.migrate.engine.scripts.ScriptDirectory;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Properties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The commands, one method each, as Alembic's command module has them. A {@code Migrate} is made
 * for one run of one goal: it resolves the environment once (and reports it), reads the revision
 * files once, and connects (starting the embedded server if the environment is one) only when a
 * command needs the database.
 */
public final class Migrate implements AutoCloseable {
    /** Where the headers and checksums of the revision files are kept between runs, under the project. */
    static final String REVISION_CACHE = "target/migrate/revisions.cache";
    private final ProjectLayout layout;
    private final EnvironmentConfig environment;
    private final MigrateListener listener;
    private ScriptDirectory scripts;
    private Map<String, RevisionScript> byId;
    private EmbeddedServer embedded;
    private EmbeddedServer scratchServer;
    private Migrator migrator;
    private boolean verbose;
    private boolean keepRunning;

    private Migrate(ProjectLayout layout, EnvironmentConfig environment, MigrateListener listener) {
        this.layout = layout;
        this.environment = environment;
        this.listener = listener;
    }

    /** Resolves the environment (failing fast on an unknown one) and reports it in one line. */
    public static Migrate open(ProjectLayout layout, EnvironmentRequest request, MigrateListener listener) {
        refusePasswordInBuildSettings(request.buildSettings());
        EnvironmentResolver resolver = EnvironmentResolver.forProject(request.baseDirectory())
                .withPluginConfiguration(request.buildSettings())
                .withSystemProperties(request.systemProperties())
                .withEnvironmentVariables(request.environmentVariables())
                .withServerLookup(request.serverLookup());
        if (request.serverCredentials().isPresent()) {
            resolver = resolver.withServerCredentials(request.serverCredentials().get());
        }
        EnvironmentConfig environment = resolver.resolve(request.name().orElse(null));
        listener.info(environment.description());
        environment.notices().forEach(listener::warn);
        return new Migrate(layout, environment, listener);
    }

    /**
     * The build file's settings are printed by the build tool itself before any goal runs (Maven's
     * {@code -X} logs every plugin's configuration, already interpolated), so they may not hold a
     * password, neither as {@code password} nor inside the {@code url}.
     */
    private static void refusePasswordInBuildSettings(Map<String, String> settings) {
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

    /** Scrubs this environment's password from any text, e.g. an error message built outside the engine. */
    public Secrets secrets() {
        return environment.secrets();
    }

    public RunResult upgrade(String target, RunOptions options) {
        return guarded(() -> {
            Target to = Target.parse(target);
            Planner planner = map().planner();
            RunResult result = migrator().migrate(byId(), heads -> planner.upgrade(heads, to),
                    databaseOptions(options), progress());
            reportOutcome(result, map());
            return result;
        });
    }

    public RunResult downgrade(String target, RunOptions options) {
        return guarded(() -> {
            Target to = Target.parse(target);
            environment.checkConfirmed("downgrade", options.confirm().orElse(null));
            Planner planner = map().planner();
            RunResult result = migrator().migrate(byId(), heads -> planner.downgrade(heads, to),
                    databaseOptions(options), progress());
            reportOutcome(result, map());
            return result;
        });
    }

    public RunResult stamp(List<String> targets, boolean purge, Optional<String> confirm) {
        return guarded(() -> {
            List<Target> to = targets.stream().map(Target::parse).toList();
            environment.checkConfirmed("stamp", confirm.orElse(null));
            Planner planner = map().planner();
            return migrator().stamp(byId(), heads -> planner.stamp(heads, to, purge), progress());
        });
    }

    /** Offline upgrade: {@code to} or {@code from:to}; without {@code from} the script starts at base. */
    public String upgradeSql(String range, RunOptions options) {
        return guarded(() -> {
            Range r = Range.parseOffline(range == null || range.isBlank() ? "heads" : range);
            return offline(map().planner().upgrade(r), options);
        });
    }

    /** Offline downgrade needs both ends, {@code from:to}, since no database says where it starts. */
    public String downgradeSql(String range, RunOptions options) {
        return guarded(() -> {
            return offline(map().planner().downgrade(Range.parseOffline(range)), options);
        });
    }

    public String stampSql(List<String> targets, boolean purge) {
        return guarded(() -> {
            return offline(map().planner().stamp(targets.stream().map(Range::parseOffline).toList(), purge),
                    RunOptions.DEFAULT);
        });
    }

    public Report current() {
        return guarded(() -> {
            DatabaseState state = migrator().readState();
            RevisionMap map = map();
            Set<String> known = new TreeSet<>();
            Set<String> shown = new TreeSet<>();
            state.heads().forEach(h -> (map.find(h).isPresent() ? known : shown).add(h));
            shown.addAll(map.appliedBranchHeads(known));
            Reports.Graph graph = new Reports.Graph(map, this::scriptOf, Set.of());
            return new Reports.Listing("current", graph.entries(shown),
                    e -> e.format(false, false, false, true, true), Map.of("environment", environment.name()));
        });
    }

    /** Revisions newest first, read from the files alone: no database is reached. */
    public Report history(String range) {
        return history(range, false);
    }

    /**
     * Revisions newest first; with {@code indicateCurrent} (or a range naming {@code current}) the
     * database is read to mark its current revisions.
     */
    public Report history(String range, boolean indicateCurrent) {
        return guarded(() -> {
            boolean connect = indicateCurrent || range != null && range.contains("current");
            Set<String> current = connect ? migrator().readState().heads() : Set.of();
            RevisionMap map = map();
            Reports.Graph graph = new Reports.Graph(map, this::scriptOf, current);
            return new Reports.Listing("revisions", graph.entries(map.history(range, current).stream().map(Revision::id).toList()),
                    e -> e.format(true, true, true, true, true), Map.of());
        });
    }

    /**
     * Fails with {@link NotAtHeadsException} unless the database is at exactly the graph's heads
     * ({@code current -Dmigrate.checkHeads=true}, for a deployment gate).
     */
    public void checkHeads() {
        guarded(() -> {
            Set<String> current = migrator().readState().heads();
            Set<String> heads = map().heads();
            if (!current.equals(heads)) {
                throw new NotAtHeadsException(current, heads);
            }
            listener.info("Database is at all heads: " + String.join(", ", new TreeSet<>(heads)) + ".");
            return null;
        });
    }

    /** The JSON report of an upgrade, downgrade or stamp: the steps run with durations, heads before and after. */
    public Report runReport(String command, RunResult result) {
        return new Reports.Run(command, environment.name(), result, this::scriptOf);
    }

    /** The answer of {@code revision} and {@code merge}: the file written, its revision and parents. */
    public Report writtenReport(String command, Path file) {
        return new Reports.Written(command, dev.migrate.engine.scripts.RevisionFileParser.parse(file));
    }

    /** Prints the embedded server's host, port and database when it starts (goals' {@code migrate.verbose}). */
    public Migrate verbose(boolean on) {
        this.verbose = on;
        return this;
    }

    /** Leaves the embedded server running when this run ends ({@code migrate.keepRunning}); the next run stops it. */
    public Migrate keepRunning(boolean on) {
        this.keepRunning = on;
        return this;
    }

    public Report heads() {
        return guarded(() -> {
            RevisionMap map = map();
            Reports.Graph graph = new Reports.Graph(map, this::scriptOf, Set.of());
            return new Reports.Listing("heads", graph.entries(new TreeSet<>(map.versionHeads())),
                    e -> e.format(true, false, false, false, true), Map.of());
        });
    }

    public Report branches() {
        return guarded(() -> {
            RevisionMap map = map();
            Reports.Graph graph = new Reports.Graph(map, this::scriptOf, Set.of());
            Set<String> points = map.branchPoints();
            List<Reports.Entry> entries = new ArrayList<>();
            Map<String, List<Reports.Entry>> children = new HashMap<>();
            for (Revision r : map.history(null, Set.of())) {
                if (points.contains(r.id())) {
                    entries.add(graph.entry(r.id()));
                    children.put(r.id(), graph.entries(new TreeSet<>(map.children(r.id()))));
                }
            }
            return new Reports.Branches(entries, children);
        });
    }

    public Report show(String revision) {
        return guarded(() -> {
            RevisionMap map = map();
            Reports.Graph graph = new Reports.Graph(map, this::scriptOf, Set.of());
            return new Reports.Listing("revisions", graph.entries(new TreeSet<>(map.resolve(revision, Set.of()))),
                    e -> e.format(true, true, true, true, true), Map.of());
        });
    }

    /**
     * What each revision to lint will do to a live database, measured on a scratch database, and
     * the findings of the lint rules (SPEC §5). Which revisions: {@code range} ({@code from:to}) when
     * given, else the pending ones of this environment's database, else (it cannot be reached) all.
     *
     * @param pgVersion the target major version when the live server cannot say (default 17)
     */
    public LintResult lint(String range, String pgVersion) {
        return guarded(() -> {
            RevisionMap map = map();
            List<String> notes = new ArrayList<>();
            Set<String> linted = new LinkedHashSet<>();
            Optional<Integer> liveVersion = Optional.empty();
            if (range != null && !range.isBlank()) {
                map.planner().upgrade(Range.parseOffline(range)).steps().forEach(step -> linted.add(step.revision().id()));
            } else {
                try {
                    Set<String> heads = migrator().readState().heads();
                    map.upgrade(heads, "heads").steps().forEach(step -> linted.add(step.revision().id()));
                    liveVersion = liveServerVersion();
                } catch (DatabaseConnectionException e) {
                    notes.add("The database of environment " + environment.name() + " cannot be reached (" + e.getMessage()
                            + "), so every revision is linted; choose them with -Dmigrate.range=from:to.");
                    map.revisions().forEach(r -> linted.add(r.id()));
                }
            }
            int version = liveVersion.orElseGet(() -> parsePgVersion(pgVersion));
            String source = liveVersion.isPresent() ? "server" : pgVersion == null || pgVersion.isBlank() ? "default" : "migrate.pgVersion";
            List<RevisionScript> inOrder = new ArrayList<>();
            Set<String> remaining = new HashSet<>(linted);
            for (var step : map.upgrade(Set.of(), "heads").steps()) {
                if (remaining.isEmpty()) {
                    break;
                }
                inOrder.add(byId().get(step.revision().id()));
                remaining.remove(step.revision().id());
            }
            Path seedFile = layout.baseDirectory().resolve("src/main/migrations/seed.sql");
            List<dev.migrate.engine.scripts.SqlStatement> seed = List.of();
            try {
                if (java.nio.file.Files.isRegularFile(seedFile)) {
                    seed = dev.migrate.engine.scripts.SqlSplitter.split(java.nio.file.Files.readString(seedFile), 1);
                }
            } catch (java.io.IOException e) {
                notes.add("Seed data " + seedFile + " cannot be read (" + e.getMessage() + "): measured without it.");
            }
            boolean shortLockTimeout = environment.lockTimeout().filter(d -> d.compareTo(java.time.Duration.ofSeconds(10)) <= 0).isPresent();
            try (ScratchDatabases scratch = ScratchDatabases.on(this::scratchDatabaseServer);
                 ScratchDatabase database = scratch.create("lint")) {
                return new Linter(version, source, shortLockTimeout, environment.statementTimeout().isPresent(), listener::debug)
                        .lint(database, inOrder, linted, seed, notes);
            }
        });
    }

    /** Lints the pending revisions as {@code check} needs it: the result says whether there are errors. */
    public LintResult lintPending() {
        return lint(null, null);
    }

    private static int parsePgVersion(String text) {
        if (text == null || text.isBlank()) {
            return 17;
        }
        try {
            int version = Integer.parseInt(text.trim().replaceFirst("\\..*$", ""));
            if (version >= 9 && version < 100) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLintSettingException("pgVersion", text, "give a PostgreSQL major version such as 13 or 17");
    }

    private Optional<Integer> liveServerVersion() {
        String url = environment.embedded() ? embedded.jdbcUrl() : environment.jdbcUrl().orElseThrow();
        Properties properties = environment.driverProperties();
        if (environment.embedded()) {
            properties.putAll(embedded.driverProperties());
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, properties)) {
            return Optional.of(Linter.serverMajorVersion(c));
        } catch (java.sql.SQLException e) {
            return Optional.empty();
        }
    }

    private ScratchDatabases.Server scratchDatabaseServer() {
        EmbeddedServer server = scratchServer();
        return new ScratchDatabases.Server(server.jdbcUrl(), server.driverProperties(), "the embedded PostgreSQL");
    }

    /** The server lint's scratch databases live on: this environment's embedded server, or one of its own. */
    private EmbeddedServer scratchServer() {
        if (environment.embedded()) {
            migrator();
            return embedded;
        }
        if (scratchServer == null) {
            scratchServer = EmbeddedServer.start(layout.baseDirectory().resolve("target/migrate/scratch-db"));
            listener.debug("Scratch PostgreSQL " + (scratchServer.reused() ? "joined" : "started") + " on port " + scratchServer.port());
        }
        return scratchServer;
    }

    /** Writes a new revision on top of {@code request.head()} ({@code alembic revision}). */
    public Path revision(RevisionRequest request) {
        return guarded(() -> {
            RevisionMap map = map();
            List<String> parents = "base".equals(request.head()) ? List.of() : parentsFor(map, request);
            List<String> dependsOn = request.dependsOn().stream().map(map::dependencyReference).toList();
            return write(map, request.revId(), request.message(), parents, request.branchLabels(), dependsOn,
                    request.versionPath());
        });
    }

    /** Writes a revision merging {@code revisions} (or all heads) into one ({@code alembic merge}). */
    public Path merge(List<String> revisions, String message, List<String> branchLabels, String revId) {
        return guarded(() -> {
            RevisionMap map = map();
            Set<String> parents = new LinkedHashSet<>();
            for (String r : revisions.isEmpty() ? List.of("heads") : revisions) {
                parents.addAll(new TreeSet<>(map.resolve(r, Set.of())));
            }
            if (parents.size() < 2) {
                throw new MigrateException("Nothing to merge: " + (parents.isEmpty() ? "no revisions" : "only " + parents.iterator().next())
                        + " given. Name two or more heads with -Dmigrate.revisions=a,b, or leave it at 'heads'.");
            }
            return write(map, revId, message, List.copyOf(parents), branchLabels, List.of(), null);
        });
    }

    /**
     * Runs a command so that no exception leaving it carries this environment's password, whatever
     * the driver or the server put into a message.
     */
    private <T> T guarded(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            Secrets secrets = environment.secrets();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (!secrets.isClean(t.getMessage()) || !secrets.isClean(t.toString())) {
                    throw secrets.wrap(e.getMessage(), e);
                }
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (migrator != null) {
                migrator.close();
            }
        } finally {
            try {
                if (embedded != null && keepRunning) {
                    embedded.leaveRunning();
                    listener.info("Embedded PostgreSQL left running (migrate.keepRunning=true): " + embedded.connectionDetails()
                            + ". The next goal that uses the database stops it.");
                } else if (embedded != null) {
                    embedded.close();
                }
            } finally {
                if (scratchServer != null) {
                    scratchServer.close();
                }
            }
        }
    }

    private List<String> parentsFor(RevisionMap map, RevisionRequest request) {
        if (map.revisions().isEmpty()) {
            return List.of();
        }
        Set<String> resolved;
        try {
            resolved = map.resolve(request.head(), Set.of());
        } catch (MultipleHeadsException e) {
            throw new MigrateException("Multiple heads are present: " + String.join(", ", new TreeSet<>(e.heads()))
                    + ". Name the head to build on with -Dmigrate.head=REV (or label@head), or merge them first with migrate:merge.", e);
        }
        for (String id : resolved) {
            if (!map.heads().contains(id) && !request.splice()) {
                throw new MigrateException("Revision " + id + " is not a head; pass -Dmigrate.splice=true to start a new branch from it.");
            }
        }
        return List.copyOf(new TreeSet<>(resolved));
    }

    private Path write(RevisionMap map, String revId, String message, List<String> parents, List<String> labels,
                       List<String> dependsOn, String versionPath) {
        String id = revId == null || revId.isBlank() ? RevisionIds.generate() : revId;
        if (map.find(id).isPresent()) {
            throw new MigrateException("Revision id " + id + " is already used by " + scriptOf(id).map(s -> s.file().toString()).orElse("another revision")
                    + ". Choose another -Dmigrate.revId or leave it out to generate one.");
        }
        for (String label : labels) {
            map.revisions().stream().filter(r -> r.branchLabels().contains(label)).findFirst().ifPresent(r -> {
                throw new MigrateException("Branch label '" + label + "' is already used by revision " + r.id() + ". Choose another label.");
            });
        }
        Path folder = versionPath == null || versionPath.isBlank()
                ? layout.versionPaths().get(0) : layout.baseDirectory().resolve(versionPath);
        NewRevision revision = new NewRevision(id, message, parents, labels, dependsOn,
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), "", "");
        Path file = RevisionWriter.of(layout.fileTemplate(), layout.template()).write(revision, folder);
        listener.info("Generating " + file + " ... done");
        return file;
    }

    private void reportOutcome(RunResult result, RevisionMap map) {
        if (result.nothingToDo()) {
            listener.info("Database is up to date at " + (result.endHeads().isEmpty() ? "base"
                    : String.join(", ", new TreeSet<>(result.endHeads()))) + ".");
        }
    }

    private dev.migrate.engine.database.RunOptions databaseOptions(RunOptions options) {
        return dev.migrate.engine.database.RunOptions.defaults()
                .withTransactionMode(options.transactionPerRun() ? TransactionMode.ALL : TransactionMode.EACH)
                .withAcceptChanged(options.acceptChanged())
                .withResume(options.resume())
                .withLockRetries(environment.lockRetries());
    }

    private MigrationListener progress() {
        return MigrationListener.lines(listener::info);
    }

    private String offline(Plan plan, RunOptions options) {
        return OfflineScript.render(plan, byId(), databaseSettings("jdbc:postgresql:offline", new Properties()),
                options.transactionPerRun() ? TransactionMode.ALL : TransactionMode.EACH);
    }

    private ScriptDirectory scripts() {
        if (scripts == null) {
            scripts = ScriptDirectory.load(layout.versionPaths(),
                    RevisionCache.open(layout.baseDirectory().resolve(REVISION_CACHE), Version.current()));
        }
        return scripts;
    }

    private RevisionMap map() {
        return scripts().map();
    }

    private Optional<RevisionScript> scriptOf(String id) {
        return scripts().script(id);
    }

    private Map<String, RevisionScript> byId() {
        if (byId == null) {
            Map<String, RevisionScript> m = new HashMap<>();
            scripts().scripts().forEach(s -> m.put(s.id(), s));
            byId = m;
        }
        return byId;
    }

    private Migrator migrator() {
        if (migrator == null) {
            if (environment.embedded()) {
                embedded = EmbeddedServer.start(environment.embeddedDataDir().orElseThrow());
                listener.debug("Embedded PostgreSQL " + (embedded.reused() ? "joined" : "started") + " on port "
                        + embedded.port() + " in " + embedded.startTime().toMillis() + " ms");
                if (verbose) {
                    listener.info("Embedded PostgreSQL " + (embedded.reused() ? "(already running)" : "started") + ": "
                            + embedded.connectionDetails());
                }
                Properties properties = environment.driverProperties();
                properties.putAll(embedded.driverProperties());
                migrator = Migrator.connect(databaseSettings(embedded.jdbcUrl(), properties));
            } else {
                migrator = Migrator.connect(databaseSettings(environment.jdbcUrl().orElseThrow(), environment.driverProperties()));
            }
        }
        return migrator;
    }

    private DatabaseSettings databaseSettings(String jdbcUrl, Properties properties) {
        DatabaseSettings settings = DatabaseSettings.of(jdbcUrl, properties)
                .withSchema(environment.schema())
                .withVersionTable(environment.versionTable())
                .withHistoryTable(environment.historyTable())
                .withLockMode(environment.pooler() == PoolerMode.TRANSACTION ? LockMode.TRANSACTION : LockMode.SESSION)
                .withEnvironment(environment.name())
                .withToolVersion(Version.current());
        settings = environment.lockTimeout().map(settings::withLockTimeout).orElse(settings);
        return environment.statementTimeout().map(settings::withStatementTimeout).orElse(settings);
    }
}
