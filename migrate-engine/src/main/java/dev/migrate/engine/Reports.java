package dev.migrate.engine;

import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.RevisionMap;
import dev.migrate.engine.scripts.RevisionScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the inspection commands' entries from the graph and the files, asking the graph what it
 * needs once per report rather than once per revision.
 */
final class Reports {
    private final RevisionMap map;
    private final Function<String, Optional<RevisionScript>> scripts;
    private final Set<String> realHeads;
    private final Set<String> branchPoints;
    private final Set<String> current;

    Reports(RevisionMap map, Function<String, Optional<RevisionScript>> scripts, Set<String> current) {
        this.map = map;
        this.scripts = scripts;
        this.realHeads = map.heads();
        this.branchPoints = map.branchPoints();
        this.current = Set.copyOf(current);
    }

    RevisionEntry entry(String id) {
        boolean known = map.find(id).isPresent();
        Revision r = map.find(id).orElseGet(() -> Revision.of(id));
        Optional<RevisionScript> script = scripts.apply(id);
        boolean head = realHeads.contains(id);
        boolean branchHead = known && map.children(id).isEmpty();
        List<String> labels = known ? List.copyOf(new TreeSet<>(map.branchLabelsCovering(id))) : List.of();
        return new RevisionEntry(id, r.downRevisions(), r.dependsOn(), labels,
                script.map(RevisionScript::message).orElse(""), head, branchHead && !head, current.contains(id),
                branchPoints.contains(id), r.isMergePoint(), script.map(s -> s.file().toString()).orElse(null),
                script.flatMap(RevisionScript::createDate).orElse(null), script.map(RevisionScript::transactional).orElse(true),
                script.filter(s -> !s.reversible()).map(RevisionScript::irreversibleReason).orElse(null),
                script.flatMap(RevisionScript::java).map(j -> j.className()).orElse(null));
    }

    List<RevisionEntry> entries(Iterable<String> ids) {
        List<RevisionEntry> out = new ArrayList<>();
        ids.forEach(id -> out.add(entry(id)));
        return out;
    }

    /** A written revision file, as {@code revision} and {@code merge} answer it. */
    static WrittenRevision written(String command, RevisionScript script) {
        return new WrittenRevision(command, script.file().toString(), script.id(), script.revision().downRevisions(),
                List.copyOf(new TreeSet<>(script.revision().branchLabels())), script.revision().dependsOn(), script.message());
    }
}
