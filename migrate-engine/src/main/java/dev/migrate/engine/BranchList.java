package dev.migrate.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code branches} ({@code alembic branches}): each branch point and the revisions
 * leaving it. JSON: {@code {"branchpoints": [{...the point's fields..., "branches": [ids]}]}}.
 */
public record BranchList(List<BranchPoint> points) implements Report {
    /** A branch point and the revisions that revise it. */
    public record BranchPoint(RevisionEntry point, List<RevisionEntry> branches) {
        public BranchPoint {
            branches = List.copyOf(branches);
        }
    }

    public BranchList {
        points = List.copyOf(points);
    }

    @Override
    public List<String> lines(boolean verbose) {
        List<String> out = new ArrayList<>();
        for (BranchPoint p : points) {
            out.add(verbose ? String.join(System.lineSeparator(), p.point().details())
                    : p.point().format(true, false, false, true, true));
            String indent = " ".repeat(p.point().revision().length());
            for (RevisionEntry child : p.branches()) {
                out.add(indent + " -> " + child.format(true, verbose, false, true, true));
            }
            out.add("");
        }
        return out;
    }

    @Override
    public String toJson() {
        List<Object> list = new ArrayList<>();
        for (BranchPoint p : points) {
            Map<String, Object> m = new LinkedHashMap<>(Json.fields(p.point()));
            m.put("branches", p.branches().stream().map(RevisionEntry::revision).toList());
            list.add(m);
        }
        return Json.write(Map.of("branchpoints", list));
    }
}
