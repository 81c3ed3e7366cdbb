package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.Revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes new revision files ({@code revision} and {@code merge} goals).
 *
 * <p>The file name comes from {@code fileTemplate} (default {@value #DEFAULT_FILE_TEMPLATE}) plus
 * {@code .sql}; its tokens are {@code {rev} {slug} {year} {month} {day} {hour} {minute} {second}}
 * (the date ones zero-padded), and a {@code /} in it makes sub-folders. The slug is Alembic's: the
 * words of the message, lowercased and joined by {@code _}, cut at a word boundary when longer than
 * 40 characters.
 *
 * <p>The content comes from a template ({@link #DEFAULT_TEMPLATE} unless the project has a
 * {@code template.sql}) whose tokens are {@code ${message} ${revision} ${down_revision}
 * ${create_date} ${branch_labels} ${depends_on} ${upgrades} ${downgrades}}; lists are written
 * comma-separated. A template line holding {@code ${branch_labels}} or {@code ${depends_on}} is left
 * out when that list is empty, and a line that ends up with trailing blanks loses them. Other
 * {@code ${...}} text is kept as it is. Before anything is written the rendered file is parsed back
 * and must give the same revision, so a template cannot silently drop a header line.
 */
public final class RevisionWriter {

    public static final String DEFAULT_FILE_TEMPLATE = "{rev}_{slug}";

    /** The format of SPEC §4, also what {@code init} can write as {@code template.sql}. */
    public static final String DEFAULT_TEMPLATE = """
            -- ${message}
            --
            -- Revision ID: ${revision}
            -- Revises: ${down_revision}
            -- Create Date: ${create_date}
            -- Branch Labels: ${branch_labels}
            -- Depends On: ${depends_on}

            -- migrate:upgrade
            ${upgrades}

            -- migrate:downgrade
            ${downgrades}
            """;

    private static final int SLUG_LENGTH = 40;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> FILE_TOKENS = List.of("rev", "slug", "year", "month", "day", "hour", "minute", "second");
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final String fileTemplate;
    private final String template;
    private final String templateSource;

    private RevisionWriter(String fileTemplate, String template, String templateSource) {
        this.fileTemplate = checkFileTemplate(fileTemplate);
        this.template = template.replace("\r\n", "\n").replace('\r', '\n');
        this.templateSource = templateSource;
    }

    /** The default file name and content. */
    public static RevisionWriter defaults() {
        return new RevisionWriter(DEFAULT_FILE_TEMPLATE, DEFAULT_TEMPLATE, "the default template");
    }

    /** {@code fileTemplate} with the default content. */
    public static RevisionWriter of(String fileTemplate) {
        return new RevisionWriter(fileTemplate, DEFAULT_TEMPLATE, "the default template");
    }

    /** {@code fileTemplate} with the content of {@code templateFile}, or the default content if there is no such file. */
    public static RevisionWriter of(String fileTemplate, Path templateFile) {
        if (!Files.isRegularFile(templateFile)) {
            return of(fileTemplate);
        }
        try {
            String text = new String(Files.readAllBytes(templateFile), StandardCharsets.UTF_8);
            return new RevisionWriter(fileTemplate, text.startsWith("\uFEFF") ? text.substring(1) : text, templateFile.toString());
        } catch (IOException e) {
            throw new FileAccessException(templateFile, "read template", e);
        }
    }

    /** {@code fileTemplate} with the template text {@code template}. */
    public static RevisionWriter of(String fileTemplate, String template) {
        return new RevisionWriter(fileTemplate, template, "the template");
    }

    private static String checkFileTemplate(String fileTemplate) {
        String template = fileTemplate.endsWith(".sql") ? fileTemplate.substring(0, fileTemplate.length() - 4) : fileTemplate;
        if (template.isBlank()) {
            throw new InvalidTemplateException("fileTemplate is empty: use for example " + DEFAULT_FILE_TEMPLATE);
        }
        int at = 0;
        while ((at = template.indexOf('{', at)) >= 0) {
            int close = template.indexOf('}', at);
            String token = close < 0 ? template.substring(at) : template.substring(at, close + 1);
            if (close < 0 || !FILE_TOKENS.contains(token.substring(1, token.length() - 1))) {
                throw new InvalidTemplateException("Unknown token " + token + " in fileTemplate '" + fileTemplate
                        + "': the tokens are {rev} {slug} {year} {month} {day} {hour} {minute} {second}");
            }
            at = close + 1;
        }
        return template;
    }

    /** Alembic's slug of a message: its words, lowercased, joined by '_', cut to about 40 characters. */
    public static String slug(String message) {
        StringBuilder sb = new StringBuilder();
        Matcher words = WORD.matcher(message == null ? "" : message);
        while (words.find()) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(words.group());
        }
        String slug = sb.toString().toLowerCase(Locale.ROOT);
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH);
            int lastBreak = slug.lastIndexOf('_');
            slug = (lastBreak < 0 ? slug : slug.substring(0, lastBreak)) + "_";
        }
        return slug;
    }

    /** The new file's path relative to the version directory, for example {@code 3f2a9c1d8e7b_add_users.sql}. */
    public Path fileName(NewRevision revision) {
        LocalDateTime date = revision.createDate();
        Map<String, String> values = Map.of(
                "rev", revision.revId(),
                "slug", slug(revision.message()),
                "year", String.format(Locale.ROOT, "%04d", date.getYear()),
                "month", two(date.getMonthValue()),
                "day", two(date.getDayOfMonth()),
                "hour", two(date.getHour()),
                "minute", two(date.getMinute()),
                "second", two(date.getSecond()));
        StringBuilder name = new StringBuilder();
        int at = 0;
        int open;
        while ((open = fileTemplate.indexOf('{', at)) >= 0) {
            int close = fileTemplate.indexOf('}', open);
            name.append(fileTemplate, at, open).append(values.get(fileTemplate.substring(open + 1, close)));
            at = close + 1;
        }
        name.append(fileTemplate.substring(at)).append(".sql");
        Path path = Path.of(name.toString()).normalize();
        if (path.isAbsolute() || path.startsWith("..") || path.getFileName().toString().startsWith(".")) {
            throw new InvalidTemplateException("fileTemplate '" + fileTemplate + "' gives " + name
                    + ", which is not a visible file inside the version directory: use a relative name without '..' "
                    + "that does not start with '.'");
        }
        return path;
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /**
     * The content of the new file.
     *
     * @throws InvalidTemplateException if it would not read back as {@code revision}
     */
    public String render(NewRevision revision) {
        String content = substitute(revision);
        checkReadsBack(revision, content);
        return content;
    }

    private String substitute(NewRevision revision) {
        Map<String, String> values = Map.of(
                "message", message(revision.message()),
                "revision", revision.revId(),
                "down_revision", String.join(", ", revision.downRevisions()),
                "create_date", CREATE_DATE.format(revision.createDate()),
                "branch_labels", String.join(", ", revision.branchLabels()),
                "depends_on", String.join(", ", revision.dependsOn()),
                "upgrades", sql(revision.upgradeSql()),
                "downgrades", sql(revision.downgradeSql()));
        StringBuilder out = new StringBuilder(template.length() + 256);
        for (String line : template.split("\n", -1)) {
            if ((line.contains("${branch_labels}") && revision.branchLabels().isEmpty())
                    || (line.contains("${depends_on}") && revision.dependsOn().isEmpty())) {
                continue;
            }
            int lineStart = out.length();
            boolean emptyValue = false;
            int at = 0;
            int open;
            while ((open = line.indexOf("${", at)) >= 0) {
                int close = line.indexOf('}', open);
                String value = close < 0 ? null : values.get(line.substring(open + 2, close));
                if (value == null) {
                    out.append(line, at, open + 2);
                    at = open + 2;
                    continue;
                }
                emptyValue |= value.isEmpty();
                out.append(line, at, open).append(value);
                at = close + 1;
            }
            out.append(line, at, line.length());
            if (emptyValue) {
                int end = out.length();
                while (end > lineStart && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
                    end--;
                }
                out.setLength(end);
            }
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** The message on one line; Alembic's "empty message" when there is none. */
    private static String message(String message) {
        String oneLine = String.join(" ", message.strip().split("\\s*[\\r\\n]+\\s*"));
        return oneLine.isEmpty() ? "empty message" : oneLine;
    }

    /** SQL without leading blank lines or trailing blanks. */
    private static String sql(String sql) {
        String text = sql.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                start = i + 1;
            } else if (c != ' ' && c != '\t') {
                break;
            }
        }
        return text.substring(Math.min(start, text.length()));
    }

    private void checkReadsBack(NewRevision revision, String content) {
        Path name = Path.of(revision.revId() + ".sql");
        RevisionScript parsed;
        try {
            parsed = RevisionFileParser.parse(name, content.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedRevisionFileException e) {
            throw new InvalidTemplateException("Revision " + revision.revId() + " rendered with " + templateSource
                    + " does not parse, at line " + e.line() + " of the new file: " + e.problem());
        }
        if (!parsed.revision().equals(revision.revision())) {
            throw new InvalidTemplateException("Revision " + revision.revId() + " rendered with " + templateSource
                    + " reads back as " + describe(parsed.revision()) + " instead of " + describe(revision.revision())
                    + ": keep the header lines \"-- Revision ID: ${revision}\", \"-- Revises: ${down_revision}\", "
                    + "\"-- Branch Labels: ${branch_labels}\" and \"-- Depends On: ${depends_on}\" in the template");
        }
    }

    private static String describe(Revision r) {
        return "Revision ID " + r.id() + ", Revises [" + String.join(", ", r.downRevisions()) + "], Branch Labels ["
                + String.join(", ", r.branchLabels().stream().sorted().toList()) + "], Depends On ["
                + String.join(", ", r.dependsOn()) + "]";
    }

    /**
     * Writes the new revision into {@code versionDir} (created if needed) and returns the file.
     *
     * @throws RevisionFileExistsException if the file already exists; nothing is overwritten
     * @throws InvalidTemplateException    if the rendered file would not read back as {@code revision}
     */
    public Path write(NewRevision revision, Path versionDir) {
        Path file = versionDir.resolve(fileName(revision));
        byte[] content = render(revision).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new RevisionFileExistsException(file);
        } catch (IOException e) {
            throw new FileAccessException(file, "write revision file", e);
        }
        return file;
    }
}
