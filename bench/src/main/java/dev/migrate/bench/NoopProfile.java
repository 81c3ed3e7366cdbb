package dev.migrate.bench;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.ProjectLayout;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.Migrator;
import dev.migrate.engine.graph.RevisionMap;
import dev.migrate.engine.scripts.ScriptDirectory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a no-op upgrade's time goes in a cold JVM, as in one Maven run of the goal: JVM start,
 * the environment, loading and hashing the files (cold, then again inside the facade), the
 * graph, reading the database state, and the facade's whole no-op upgrade.
 *
 * <pre>NoopProfile --project DIR --database DB [--url ...] [--revisions N]</pre>
 * The project must be one whose revisions are all applied to the database (see {@code PluginNoop --keep}).
 */
public final class NoopProfile {
    private NoopProfile() {
    }

    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        long jvmMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        String url = Server.DEFAULT_URL;
        Path project = null;
        String db = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--project" -> project = Path.of(args[++i]);
                case "--database" -> db = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Server server = Server.parse(url);
        ProjectLayout layout = ProjectLayout.standard(project);

        long t0 = System.nanoTime();
        ScriptDirectory directory = ScriptDirectory.load(layout.versionPaths());
        long t1 = System.nanoTime();
        RevisionMap map = directory.map();
        long t2 = System.nanoTime();
        try (Migrator migrator = Migrator.connect(DatabaseSettings.of(server.jdbcUrl(db), server.credentials()))) {
            long t3 = System.nanoTime();
            var heads = migrator.readState().heads();
            long t4 = System.nanoTime();
            map.upgrade(heads, "heads");
            long t5 = System.nanoTime();
            print("JVM start to main", jvmMillis * 1_000_000L);
            print("load + parse + hash " + directory.scripts().size() + " files (cold JIT)", t1 - t0);
            print("revision map", t2 - t1);
            print("connect", t3 - t2);
            print("read state (heads, checksums)", t4 - t3);
            print("plan upgrade heads", t5 - t4);
        }
        long t6 = System.nanoTime();
        try (Migrate migrate = Migrate.open(layout, MigrateTool.request(server, db, project), MigrationListener.NONE)) {
            long t7 = System.nanoTime();
            int steps = migrate.upgrade("heads", RunOptions.DEFAULT).steps().size();
            long t8 = System.nanoTime();
            print("facade: Migrate.open (environment)", t7 - t6);
            print("facade: no-op upgrade (files again, warmer; lock; state; checks) -> " + steps + " steps", t8 - t7);
        }
        print("main total", System.nanoTime() - mainStart);
        for (int i = 1; i <= 3; i++) {
            long s = System.nanoTime();
            ScriptDirectory again = ScriptDirectory.load(layout.versionPaths());
            again.map();
            print("afterwards, load + map again (" + i + ")", System.nanoTime() - s);
        }
    }

    private static void print(String what, long nanos) {
        System.out.printf(Locale.ROOT, "  %-72s %,8.1f ms%n", what, nanos / 1e6);
    }
}
