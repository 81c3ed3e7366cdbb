package dev.migrate.engine.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- migrate:lint-ignore RULE reason} comments of a revision file. A comment accepts
 * findings of RULE on the statement right below it (the comment lines directly above a statement
 * belong to it); the reason is required and is printed with the accepted finding.
 */
final class LintIgnores {
    private static final Pattern IGNORE = Pattern.compile("^\\s*--\\s*migrate:lint-ignore\\s+([A-Za-z0-9_-]+)\\s*(.*)$");

    record Ignore(int line, String rule, String reason) {
    }

    private final List<String> lines;

    private LintIgnores(List<String> lines) {
        this.lines = lines;
    }

    static LintIgnores of(String fileText) {
        return new LintIgnores(List.of(fileText.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
    }

    /** The ignore comments directly above the statement starting on {@code statementLine} (1-based). */
    List<Ignore> above(int statementLine) {
        List<Ignore> found = new ArrayList<>();
        for (int i = statementLine - 2; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (!line.startsWith("--")) {
                break;
            }
            Matcher m = IGNORE.matcher(line);
            if (m.matches()) {
                found.add(new Ignore(i + 1, m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip()));
            }
        }
        return found;
    }

    /** Applies the ignore comments to one statement's findings, adding findings for bad or unused comments. */
    List<Finding> apply(List<Finding> findings, int statementLine, String revision, String file) {
        List<Ignore> ignores = above(statementLine);
        if (ignores.isEmpty()) {
            return findings;
        }
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<Ignore> match = ignores.stream().filter(i -> i.rule().equals(finding.rule().id()) && !i.reason().isEmpty()).findFirst();
            result.add(match.map(i -> finding.accept(i.reason())).orElse(finding));
        }
        for (Ignore ignore : ignores) {
            if (ignore.reason().isEmpty()) {
                result.add(new Finding(revision, file, ignore.line(), Rules.IGNORE_WITHOUT_REASON, Rules.IGNORE_WITHOUT_REASON.severity(),
                        "'-- migrate:lint-ignore " + ignore.rule() + "' gives no reason, so it accepts nothing", false, Optional.empty()));
            } else if (findings.stream().noneMatch(f -> f.rule().id().equals(ignore.rule()))) {
                result.add(new Finding(revision, file, ignore.line(), Rules.UNUSED_IGNORE, Rules.UNUSED_IGNORE.severity(),
                        "'-- migrate:lint-ignore " + ignore.rule() + "' matches no finding of the statement below it"
                                + (Rules.find(ignore.rule()).isEmpty() ? " (no rule has that id)" : ""), false, Optional.empty()));
            }
        }
        return result;
    }
}
