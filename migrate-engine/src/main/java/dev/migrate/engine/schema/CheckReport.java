package dev.migrate.engine.schema;

import dev.migrate.engine.Advice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code check} found (SPEC §5): it passes when there is no finding.
 *
 * @param findings   one per problem, in the order checked
 * @param notes      what was not checked and why (no desired schema, live database unreachable)
 * @param desiredSql SQL that takes the head schema to the desired schema; empty when they agree
 * @param driftSql   SQL that takes the live database back to the schema of its revisions; empty without drift
 */
public record CheckReport(List<CheckFinding> findings, List<String> notes, String desiredSql, String driftSql) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public CheckReport {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        desiredSql = desiredSql == null ? "" : desiredSql;
        driftSql = driftSql == null ? "" : driftSql;
    }

    public boolean passed() {
        return findings.isEmpty();
    }

    /** {@code check found 2 problems} or {@code check passed: ...}. */
    public String summary() {
        if (passed()) {
            return "No problems found: the head schema, the desired schema and the live database agree.";
        }
        return "check found " + findings.size() + (findings.size() == 1 ? " problem" : " problems") + ".";
    }

    /** The finding lines, then the SQL that would fix the schemas, for the text report. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        findings.forEach(f -> lines.add(f.message()));
        if (!desiredSql.isBlank()) {
            lines.add("SQL that takes the head schema to the desired schema (" + Advice.command("revision") + " with " + Advice.setting("autogenerate=true") + " writes it):");
            desiredSql.strip().lines().forEach(l -> lines.add("  " + l));
        }
        if (!driftSql.isBlank()) {
            lines.add("SQL that takes the live database back to the schema of its revisions:");
            driftSql.strip().lines().forEach(l -> lines.add("  " + l));
        }
        return lines;
    }

    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "check");
        out.put("passed", passed());
        List<Map<String, Object>> items = new ArrayList<>();
        for (CheckFinding f : findings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", f.kind());
            item.put("subject", f.subject());
            item.put("message", f.message());
            items.add(item);
        }
        out.put("findings", items);
        out.put("notes", notes);
        out.put("desiredSql", desiredSql);
        out.put("driftSql", driftSql);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
