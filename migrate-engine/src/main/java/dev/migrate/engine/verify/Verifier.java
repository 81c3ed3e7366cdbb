package dev.migrate.engine.verify;

import dev.migrate.engine.Advice;
import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.MigrationFailedException;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.Migrator;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.ScratchDatabase;
import dev.migrate.engine.database.ScratchDatabases;
import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.CatalogReader;
import dev.migrate.engine.database.catalog.CatalogScope;
import dev.migrate.engine.diff.DiffOptions;
import dev.migrate.engine.diff.SchemaDiffer;
import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.GraphException;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.RevisionMap;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.Target;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;
import dev.migrate.engine.schema.DesiredSchema;
import dev.migrate.engine.schema.Schemas;
import dev.migrate.engine.verify.VerifyReport.Kind;
import dev.migrate.engine.verify.VerifyReport.Outcome;
import dev.migrate.engine.verify.VerifyReport.Problem;
import dev.migrate.engine.verify.VerifyReport.RevisionCheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The round trip of every revision on a scratch database. The revisions are taken in the upgrade
 * order from base to the head (across branches and merges, dependencies included); for each one:
 * upgrade, snapshot of the schema, downgrade, snapshot, comparison with the snapshot taken before
 * its upgrade (catalog against catalog, every object kind the differ models), upgrade again. The
 * snapshot after an upgrade is the "before" of the next revision, so each revision costs two
 * catalog reads; all steps run in one run of the ordinary {@link Migrator}.
 *
 * <p>A downgrade or second upgrade that fails is reported, and the walk goes on from a scratch
 * database rebuilt up to that revision. An upgrade that fails ends the walk (what follows depends
 * on it); after the seed data was loaded, it is tried once more on an empty database, to tell a
 * revision that fails on existing rows from one that fails anyway.
 */
public final class Verifier {
    private enum Phase { UP, DOWN, REUP }

    private record Action(int revision, Phase phase, Step step) {
    }

    /** A step failed ({@code error}), or, with no error, a downgrade left the schema different. */
    private record Failure(Action action, MigrationFailedException error) {
    }

    /** Stops the run after a downgrade that did not restore the schema: upgrading that state again means nothing. */
    private static final class Diverged extends RuntimeException {
        Diverged() {
            super("the downgrade did not restore the schema", null, false, false);
        }
    }

    private final ScratchDatabases scratch;
    private final DatabaseSettings like;
    private final VerifyOptions options;
    private final Consumer<String> progress;

    /**
     * @param scratch  where the scratch databases are made (and dropped when it closes)
     * @param like     the environment's settings (schema, version and history tables, timeouts), for the scratch ones
     * @param progress receives one line per revision checked
     */
    public Verifier(ScratchDatabases scratch, DatabaseSettings like, VerifyOptions options, Consumer<String> progress) {
        this.scratch = scratch;
        this.like = like;
        this.options = options;
        this.progress = progress;
    }

    /** Verifies every revision of {@code map}; fails before anything runs when the graph has several heads. */
    public VerifyReport verify(RevisionMap map, Map<String, RevisionScript> scripts) {
        long start = System.nanoTime();
        if (map.heads().size() > 1) {
            throw new SeveralHeadsException(map.heads());
        }
        Plan upgrade = map.planner().upgrade(Set.of(), Target.parse("heads"));
        if (upgrade.steps().isEmpty()) {
            return new VerifyReport(List.of(), List.of(), List.of("There are no revisions to verify."),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        int seedIndex = seedIndex(map, upgrade.steps());
        return new Walk(upgrade, scripts, seedIndex).run(start);
    }

    private int seedIndex(RevisionMap map, List<Step> ups) {
        if (options.seed().isEmpty()) {
            if (options.seedAfter().isPresent()) {
                throw new SeedException(java.nio.file.Path.of(Seed.DEFAULT_FILE), "does not exist, so there is nothing to"
                        + " load after " + options.seedAfter().get() + " (migrate.seedAfter). Write it, point " + Advice.setting("seed")
                        + " at the seed file, or leave migrate.seedAfter unset");
            }
            return -1;
        }
        if (options.seedAfter().isEmpty()) {
            return 0;
        }
        String after = options.seedAfter().get();
        Revision revision;
        try {
            revision = map.get(after);
        } catch (GraphException e) {
            throw new InvalidVerifySettingException("seedAfter", after, e.getMessage()
                    + " Name the revision after which the seed data is loaded by its id or a unique prefix.", e);
        }
        for (int i = 0; i < ups.size(); i++) {
            if (ups.get(i).revision().id().equals(revision.id())) {
                return i;
            }
        }
        throw new IllegalStateException("revision " + revision.id() + " is not in the upgrade plan");
    }

    /** One verification: the state of the walk over the upgrade steps. */
    private final class Walk {
        private final Plan upgrade;
        private final List<Step> ups;
        private final Map<String, RevisionScript> scripts;
        private final int seedIndex;
        private final boolean[] roundTrip;
        private final Outcome[] outcomes;
        private final long[] nanos;
        private final List<Problem> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final CatalogScope scope;
        /** The schema after the last upgrade, once the walk got there. */
        private Catalog head;

        Walk(Plan upgrade, Map<String, RevisionScript> scripts, int seedIndex) {
            this.upgrade = upgrade;
            this.ups = upgrade.steps();
            this.scripts = scripts;
            this.seedIndex = seedIndex;
            int n = ups.size();
            this.roundTrip = new boolean[n];
            this.outcomes = new Outcome[n];
            this.nanos = new long[n];
            Arrays.fill(outcomes, Outcome.NOT_CHECKED);
            this.scope = CatalogScope.of(List.of(), Set.of(like.schema() + "." + like.versionTable(),
                    like.schema() + "." + like.historyTable()));
        }

        VerifyReport run(long start) {
            for (int i = 0; i < ups.size(); i++) {
                RevisionScript script = script(i);
                roundTrip[i] = script.reversible();
                if (!script.reversible()) {
                    String why = script.downgradeSection().description();
                    if (options.allowIrreversible()) {
                        notes.add("Revision " + script.id() + " is irreversible (" + why + "): verified upgrade only,"
                                + " its downgrade is skipped (migrate.allowIrreversible=true).");
                    } else {
                        problem(i, Kind.IRREVERSIBLE, "is irreversible (" + why + ")", List.of("write its downgrade, or,"
                                + " when it truly cannot be undone, verify it upgrade only with " + Advice.setting("allowIrreversible=true")));
                    }
                }
            }
            options.seed().filter(s -> seedIndex >= 0).ifPresent(seed -> notes.add("Seed data " + seed.file() + " ("
                    + seed.statements().size() + (seed.statements().size() == 1 ? " statement" : " statements")
                    + ") is loaded after revision " + ups.get(seedIndex).revision().id() + "."));
            Scratch db = fresh(-1, true);
            try {
                Catalog before = db.read();
                int next = 0;
                while (next < ups.size()) {
                    Failure failure = walk(db, next, before);
                    if (failure == null) {
                        break;
                    }
                    int failed = failure.action().revision();
                    db.close();
                    db = null;
                    if (failure.action().phase() == Phase.UP) {
                        upgradeFailed(failed, failure.error());
                        break;
                    }
                    // without an error, the downgrade left another schema: compare() reported it
                    if (failure.error() != null && failure.action().phase() == Phase.DOWN) {
                        problem(failed, Kind.DOWNGRADE_FAILED, "downgrade fails", List.of(error(failure.error())));
                    } else if (failure.error() != null) {
                        problem(failed, Kind.REUPGRADE_FAILED, "upgrade fails when run again after its downgrade",
                                List.of(error(failure.error())));
                    }
                    db = fresh(failed, true);
                    before = db.read();
                    if (failed == ups.size() - 1) {
                        head = before;
                    }
                    next = failed + 1;
                }
            } finally {
                if (db != null) {
                    db.close();
                }
            }
            options.desired().ifPresent(this::compareWithDesired);
            List<RevisionCheck> checks = new ArrayList<>(ups.size());
            for (int i = 0; i < ups.size(); i++) {
                checks.add(new RevisionCheck(ups.get(i).revision().id(), script(i).message(), outcomes[i],
                        Duration.ofNanos(nanos[i])));
            }
            List<String> order = checks.stream().map(RevisionCheck::revision).toList();
            List<Problem> inOrder = new ArrayList<>(problems);
            inOrder.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.revision())));
            return new VerifyReport(checks, inOrder, notes, Duration.ofNanos(System.nanoTime() - start));
        }

        /**
         * Runs the round trips of the revisions from {@code from} on, in one run; null when all ran,
         * else the step that failed.
         */
        private Failure walk(Scratch db, int from, Catalog start) {
            List<Action> actions = new ArrayList<>();
            for (int i = from; i < ups.size(); i++) {
                Step up = ups.get(i);
                actions.add(new Action(i, Phase.UP, up));
                if (roundTrip[i]) {
                    actions.add(new Action(i, Phase.DOWN, new Step(up.revision(), Direction.DOWNGRADE, inverse(up.versionChanges()))));
                    actions.add(new Action(i, Phase.REUP, up));
                }
            }
            List<Step> steps = actions.stream().map(Action::step).toList();
            int[] started = {0};
            long[] revisionStart = {0};
            Catalog[] before = {start};
            Catalog[] afterUp = {null};
            MigrationListener listener = new MigrationListener() {
                @Override
                public void stepStarting(Step step, RevisionScript script) {
                    if (actions.get(started[0]++).phase() == Phase.UP) {
                        revisionStart[0] = System.nanoTime();
                    }
                }

                @Override
                public void stepCompleted(Step step, RevisionScript script, Duration duration) {
                    Action action = actions.get(started[0] - 1);
                    int i = action.revision();
                    switch (action.phase()) {
                        case UP -> {
                            afterUp[0] = db.read();
                            if (!roundTrip[i]) {
                                before[0] = finish(db, i, afterUp[0], revisionStart[0]);
                            }
                        }
                        case DOWN -> compare(i, before[0], db.read());
                        case REUP -> before[0] = finish(db, i, afterUp[0], revisionStart[0]);
                    }
                }
            };
            try {
                db.migrator().migrate(scripts, heads -> Plan.of(heads, upgrade.endHeads(), steps), RunOptions.defaults(), listener);
                return null;
            } catch (MigrationFailedException | Diverged e) {
                Action action = actions.get(started[0] - 1);
                nanos[action.revision()] = System.nanoTime() - revisionStart[0];
                progress.accept("Verified " + action.step().revision().id() + " (" + script(action.revision()).message()
                        + "): FAILED (" + Duration.ofNanos(nanos[action.revision()]).toMillis() + " ms)");
                return new Failure(action, e instanceof MigrationFailedException m ? m : null);
            }
        }

        /** Ends revision {@code i}'s check: seeds after it when it is the one, and gives the next one's "before". */
        private Catalog finish(Scratch db, int i, Catalog after, long revisionStart) {
            Catalog next = after;
            if (i == seedIndex) {
                db.seed(options.seed().orElseThrow(), ups.get(i).revision().id());
                next = db.read();
            }
            nanos[i] = System.nanoTime() - revisionStart;
            if (i == ups.size() - 1) {
                head = next;
            }
            if (outcomes[i] == Outcome.NOT_CHECKED) {
                outcomes[i] = roundTrip[i] ? Outcome.PASSED : Outcome.UPGRADE_ONLY;
            }
            progress.accept("Verified " + ups.get(i).revision().id() + " (" + script(i).message() + "): "
                    + (roundTrip[i] ? "upgrade, downgrade, upgrade" : "upgrade only") + (outcomes[i] == Outcome.FAILED
                    ? ", FAILED" : "") + " (" + Duration.ofNanos(nanos[i]).toMillis() + " ms)");
            return next;
        }

        /** Head against desired, when the walk reached the head: the desired schema is the expected side. */
        private void compareWithDesired(DesiredSchema desired) {
            if (head == null) {
                notes.add("The head schema was not compared with the desired schema " + desired.description()
                        + ": the revisions did not all upgrade.");
                return;
            }
            Catalog wanted = desiredCatalog(desired);
            if (wanted.equals(head)) {
                notes.add("The head schema equals the desired schema " + desired.description() + ".");
                return;
            }
            Schemas.Comparable pair = Schemas.comparable(scratch, head, wanted, scope);
            List<String> words = SchemaDiffer.compare(pair.desired(), pair.head(), DiffOptions.defaults()).differencesInWords().stream()
                    .map(w -> w.replace(" is left behind", " is not in the desired schema")
                            .replace(" is missing", " is missing from the head schema")).toList();
            if (!words.isEmpty()) {
                int last = ups.size() - 1;
                problems.add(new Problem(ups.get(last).revision().id(), script(last).message(), Kind.HEAD_NOT_DESIRED,
                        "the head schema differs from the desired schema " + desired.description()
                                + " (write a revision that closes the gap, e.g. with " + Advice.command("revision") + " and " + Advice.setting("autogenerate=true") + ")", words));
            } else {
                notes.add("The head schema equals the desired schema " + desired.description() + ".");
            }
        }

        private Catalog desiredCatalog(DesiredSchema desired) {
            return Schemas.desired(scratch, desired, like.schema(), scope);
        }

        private void compare(int i, Catalog before, Catalog afterDown) {
            if (before.equals(afterDown)) {
                return; // the usual case, without the differ's work
            }
            List<String> words = SchemaDiffer.compare(before, afterDown, DiffOptions.defaults()).differencesInWords();
            if (!words.isEmpty()) {
                problem(i, Kind.SCHEMA_NOT_RESTORED, "downgrade does not restore the schema",
                        words.stream().map(Walk::explain).toList());
                throw new Diverged();
            }
        }

        /** The differ's sentence, with the advice the enum case needs. */
        private static String explain(String sentence) {
            String leftBehind = " is left behind (an enum value cannot be removed in place)";
            if (sentence.startsWith("enum value ") && sentence.endsWith(leftBehind)) {
                return sentence.substring(0, sentence.length() - leftBehind.length()) + " cannot be removed in place,"
                        + " so the downgrade leaves it behind: recreate the type without it in the downgrade, or declare"
                        + " the revision irreversible (empty downgrade section) and verify with " + Advice.setting("allowIrreversible=true");
            }
            return sentence;
        }

        private void upgradeFailed(int failed, MigrationFailedException error) {
            boolean seeded = seedIndex >= 0 && seedIndex < failed;
            if (seeded && upgradesEmptyDatabase(failed)) {
                problem(failed, Kind.FAILS_ON_EXISTING_DATA, "upgrade fails on existing data (the seed data loaded after "
                        + ups.get(seedIndex).revision().id() + "), though it upgrades an empty database", List.of(error(error),
                        "make it work on existing rows: a default or a backfill before SET NOT NULL, data cleaned before a constraint"));
            } else {
                problem(failed, Kind.UPGRADE_FAILED, "upgrade fails", List.of(error(error)));
            }
            int after = ups.size() - failed - 1;
            if (after > 0) {
                notes.add(after + (after == 1 ? " revision after " : " revisions after ") + ups.get(failed).revision().id()
                        + (after == 1 ? " was" : " were") + " not checked: they need its upgrade.");
            }
        }

        /** Whether the upgrades up to and including {@code failed} run on a database without the seed data. */
        private boolean upgradesEmptyDatabase(int failed) {
            try (Scratch db = fresh(failed, false)) {
                return true;
            } catch (MigrationFailedException e) {
                return false;
            }
        }

        private void problem(int i, Kind kind, String summary, List<String> details) {
            outcomes[i] = Outcome.FAILED;
            problems.add(new Problem(ups.get(i).revision().id(), script(i).message(), kind, summary, details));
        }

        private RevisionScript script(int i) {
            return scripts.get(ups.get(i).revision().id());
        }

        /** A scratch database at base (tables of the tool created), or upgraded through revision {@code through}. */
        private Scratch fresh(int through, boolean withSeed) {
            ScratchDatabase database = scratch.create("verify");
            Scratch db = null;
            try {
                db = new Scratch(database, Migrator.connect(database.settings(like)), database.connect());
                Scratch opened = db;
                List<Step> steps = ups.subList(0, through + 1);
                db.migrator().migrate(scripts, heads -> Plan.of(heads, Set.of(), steps), RunOptions.defaults(),
                        new MigrationListener() {
                            private int done;

                            @Override
                            public void stepCompleted(Step step, RevisionScript script, Duration duration) {
                                if (withSeed && done++ == seedIndex) {
                                    opened.seed(options.seed().orElseThrow(), step.revision().id());
                                }
                            }
                        });
                return db;
            } catch (RuntimeException e) {
                if (db != null) {
                    db.close();
                } else {
                    database.close();
                }
                throw e;
            }
        }

        private static String error(MigrationFailedException e) {
            return (e.sqlState().map(s -> "SQLSTATE " + s + ": ").orElse("")) + e.databaseMessage() + " (" + e.file()
                    + ", line " + e.line() + ")";
        }

        private static List<VersionChange> inverse(List<VersionChange> changes) {
            List<VersionChange> out = new ArrayList<>(changes.size());
            for (int k = changes.size() - 1; k >= 0; k--) {
                VersionChange c = changes.get(k);
                if (c instanceof VersionChange.Insert insert) {
                    out.add(new VersionChange.Delete(insert.version()));
                } else if (c instanceof VersionChange.Delete delete) {
                    out.add(new VersionChange.Insert(delete.version()));
                } else {
                    VersionChange.Update update = (VersionChange.Update) c;
                    out.add(new VersionChange.Update(update.to(), update.from()));
                }
            }
            return out;
        }

        /** One scratch database with the migrator that runs the steps and the connection that reads its catalog. */
        private final class Scratch implements AutoCloseable {
            private final ScratchDatabase database;
            private final Migrator migrator;
            private final Connection reader;

            Scratch(ScratchDatabase database, Migrator migrator, Connection reader) {
                this.database = database;
                this.migrator = migrator;
                this.reader = reader;
            }

            Migrator migrator() {
                return migrator;
            }

            Catalog read() {
                return CatalogReader.read(reader, scope);
            }

            /** Loads the seed in one transaction, with the environment's schema first on the search path. */
            void seed(Seed seed, String after) {
                SqlStatement current = null;
                try {
                    reader.setAutoCommit(false);
                    try (PreparedStatement path = reader.prepareStatement(
                            "SELECT pg_catalog.set_config('search_path', ? || ', ' || pg_catalog.current_setting('search_path'), true)")) {
                        path.setString(1, "\"" + like.schema().replace("\"", "\"\"") + "\"");
                        path.execute();
                    }
                    try (Statement st = reader.createStatement()) {
                        for (SqlStatement statement : seed.statements()) {
                            current = statement;
                            st.execute(statement.sql());
                        }
                    }
                    reader.commit();
                } catch (SQLException e) {
                    try {
                        reader.rollback();
                    } catch (SQLException ignored) {
                        // the connection is gone; the scratch database is dropped anyway
                    }
                    throw new SeedException(seed.file(), "does not load after revision " + after
                            + (current == null ? "" : ", at line " + current.line()) + ": "
                            + (e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ")
                            + String.valueOf(e.getMessage()).replaceFirst("^ERROR: ", "")
                            + ". Fix the seed file, or load it after another revision with " + Advice.setting("seedAfter=REV"), e);
                } finally {
                    try {
                        reader.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // reported by the next read
                    }
                }
            }

            @Override
            public void close() {
                try {
                    migrator.close();
                    reader.close();
                } catch (SQLException ignored) {
                    // dropped below, connections and all
                } finally {
                    database.close();
                }
            }
        }
    }
}
