package dev.migrate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * N revisions of small, realistic DDL written in the four forms the tools read: migrate revision
 * files, Flyway versioned migrations, a Liquibase formatted-SQL changelog, and plain files for
 * psql. Every form holds exactly the same statements, so the tools do the same database work.
 *
 * <p>Revision {@code i} creates table {@code item_i} (five columns, a foreign key to the previous
 * table, an index); every third revision also adds a column to an earlier table.
 */
public final class Workload {
    private final int count;
    private final Path root;

    private Workload(int count, Path root) {
        this.count = count;
        this.root = root;
    }

    public static Workload generate(int count, Path root) {
        return generate(count, root, false);
    }

    /** With {@code migrateOnly}, only the migrate project's revision files are written. */
    public static Workload generate(int count, Path root, boolean migrateOnly) {
        Workload workload = new Workload(count, root);
        try {
            workload.write(migrateOnly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workload;
    }

    /** A workload already written under {@code root} by {@link #generate}. */
    public static Workload existing(int count, Path root) {
        return new Workload(count, root);
    }

    public Path root() {
        return root;
    }

    public int count() {
        return count;
    }

    /** {@code src/main/migrations/versions} of a migrate project whose base directory is {@link #migrateProject()}. */
    public Path migrateVersions() {
        return migrateProject().resolve("src/main/migrations/versions");
    }

    public Path migrateProject() {
        return root.resolve("migrate");
    }

    public Path flywayDir() {
        return root.resolve("flyway");
    }

    /** Holds {@code changelog.sql}: one formatted-SQL changelog, one changeset per revision. */
    public Path liquibaseDir() {
        return root.resolve("liquibase");
    }

    public Path psqlDir() {
        return root.resolve("psql");
    }

    /** The upgrade SQL of revision {@code i} (1-based). */
    static String upgradeSql(int i) {
        StringBuilder sql = new StringBuilder();
        sql.append("CREATE TABLE item_").append(i).append(" (\n")
                .append("    id bigserial PRIMARY KEY,\n")
                .append("    name text NOT NULL,\n")
                .append("    amount numeric(12, 2) NOT NULL DEFAULT 0,\n")
                .append("    created_at timestamptz NOT NULL DEFAULT now(),\n");
        if (i > 1) {
            sql.append("    previous_id bigint REFERENCES item_").append(i - 1).append(" (id),\n");
        } else {
            sql.append("    previous_id bigint,\n");
        }
        sql.append("    note text\n);\n");
        sql.append("CREATE INDEX item_").append(i).append("_name_idx ON item_").append(i).append(" (name);\n");
        if (i % 3 == 0) {
            sql.append("ALTER TABLE item_").append(i / 2).append(" ADD COLUMN extra_").append(i)
                    .append(" varchar(40) NOT NULL DEFAULT 'none';\n");
        }
        return sql.toString();
    }

    static String downgradeSql(int i) {
        StringBuilder sql = new StringBuilder();
        if (i % 3 == 0) {
            sql.append("ALTER TABLE item_").append(i / 2).append(" DROP COLUMN extra_").append(i).append(";\n");
        }
        sql.append("DROP TABLE item_").append(i).append(";\n");
        return sql.toString();
    }

    /** A 12-hex revision id that does not sort in graph order, as generated ids do not. */
    static String revisionId(int i) {
        long mixed = (i * 0x9E3779B97F4A7C15L) >>> 16;
        return String.format(Locale.ROOT, "%012x", mixed & 0xFFFF_FFFF_FFFFL);
    }

    private void write(boolean migrateOnly) throws IOException {
        Files.createDirectories(migrateVersions());
        if (migrateOnly) {
            for (int i = 1; i <= count; i++) {
                write(migrateVersions().resolve(revisionId(i) + "_create_item_" + i + ".sql"), migrateFile(i, upgradeSql(i)));
            }
            return;
        }
        for (Path dir : List.of(flywayDir(), liquibaseDir(), psqlDir())) {
            Files.createDirectories(dir);
        }
        StringBuilder changelog = new StringBuilder("-- liquibase formatted sql\n\n");
        for (int i = 1; i <= count; i++) {
            String up = upgradeSql(i);
            write(migrateVersions().resolve(revisionId(i) + "_create_item_" + i + ".sql"), migrateFile(i, up));
            write(flywayDir().resolve("V" + i + "__create_item_" + i + ".sql"), up);
            write(psqlDir().resolve(String.format(Locale.ROOT, "%06d.sql", i)), up);
            changelog.append("-- changeset bench:").append(i).append('\n').append(up)
                    .append("-- rollback ").append(downgradeSql(i).replace("\n", " ").trim()).append("\n\n");
        }
        write(liquibaseDir().resolve("changelog.sql"), changelog.toString());
    }

    private static String migrateFile(int i, String up) {
        List<String> lines = new ArrayList<>();
        lines.add("-- create item_" + i);
        lines.add("--");
        lines.add("-- Revision ID: " + revisionId(i));
        lines.add("-- Revises: " + (i > 1 ? revisionId(i - 1) : ""));
        lines.add("-- Create Date: 2026-11-22 05:00:00");
        lines.add("");
        lines.add("-- migrate:upgrade");
        return String.join("\n", lines) + "\n" + up + "\n-- migrate:downgrade\n" + downgradeSql(i);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
