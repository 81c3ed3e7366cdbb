package dev.migrate.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer of {@code current}, {@code history}, {@code heads} and {@code show}: revisions in
 * the command's order. In text, Alembic's lines for the command (its {@code Script.cmd_format},
 * flag for flag); in JSON, {@code {"revisions": [...]}} ({@code "heads"} for heads,
 * {@code "current"} for current, with the {@code "environment"} read).
 *
 * @param command     {@code current}, {@code history}, {@code heads} or {@code show}
 * @param environment the environment whose database was read, for {@code current}
 */
public record RevisionList(String command, Optional<String> environment, List<RevisionEntry> entries) implements Report {
    public RevisionList {
        entries = List.copyOf(entries);
    }

    @Override
    public List<String> lines(boolean verbose) {
        List<String> out = new ArrayList<>();
        for (RevisionEntry listed : entries) {
            // current lists only the revisions the database is at: Alembic marks none of them "(current)"
            RevisionEntry e = command.equals("current") ? listed.unmarked() : listed;
            if (verbose) {
                out.addAll(e.details());
            } else {
                out.add(switch (command) {
                    case "current" -> e.format(false, false, false, true, true);
                    case "heads" -> e.format(true, false, false, false, true);
                    default -> e.format(true, true, true, true, true);
                });
            }
        }
        return out;
    }

    @Override
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        environment.ifPresent(name -> m.put("environment", name));
        m.put(command.equals("current") || command.equals("heads") ? command : "revisions", entries);
        return Json.write(m);
    }
}
