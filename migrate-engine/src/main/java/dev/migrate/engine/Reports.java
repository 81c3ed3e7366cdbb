package dev.migrate.engine;

import dev.migrate.engine.database.AppliedStep;
import dev.migrate.engine.database.RunResult;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.graph.RevisionMap;
import dev.migrate.engine.scripts.RevisionScript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The inspection goals' answers: Alembic's text (its {@code Script.cmd_format}, flag for flag)
 * and JSON for pipelines.
 */
public final class Reports {
    private Reports() {
    }

    /** What the reports ask of the graph, computed once per report rather than once per revision. */
    static final class Graph {
        private final RevisionMap map;
        private final Function<String, Optional<RevisionScript>> scripts;
        private final Set<String> realHeads;
        private final Set<String> branchPoints;
        private final Set<String> current;

        Graph(RevisionMap map, Function<String, Optional<RevisionScript>> scripts, Set<String> current) {
            this.map = map;
            this.scripts = scripts;
            this.realHeads = map.heads();
            this.branchPoints = map.branchPoints();
            this.current = Set.copyOf(current);
        }

        Entry entry(String id) {
            Revision r = map.find(id).orElseGet(() -> Revision.of(id));
            boolean known = map.find(id).isPresent();
            return new Entry(r, scripts.apply(id), realHeads.contains(id),
                    known && map.children(id).isEmpty(), branchPoints.contains(id), current.contains(id),
                    known ? new TreeSet<>(map.branchLabelsCovering(id)) : new TreeSet<>());
        }

        List<Entry> entries(Iterable<String> ids) {
            List<Entry> out = new ArrayList<>();
            ids.forEach(id -> out.add(entry(id)));
            return out;
        }
    }

    /** One revision as the reports show it. */
    record Entry(Revision revision, Optional<RevisionScript> script, boolean realHead, boolean head,
                 boolean branchPoint, boolean current, Set<String> labels) {
        String message() {
            return script.map(RevisionScript::message).orElse("");
        }

        /** Alembic's {@code _head_only}: {@code a1 (deps) -> b2 (auth) (head) (current) (branchpoint), message}. */
        String format(boolean branches, boolean doc, boolean parents, boolean tree, boolean headIndicators) {
            StringBuilder s = new StringBuilder();
            if (parents) {
                s.append(revision.downRevisions().isEmpty() ? "<base>" : String.join(", ", revision.downRevisions()));
                if (!revision.dependsOn().isEmpty()) {
                    s.append(" (").append(String.join(", ", revision.dependsOn())).append(')');
                }
                s.append(" -> ");
            }
            s.append(revision.id());
            if (branches && !labels.isEmpty()) {
                s.append(" (").append(String.join(", ", labels)).append(')');
            }
            if (headIndicators || tree) {
                s.append(realHead ? " (head)" : "").append(head && !realHead ? " (effective head)" : "")
                        .append(current ? " (current)" : "");
            }
            if (tree) {
                s.append(branchPoint ? " (branchpoint)" : "").append(revision.isMergePoint() ? " (mergepoint)" : "");
            }
            if (doc) {
                s.append(", ").append(message());
            }
            return s.toString();
        }

        /** Alembic's verbose form ({@code log_entry}). */
        List<String> details() {
            List<String> lines = new ArrayList<>();
            lines.add("Rev: " + format(true, false, false, true, true));
            if (!revision.downRevisions().isEmpty()) {
                lines.add((revision.isMergePoint() ? "Merges: " : "Parent: ") + String.join(", ", revision.downRevisions()));
            }
            if (!revision.dependsOn().isEmpty()) {
                lines.add("Also depends on: " + String.join(", ", revision.dependsOn()));
            }
            script.ifPresent(s -> {
                lines.add("Path: " + s.file());
                s.java().ifPresent(j -> lines.add("Java: " + j.className()));
                s.createDate().ifPresent(d -> lines.add("Create Date: " + d));
                if (!s.transactional()) {
                    lines.add("Transactional: false");
                }
                if (!s.reversible()) {
                    lines.add("Irreversible: " + s.irreversibleReason());
                }
            });
            lines.add("");
            lines.add("    " + message());
            lines.add("");
            return lines;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("revision", revision.id());
            m.put("downRevisions", revision.downRevisions());
            m.put("dependsOn", revision.dependsOn());
            m.put("branchLabels", labels);
            m.put("message", message());
            m.put("head", realHead);
            m.put("current", current);
            m.put("branchPoint", branchPoint);
            m.put("mergePoint", revision.isMergePoint());
            script.ifPresent(s -> m.put("file", s.file().toString()));
            return m;
        }
    }

    /** A list of revisions under one JSON key; in text, one line per revision. */
    public record Listing(String key, List<Entry> entries, Function<Entry, String> line, Map<String, Object> extra)
            implements Report {
        @Override
        public List<String> lines(boolean verbose) {
            List<String> out = new ArrayList<>();
            for (Entry e : entries) {
                if (verbose) {
                    out.addAll(e.details());
                } else {
                    out.add(line.apply(e));
                }
            }
            return out;
        }

        @Override
        public String toJson() {
            Map<String, Object> m = new LinkedHashMap<>(extra);
            m.put(key, entries.stream().map(Entry::json).toList());
            return Json.write(m);
        }
    }

    /** Branch points and the revisions leaving each ({@code alembic branches}). */
    public record Branches(List<Entry> points, Map<String, List<Entry>> children) implements Report {
        @Override
        public List<String> lines(boolean verbose) {
            List<String> out = new ArrayList<>();
            for (Entry point : points) {
                out.add(verbose ? String.join(System.lineSeparator(), point.details()) : point.format(true, false, false, true, true));
                String indent = " ".repeat(point.revision().id().length());
                for (Entry child : children.get(point.revision().id())) {
                    out.add(indent + " -> " + child.format(true, verbose, false, true, true));
                }
                out.add("");
            }
            return out;
        }

        @Override
        public String toJson() {
            List<Object> list = new ArrayList<>();
            for (Entry point : points) {
                Map<String, Object> m = point.json();
                m.put("branches", children.get(point.revision().id()).stream().map(e -> e.revision().id()).toList());
                list.add(m);
            }
            return Json.write(Map.of("branchpoints", list));
        }
    }

    /**
     * What an upgrade, downgrade or stamp did, for {@code migrate.report} and
     * {@code migrate.format=json}: the heads before and after, and each step with its duration.
     */
    public record Run(String command, String environment, RunResult result,
                      Function<String, Optional<RevisionScript>> scripts) implements Report {
        @Override
        public List<String> lines(boolean verbose) {
            List<String> out = new ArrayList<>();
            out.add(command + ": " + result.steps().size() + (result.steps().size() == 1 ? " step" : " steps") + " in "
                    + result.total().toMillis() + " ms; heads before: " + ids(result.startHeads()) + ", after: "
                    + ids(result.endHeads()));
            return out;
        }

        private static String ids(Set<String> heads) {
            return heads.isEmpty() ? "base" : String.join(", ", new TreeSet<>(heads));
        }

        @Override
        public String toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", command);
            m.put("environment", environment);
            m.put("headsBefore", new TreeSet<>(result.startHeads()));
            m.put("headsAfter", new TreeSet<>(result.endHeads()));
            List<Object> steps = new ArrayList<>();
            for (AppliedStep applied : result.steps()) {
                Map<String, Object> step = new LinkedHashMap<>();
                String id = applied.step().revision().id();
                step.put("revision", id);
                step.put("direction", applied.step().direction().name().toLowerCase(java.util.Locale.ROOT));
                step.put("message", scripts.apply(id).map(RevisionScript::message).orElse(""));
                step.put("durationMs", applied.duration().toMillis());
                steps.add(step);
            }
            m.put("steps", steps);
            m.put("stamped", result.stamped().stream().map(Reports::versionChange).toList());
            m.put("lockWaitMs", result.lockWait().toMillis());
            m.put("durationMs", result.total().toMillis());
            return Json.write(m);
        }
    }

    private static Map<String, Object> versionChange(VersionChange change) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (change instanceof VersionChange.Insert insert) {
            m.put("insert", insert.version());
        } else if (change instanceof VersionChange.Update update) {
            m.put("from", update.from());
            m.put("to", update.to());
        } else if (change instanceof VersionChange.Delete delete) {
            m.put("delete", delete.version());
        }
        return m;
    }

    /** The file {@code revision} or {@code merge} wrote. */
    public record Written(String command, RevisionScript script) implements Report {
        @Override
        public List<String> lines(boolean verbose) {
            return List.of(script.file().toString());
        }

        @Override
        public String toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", command);
            m.put("path", script.file().toString());
            m.put("revision", script.id());
            m.put("downRevisions", script.revision().downRevisions());
            m.put("branchLabels", script.revision().branchLabels());
            m.put("dependsOn", script.revision().dependsOn());
            m.put("message", script.message());
            return Json.write(m);
        }
    }
}
