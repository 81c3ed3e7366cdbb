package dev.migrate.engine;

import dev.migrate.engine.graph.Revision;
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

/** The inspection goals' answers, in Alembic's text form and as JSON. */
public final class Reports {
    private Reports() {
    }

    /** How a revision is described: its graph node, its file, and where it stands. */
    record Entry(Revision revision, Optional<RevisionScript> script, boolean head, boolean current, Set<String> labels) {
        String message() {
            return script.map(RevisionScript::message).orElse("");
        }

        /** {@code c3c3c3c3c3c3 (auth) (head) (current)} */
        String marked() {
            StringBuilder s = new StringBuilder(revision.id());
            if (!labels.isEmpty()) {
                s.append(" (").append(String.join(", ", labels)).append(')');
            }
            if (head) {
                s.append(" (head)");
            }
            if (current) {
                s.append(" (current)");
            }
            return s.toString();
        }

        /** Alembic's history line: {@code a1 -> b2 (head), message}; a base shows {@code <base>}. */
        String historyLine() {
            String parents = revision.downRevisions().isEmpty() ? "<base>" : String.join(", ", revision.downRevisions());
            String prefix = revision.isMergePoint() ? "(merge) " : "";
            return parents + " -> " + prefix + marked() + ", " + message();
        }

        List<String> details() {
            List<String> lines = new ArrayList<>();
            lines.add("Rev: " + marked());
            if (!revision.downRevisions().isEmpty()) {
                lines.add((revision.isMergePoint() ? "Merges: " : "Parent: ") + String.join(", ", revision.downRevisions()));
            }
            if (!revision.dependsOn().isEmpty()) {
                lines.add("Depends on: " + String.join(", ", revision.dependsOn()));
            }
            script.ifPresent(s -> {
                lines.add("Path: " + s.file());
                s.createDate().ifPresent(d -> lines.add("Create Date: " + d));
                if (!s.transactional()) {
                    lines.add("Transactional: false");
                }
                if (!s.reversible()) {
                    lines.add("Irreversible: no downgrade section");
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
            m.put("branchLabels", new TreeSet<>(labels));
            m.put("message", message());
            m.put("head", head);
            m.put("current", current);
            script.ifPresent(s -> m.put("file", s.file().toString()));
            return m;
        }
    }

    static Entry entry(RevisionMap map, Function<String, Optional<RevisionScript>> scripts, Revision r, Set<String> current) {
        return new Entry(r, scripts.apply(r.id()), map.heads().contains(r.id()), current.contains(r.id()),
                new TreeSet<>(r.branchLabels()));
    }

    /** A list of revisions under one JSON key; text lines one per revision. */
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

    /** Branch points and the branches leaving each ({@code alembic branches}). */
    public record Branches(RevisionMap map, List<Entry> points, Function<String, Entry> entryOf) implements Report {
        @Override
        public List<String> lines(boolean verbose) {
            List<String> out = new ArrayList<>();
            for (Entry point : points) {
                out.add(point.marked() + " (branchpoint), " + point.message());
                for (String child : new TreeSet<>(map.children(point.revision().id()))) {
                    Entry c = entryOf.apply(child);
                    out.add("    -> " + c.marked() + ", " + c.message());
                }
            }
            return out;
        }

        @Override
        public String toJson() {
            List<Object> list = new ArrayList<>();
            for (Entry point : points) {
                Map<String, Object> m = point.json();
                m.put("branches", new TreeSet<>(map.children(point.revision().id())));
                list.add(m);
            }
            return Json.write(Map.of("branchpoints", list));
        }
    }
}
