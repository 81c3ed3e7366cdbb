package dev.migrate.engine.database;

import static dev.migrate.engine.Advice.command;
import static dev.migrate.engine.Advice.setting;

import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.scripts.Checksum;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the local revision files with what the database recorded: applied revisions whose
 * file changed since (see {@link Checksum} for what counts as an edit), current heads that no file
 * knows, and non-transactional revisions an earlier run left unfinished. Linear in the number of
 * scripts.
 */
public final class ScriptChecks {
    private ScriptChecks() {
    }

    /** Applied revisions whose checksum differs from the latest upgrade's, except those accepted; in script order. */
    public static List<EditedRevision> edited(Collection<RevisionScript> scripts, DatabaseState state, Set<String> accepted) {
        List<EditedRevision> edited = new ArrayList<>();
        Map<String, String> applied = state.appliedChecksums();
        for (RevisionScript script : scripts) {
            String recorded = applied.get(script.id());
            if (recorded != null && !accepted.contains(script.id())
                    && !Checksum.matches(recorded, script.checksum(), script.file())) {
                edited.add(new EditedRevision(script.id(), script.file(), recorded, script.checksum()));
            }
        }
        return edited;
    }

    /** Current heads that no local script knows, sorted. */
    public static List<String> unknownHeads(Map<String, RevisionScript> scriptsById, DatabaseState state) {
        Set<String> unknown = new TreeSet<>();
        for (String head : state.heads()) {
            if (!scriptsById.containsKey(head)) {
                unknown.add(head);
            }
        }
        return List.copyOf(unknown);
    }

    /** Throws {@link EditedRevisionsException} when {@link #edited} finds any. */
    public static void requireUnedited(Collection<RevisionScript> scripts, DatabaseState state, Set<String> accepted) {
        List<EditedRevision> edited = edited(scripts, state, accepted);
        if (!edited.isEmpty()) {
            throw new EditedRevisionsException(edited);
        }
    }

    /** Throws {@link UnknownDatabaseRevisionsException} when {@link #unknownHeads} finds any. */
    public static void requireKnownHeads(Map<String, RevisionScript> scriptsById, DatabaseState state, String versionTable) {
        List<String> unknown = unknownHeads(scriptsById, state);
        if (!unknown.isEmpty()) {
            throw new UnknownDatabaseRevisionsException(versionTable, unknown);
        }
    }

    /**
     * The edited revisions that {@code accept} names, after checking that every name is a revision
     * file's id and that no other applied revision was edited ({@link EditedRevisionsException}).
     */
    public static List<EditedRevision> requireUneditedOrAccepted(Map<String, RevisionScript> scriptsById,
                                                                 DatabaseState state, Set<String> accept) {
        List<String> unknown = new ArrayList<>(new TreeSet<>(accept.stream().filter(r -> !scriptsById.containsKey(r)).toList()));
        if (!unknown.isEmpty()) {
            Set<String> near = new TreeSet<>();
            for (String name : unknown) {
                scriptsById.keySet().stream().filter(id -> id.startsWith(name) || name.startsWith(id)).forEach(near::add);
            }
            throw new UnknownAcceptedRevisionException(unknown, near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)");
        }
        List<EditedRevision> edited = edited(scriptsById.values(), state, Set.of());
        List<EditedRevision> refused = edited.stream().filter(e -> !accept.contains(e.revision())).toList();
        if (!refused.isEmpty()) {
            throw new EditedRevisionsException(refused);
        }
        return edited;
    }

    /**
     * The interrupted step to resume, when {@code resume} names the one an earlier run left
     * unfinished and the plan starts with it; none when nothing was interrupted. Otherwise an
     * {@link InterruptedRevisionException} that says what ran and how to go on.
     */
    static InterruptedStep requireNoInterruption(Map<String, RevisionScript> scriptsById, DatabaseState state, Plan plan,
                                                 Optional<String> resume, String historyTable) {
        if (state.interrupted().isEmpty()) {
            resume.ifPresent(r -> {
                throw new InterruptedRevisionException(null, setting("resume=" + r) + ": no earlier run was interrupted "
                        + "(" + historyTable + " has no unfinished revision), so there is nothing to resume. Run without "
                        + setting("resume") + ".");
            });
            return null;
        }
        InterruptedStep step = state.interrupted().get(state.interrupted().size() - 1);
        RevisionScript script = scriptsById.get(step.revision());
        if (resume.isEmpty() || !resume.get().equals(step.revision())) {
            String wrong = resume.map(r -> setting("resume=" + r) + " names another revision. ").orElse("");
            throw new InterruptedRevisionException(step, wrong + describe(step, script, state));
        }
        Step first = plan.steps().isEmpty() ? null : plan.steps().get(0);
        if (first == null || !first.revision().id().equals(step.revision()) || first.direction() != step.direction()) {
            throw new InterruptedRevisionException(step, setting("resume=" + step.revision()) + ": this run's target "
                    + "does not start with " + step.direction().word() + " " + step.revision() + ", the revision the "
                    + "earlier run was in. Choose a target that includes it (the default, heads, does for an upgrade).");
        }
        return step;
    }

    /** "An earlier run was interrupted in r020 after statement 1 of 3 (line 9) ...", what ran, and the way on. */
    static String describe(InterruptedStep step, RevisionScript script, DatabaseState state) {
        String heads = PlanExecutor.describe(state.heads());
        String id = step.revision();
        if (script == null) {
            return "An earlier run was interrupted in " + id + " (" + step.direction().word() + ", after statement "
                    + step.statementsDone() + "), whose file is missing; the version table is at " + heads
                    + ". Restore the file, then resume with " + setting("resume=" + id) + ", or record where the database is "
                    + "with " + command("stamp") + ".";
        }
        List<SqlStatement> statements = step.direction() == dev.migrate.engine.graph.Direction.UPGRADE
                ? script.upgrade() : script.downgrade();
        int total = statements.size();
        int done = Math.min(step.statementsDone(), total);
        StringBuilder out = new StringBuilder("An earlier run was interrupted in " + id + " ");
        if (done == 0) {
            out.append("before its first statement completed");
        } else if (done == total) {
            out.append("after all ").append(total).append(" statements, before its version change was written");
        } else {
            out.append("after statement ").append(done).append(" of ").append(total).append(" (line ")
                    .append(statements.get(done - 1).line()).append(")");
        }
        out.append(" (").append(step.direction().word()).append(", ").append(script.file())
                .append("); it is not transactional, so what ran stays applied. The version table is still at ")
                .append(heads).append(".");
        for (int i = 0; i < done; i++) {
            out.append("\nRan: statement ").append(i + 1).append(" (line ").append(statements.get(i).line()).append("): ")
                    .append(firstLine(statements.get(i).sql()));
        }
        if (done < total) {
            out.append("\nNot recorded as run: statement ").append(done + 1).append(" (line ")
                    .append(statements.get(done).line()).append("): ").append(firstLine(statements.get(done).sql()))
                    .append(" (it may have started: check it first; an interrupted CREATE INDEX CONCURRENTLY leaves an "
                            + "INVALID index to drop)");
            out.append("\nContinue from statement ").append(done + 1).append(" with ").append(setting("resume=" + id));
        } else {
            out.append("\nWrite its version change with ").append(setting("resume=" + id));
        }
        out.append(", or finish the revision by hand and record it with ").append(command("stamp"))
                .append(step.direction() == dev.migrate.engine.graph.Direction.UPGRADE ? " " + setting("target=" + id) : "")
                .append(".");
        return out.toString();
    }

    private static String firstLine(String sql) {
        String text = sql.strip();
        int eol = text.indexOf('\n');
        String line = eol < 0 ? text : text.substring(0, eol) + " ...";
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
