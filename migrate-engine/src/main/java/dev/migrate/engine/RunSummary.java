package dev.migrate.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.migrate.engine.database.AppliedStep;
import dev.migrate.engine.database.RunResult;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What an {@code upgrade}, {@code downgrade} or {@code stamp} did: the heads before (as read under
 * the lock) and after, each step run with its duration, the version changes a stamp wrote, the
 * wait for the lock and the whole run's time. Its components are the JSON report's fields
 * ({@code migrate.report}).
 *
 * @param steps      the steps run, in order; empty when there was nothing to do
 * @param stamped    the version changes a stamp wrote without running anything
 * @param lockWaitMs how long the run waited for another run's lock
 * @param durationMs the whole run
 */
public record RunSummary(String command, String environment, Set<String> headsBefore, Set<String> headsAfter,
                         List<StepRun> steps, List<Stamped> stamped, long lockWaitMs, long durationMs)
        implements Report {
    /** A step that ran: {@code upgrade} or {@code downgrade} of a revision, and how long it took. */
    public record StepRun(String revision, String direction, String message, long durationMs) {
        @JsonIgnore
        public Duration duration() {
            return Duration.ofMillis(durationMs);
        }
    }

    /** A version-table change a stamp wrote: an {@code insert}, an update {@code from} one {@code to} another, or a {@code delete}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stamped(String insert, String from, String to, String delete) {
        static Stamped of(VersionChange change) {
            if (change instanceof VersionChange.Insert i) {
                return new Stamped(i.version(), null, null, null);
            }
            if (change instanceof VersionChange.Update u) {
                return new Stamped(null, u.from(), u.to(), null);
            }
            return new Stamped(null, null, null, ((VersionChange.Delete) change).version());
        }
    }

    public RunSummary {
        headsBefore = java.util.Collections.unmodifiableSet(new TreeSet<>(headsBefore));
        headsAfter = java.util.Collections.unmodifiableSet(new TreeSet<>(headsAfter));
        steps = List.copyOf(steps);
        stamped = List.copyOf(stamped);
    }

    /** The summary of the database layer's run, the steps' messages taken from their files. */
    static RunSummary of(String command, String environment, RunResult result,
                         Function<String, Optional<RevisionScript>> scripts) {
        List<StepRun> steps = result.steps().stream().map(a -> step(a, scripts)).toList();
        return new RunSummary(command, environment, result.startHeads(), result.endHeads(), steps,
                result.stamped().stream().map(Stamped::of).toList(), result.lockWait().toMillis(), result.total().toMillis());
    }

    private static StepRun step(AppliedStep applied, Function<String, Optional<RevisionScript>> scripts) {
        String id = applied.step().revision().id();
        return new StepRun(id, applied.step().direction().name().toLowerCase(Locale.ROOT),
                scripts.apply(id).map(RevisionScript::message).orElse(""), applied.duration().toMillis());
    }

    /** Nothing ran and nothing was stamped (for example another run had done it). */
    @JsonIgnore
    public boolean nothingToDo() {
        return steps.isEmpty() && stamped.isEmpty();
    }

    @Override
    public List<String> lines(boolean verbose) {
        return List.of(command + ": " + steps.size() + (steps.size() == 1 ? " step" : " steps") + " in " + durationMs
                + " ms; heads before: " + ids(headsBefore) + ", after: " + ids(headsAfter));
    }

    private static String ids(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    @Override
    public String toJson() {
        return Json.write(this);
    }
}
