package dev.migrate.engine;

import dev.migrate.engine.config.EnvironmentConfig;
import dev.migrate.engine.config.EnvironmentResolver;
import dev.migrate.engine.config.Secrets;
import dev.migrate.engine.database.DatabaseConnectionException;
import dev.migrate.engine.database.DatabaseState;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.Migrator;
import dev.migrate.engine.database.OfflineScript;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.RunResult;
import dev.migrate.engine.embedded.EmbeddedServer;
import dev.migrate.engine.lint.LintInputs;
import dev.migrate.engine.lint.LintResult;
import dev.migrate.engine.lint.Linter;
import dev.migrate.engine.lint.ScratchDatabase;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Planner;
import dev.migrate.engine.graph.Range;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.RevisionMap;
import dev.migrate.engine.graph.Target;
import dev.migrate.engine.scripts.NewRevision;
import dev.migrate.engine.scripts.RevisionAuthor;
import dev.migrate.engine.scripts.RevisionCache;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.RevisionWriter;
import dev.migrate.engine.scripts.ScriptDirectory;
import dev.migrate.engine.scripts.SqlStatement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
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
    private EnvironmentConfig environment;
    private final MigrationListener listener;
    private ScriptDirectory scripts;
    private Map<String, RevisionScript> byId;
    private EmbeddedServer embedded;
    private EmbeddedServer scratchServer;
    private Migrator migrator;
    private boolean verbose;
    private boolean keepRunning;

    private Migrate(ProjectLayout layout, EnvironmentConfig environment, MigrationListener listener) {
        this.layout = layout;
        this.environment = environment;
        this.listener = listener;
    }

    /** Resolves the environment (failing fast on an unknown one) and reports it in one line. */
    public static Migrate open(ProjectLayout layout, EnvironmentRequest request, Consumer<String> lines) {
        return open(layout, request, MigrationListener.lines(lines));
    }

    /** Resolves the environment (failing fast on an unknown one) and reports it in one line. */
    public static Migrate open(ProjectLayout layout, EnvironmentRequest request, MigrationListener listener) {
        EnvironmentResolver.refusePasswordInBuildSettings(request.buildSettings());
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

    /** Scrubs this environment's password from any text, e.g. an error message built outside the engine. */
    public Secrets secrets() {
        return environment.secrets();
    }

    public RunSummary upgrade(String target, RunOptions options) {
        return guarded(() -> {
            Target to = Target.parse(target);
            Planner planner = map().planner();
            RunResult result = migrator().migrate(byId(), heads -> planner.upgrade(heads, to), options, listener);
            reportOutcome(result);
            return summary("upgrade", result);
        });
    }

    public RunSummary downgrade(String target, RunOptions options) {
        return guarded(() -> {
            Target to = Target.parse(target);
            environment.checkConfirmed("downgrade", options.confirm().orElse(null));
            Planner planner = map().planner();
            RunResult result = migrator().migrate(byId(), heads -> planner.downgrade(heads, to), options, listener);
            reportOutcome(result);
            return summary("downgrade", result);
        });
    }

    public RunSummary stamp(List<String> targets, boolean purge, Optional<String> confirm) {
        return guarded(() -> {
            List<Target> to = targets.stream().map(Target::parse).toList();
            environment.checkConfirmed("stamp", confirm.orElse(null));
            Planner planner = map().planner();
            return summary("stamp", migrator().stamp(byId(), heads -> planner.stamp(heads, to, purge), listener));
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

    public RevisionList current() {
        return guarded(() -> {
            DatabaseState state = migrator().readState();
            RevisionMap map = map();
            Set<String> known = new TreeSet<>();
            Set<String> shown = new TreeSet<>();
            state.heads().forEach(h -> (map.find(h).isPresent() ? known : shown).add(h));
            shown.addAll(map.appliedBranchHeads(known));
            return new RevisionList("current", Optional.of(environment.name()),
                    new Reports(map, this::scriptOf, shown).entries(shown));
        });
    }

    /** Revisions newest first, read from the files alone: no database is reached. */
    public RevisionList history(String range) {
        return history(range, false);
    }

    /**
     * Revisions newest first; with {@code indicateCurrent} (or a range naming {@code current}) the
     * database is read to mark its current revisions.
     */
    public RevisionList history(String range, boolean indicateCurrent) {
        return guarded(() -> {
            boolean connect = indicateCurrent || range != null && range.contains("current");
            Set<String> current = connect ? migrator().readState().heads() : Set.of();
            RevisionMap map = map();
            return new RevisionList("history", Optional.empty(), new Reports(map, this::scriptOf, current)
                    .entries(map.history(range, current).stream().map(Revision::id).toList()));
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

    /** The answer of {@code revision} and {@code merge}: the file written, its revision and parents. */
    public WrittenRevision writtenReport(String command, Path file) {
        return guarded(() -> Reports.written(command, dev.migrate.engine.scripts.RevisionFileParser.parse(file)));
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

    /** The heads, each head of a branch that another revision depends on marked as an effective head. */
    public RevisionList heads() {
        return guarded(() -> {
            RevisionMap map = map();
            return new RevisionList("heads", Optional.empty(),
                    new Reports(map, this::scriptOf, Set.of()).entries(new TreeSet<>(map.versionHeads())));
        });
    }

    public BranchList branches() {
        return guarded(() -> {
            RevisionMap map = map();
            Reports reports = new Reports(map, this::scriptOf, Set.of());
            Set<String> points = map.branchPoints();
            List<BranchList.BranchPoint> out = new ArrayList<>();
            for (Revision r : map.history(null, Set.of())) {
                if (points.contains(r.id())) {
                    out.add(new BranchList.BranchPoint(reports.entry(r.id()),
                            reports.entries(new TreeSet<>(map.children(r.id())))));
                }
            }
            return new BranchList(out);
        });
    }

    public RevisionList show(String revision) {
        return guarded(() -> {
            RevisionMap map = map();
            return new RevisionList("show", Optional.empty(),
                    new Reports(map, this::scriptOf, Set.of()).entries(new TreeSet<>(map.resolve(revision, Set.of()))));
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
                            + "), so every revision is linted; choose them with " + Advice.setting("range=from:to") + ".");
                    map.revisions().forEach(r -> linted.add(r.id()));
                }
            }
            int version = liveVersion.orElseGet(() -> LintInputs.pgVersion(pgVersion));
            String source = liveVersion.isPresent() ? "server" : pgVersion == null || pgVersion.isBlank() ? "default" : "migrate.pgVersion";
            List<RevisionScript> inOrder = LintInputs.inUpgradeOrder(map, byId(), linted);
            List<SqlStatement> seed = LintInputs.seed(layout.baseDirectory(), notes);
            boolean shortLockTimeout = environment.lockTimeout().filter(d -> d.compareTo(java.time.Duration.ofSeconds(10)) <= 0).isPresent();
            EmbeddedServer server = scratchServer();
            try (ScratchDatabase scratch = ScratchDatabase.create(server.jdbcUrl(), server.driverProperties())) {
                return new Linter(version, source, shortLockTimeout, listener::debug)
                        .lint(scratch.connection(), inOrder, linted, seed, notes);
            }
        });
    }

    /** Lints the pending revisions as {@code check} needs it: the result says whether there are errors. */
    public LintResult lintPending() {
        return lint(null, null);
    }

    private Optional<Integer> liveServerVersion() {
        migrator();
        return LintInputs.serverVersion(environment.jdbcUrl().orElseThrow(), environment.driverProperties());
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
            RevisionAuthor author = new RevisionAuthor(scripts());
            List<String> parents = author.parentsFor(request.head(), request.splice());
            return write(author.newRevision(request.revId(), request.message(), parents, request.branchLabels(),
                    author.dependencies(request.dependsOn())), request.versionPath());
        });
    }

    /** Writes a revision merging {@code revisions} (or all heads) into one ({@code alembic merge}). */
    public Path merge(List<String> revisions, String message, List<String> branchLabels, String revId) {
        return guarded(() -> {
            RevisionAuthor author = new RevisionAuthor(scripts());
            List<String> parents = author.mergeParents(revisions);
            return write(author.newRevision(revId, message, parents, branchLabels, List.of()), null);
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
                    if (e instanceof MigrateException typed) {
                        typed.scrub(secrets::scrub, secrets::scrubbed);
                        throw typed;
                    }
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

    private Path write(NewRevision revision, String versionPath) {
        Path folder = versionPath == null || versionPath.isBlank()
                ? layout.versionPaths().get(0) : layout.baseDirectory().resolve(versionPath);
        Path file = RevisionWriter.of(layout.fileTemplate(), layout.template()).write(revision, folder);
        listener.info("Generating " + file + " ... done");
        return file;
    }

    private RunSummary summary(String command, RunResult result) {
        return RunSummary.of(command, environment.name(), result, this::scriptOf);
    }

    private void reportOutcome(RunResult result) {
        if (result.nothingToDo()) {
            listener.info("Database is up to date at " + (result.endHeads().isEmpty() ? "base"
                    : String.join(", ", new TreeSet<>(result.endHeads()))) + ".");
        }
    }

    private String offline(Plan plan, RunOptions options) {
        return OfflineScript.render(plan, byId(), environment.database(), options.transactionMode());
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
                environment = environment.withEmbeddedServer(embedded.jdbcUrl(), embedded.driverProperties());
            }
            migrator = Migrator.connect(environment.database());
        }
        return migrator;
    }
}
