import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.Migrator;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.RunResult;
import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Upgrades a database through the revision files of one folder with the engine's database layer,
 * and prints where the time went. Usage: UpgradeBench JDBC_URL USER VERSIONS_DIR.
 * The files are the simple ones gen.sh writes (one statement per section, a linear chain); they are
 * read and hashed once each, and turned into scripts and a plan by hand.
 */
public class UpgradeBench {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Properties properties = new Properties();
        properties.setProperty("user", args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[2]))) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Map<String, RevisionScript> scripts = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        String previous = null;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String checksum = HexFormat.of().formatHex(sha.digest(bytes));
            String text = new String(bytes, StandardCharsets.UTF_8);
            String id = header(text, "Revision ID");
            String message = text.substring(3, text.indexOf('\n'));
            int up = text.indexOf("-- migrate:upgrade\n");
            int down = text.indexOf("-- migrate:downgrade\n");
            String upSql = text.substring(up + 19, down).strip();
            String downSql = text.substring(down + 21).strip();
            int upLine = (int) text.substring(0, up).lines().count() + 2;
            Revision revision = previous == null ? Revision.of(id) : Revision.of(id, previous);
            scripts.put(id, new RevisionScript(revision, message, file, Optional.empty(), true,
                    List.of(new SqlStatement(upSql.substring(0, upSql.length() - 1), upLine)),
                    List.of(new SqlStatement(downSql.substring(0, downSql.length() - 1), upLine + 3)), checksum));
            VersionChange change = previous == null ? new VersionChange.Insert(id) : new VersionChange.Update(previous, id);
            steps.add(new Step(revision, Direction.UPGRADE, List.of(change)));
            previous = id;
        }
        long t1 = System.nanoTime();
        String head = previous;
        RunResult result;
        try (Migrator migrator = Migrator.connect(DatabaseSettings.of(args[0], properties).withEnvironment("bench"))) {
            result = migrator.migrate(scripts, heads -> Plan.of(heads, Set.of(head), heads.isEmpty() ? steps : List.of()),
                    RunOptions.defaults(), MigrationListener.NONE);
        }
        long t2 = System.nanoTime();
        System.out.printf("engine: %d revisions; read+hash %d ms, connect+lock+tables+run %d ms, total in JVM %d ms%n",
                result.steps().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
    }

    private static String header(String text, String name) {
        int at = text.indexOf("-- " + name + ": ");
        return text.substring(at + name.length() + 5, text.indexOf('\n', at)).trim();
    }
}
