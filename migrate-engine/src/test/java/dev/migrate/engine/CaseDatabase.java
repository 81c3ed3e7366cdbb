package dev.migrate.engine;

import dev.migrate.engine.testing.Rows;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fresh database one bad-input case runs against: where it is, who the run connects as, and
 * an administrator's connection for setting it up and comparing it before and after.
 */
abstract class CaseDatabase implements AutoCloseable {
    abstract String host();

    abstract int port();

    abstract String name();

    /** The user the run connects as. */
    abstract String user();

    /** The password the run gives, if the server needs one for {@link #user()}. */
    abstract Optional<String> password();

    abstract String adminUser();

    abstract Optional<String> adminPassword();

    abstract Connection connectAdmin() throws SQLException;

    /** Drops the database. */
    abstract void drop();

    /** The administrator's connection {@link #query} reuses: a case compares its database twice, in many queries. */
    private Connection reader;

    @Override
    public final void close() {
        try {
            closeReader();
        } finally {
            drop();
        }
    }

    /** Closes the connection {@link #query} reuses (it opens again when needed). */
    void closeReader() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (SQLException e) {
            // a closed or broken connection: nothing to release
        } finally {
            reader = null;
        }
    }

    /** A new, empty database on the server the tests share. */
    static CaseDatabase shared() {
        return of(TestDatabases.create());
    }

    /** A new database on the server the tests share, a copy of {@code template}. */
    static CaseDatabase copyOf(TestDatabase template) {
        return of(TestDatabases.create(template));
    }

    static CaseDatabase of(TestDatabase db) {
        Optional<String> password = Optional.ofNullable(db.properties().getProperty("password"));
        return new CaseDatabase() {
            String host() {
                return db.host();
            }

            int port() {
                return db.port();
            }

            String name() {
                return db.name();
            }

            String user() {
                return db.user();
            }

            Optional<String> password() {
                return password;
            }

            String adminUser() {
                return db.user();
            }

            Optional<String> adminPassword() {
                return password;
            }

            Connection connectAdmin() throws SQLException {
                return db.connect();
            }

            @Override
            void drop() {
                db.close();
            }
        };
    }

    void execute(String sql) {
        try (Connection c = connectAdmin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Case setup SQL failed: " + sql, e);
        }
    }

    List<String> query(String sql) {
        try {
            if (reader == null || reader.isClosed()) {
                reader = connectAdmin();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the case database " + name(), e);
        }
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return Rows.of(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("Case query failed: " + sql, e);
        }
    }

    /**
     * Everything a run could have changed, as text: the user schemas, their relations (tables,
     * views, indexes, sequences) and columns, their functions, and every row of every table in them
     * (the version and history tables included).
     */
    String snapshot() {
        String userSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'"
                + " AND n.nspname NOT LIKE 'pg_toast_temp%'";
        StringBuilder sb = new StringBuilder();
        query("SELECT n.nspname FROM pg_namespace n WHERE " + userSchemas + " ORDER BY 1").forEach(r -> sb.append("schema ").append(r).append('\n'));
        List<String> tables = new ArrayList<>();
        for (String row : query("SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + userSchemas + " ORDER BY 1, 2")) {
            sb.append("relation ").append(row).append('\n');
            String[] parts = row.split("\\|");
            if (parts[2].equals("r") || parts[2].equals("p")) {
                tables.add('"' + parts[0].replace("\"", "\"\"") + "\".\"" + parts[1].replace("\"", "\"\"") + '"');
            }
        }
        query("SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns"
                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, ordinal_position")
                .forEach(r -> sb.append("column ").append(r).append('\n'));
        query("SELECT n.nspname, p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + userSchemas
                + " ORDER BY 1, 2").forEach(r -> sb.append("function ").append(r).append('\n'));
        for (String table : tables) {
            sb.append("rows of ").append(table).append('\n');
            query("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY 1").forEach(r -> sb.append("  ").append(r).append('\n'));
        }
        return sb.toString();
    }

    /**
     * An embedded PostgreSQL that asks for passwords: a role {@code app} with a password, over
     * {@code scram-sha-256} on 127.0.0.1; the administrator is trusted.
     */
    static final class PasswordServer implements AutoCloseable {
        static final String WRONG_PASSWORD = "Zr8wrong-pw";
        private static final AtomicInteger COUNTER = new AtomicInteger();

        private final Path dir;
        private final EmbeddedPostgres postgres;

        private PasswordServer(Path dir, EmbeddedPostgres postgres) {
            this.dir = dir;
            this.postgres = postgres;
        }

        static PasswordServer start(String appPassword) {
            try {
                Path dir = Files.createTempDirectory("migrate-bad-input-auth");
                Path hba = dir.resolve("pg_hba.conf");
                Files.writeString(hba, """
                        local all all trust
                        host all postgres 127.0.0.1/32 trust
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("hba_file", hba.toString())
                        .setServerConfig("password_encryption", "scram-sha-256").start();
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE ROLE app LOGIN PASSWORD '" + appPassword.replace("'", "''") + "'");
                }
                return new PasswordServer(dir, postgres);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A new database owned by {@code app}; the run connects as {@code app} with no password unless the case gives one. */
        CaseDatabase database() {
            String name = "bad_input_" + COUNTER.incrementAndGet();
            try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " OWNER app");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            PasswordServer server = this;
            return new CaseDatabase() {
                String host() {
                    return "127.0.0.1";
                }

                int port() {
                    return postgres.getPort();
                }

                String name() {
                    return name;
                }

                String user() {
                    return "app";
                }

                Optional<String> password() {
                    return Optional.empty();
                }

                String adminUser() {
                    return "postgres";
                }

                Optional<String> adminPassword() {
                    return Optional.empty();
                }

                Connection connectAdmin() throws SQLException {
                    return server.admin(name);
                }

                @Override
                void drop() {
                    try (Connection c = server.admin("postgres"); Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }

        private Connection admin(String database) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, p);
        }

        @Override
        public void close() {
            try {
                postgres.close();
                BadInputCorpusTest.deleteTree(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
