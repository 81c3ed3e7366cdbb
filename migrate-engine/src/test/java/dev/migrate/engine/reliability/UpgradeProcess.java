package dev.migrate.engine.reliability;

import dev.migrate.engine.EnvironmentRequest;
import dev.migrate.engine.Migrate;
import dev.migrate.engine.MigrateException;
import java.util.function.Consumer;
import dev.migrate.engine.ProjectLayout;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.DatabaseConnectionLostException;
import dev.migrate.engine.database.InterruptedRevisionException;
import dev.migrate.engine.database.LockLostException;
import dev.migrate.engine.database.MigrationFailedException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One engine command in a JVM of its own, as a build would run it, for tests that race, kill and
 * disconnect real processes:
 * <pre>
 * java -cp TEST_CLASSPATH dev.migrate.engine.reliability.UpgradeProcess upgrade|downgrade PROJECT JDBC_URL USER TARGET [RESUME]
 * </pre>
 * It runs the command through the facade ({@link Migrate}) on the project's revision files, prints
 * the progress lines to standard output and, on failure, one line {@code ERROR Type: message} to
 * standard error, and exits with a code that names the outcome ({@link #OK}, {@link #LOCK_LOST}, ...).
 */
public final class UpgradeProcess {
    static final int OK = 0;
    static final int OTHER_ERROR = 1;
    static final int LOCK_LOST = 2;
    static final int INTERRUPTED = 3;
    static final int CONNECTION_LOST = 4;
    static final int MIGRATION_FAILED = 5;
    static final int UNEXPECTED = 70;

    private UpgradeProcess() {
    }

    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: upgrade|downgrade PROJECT JDBC_URL USER TARGET [RESUME]");
            System.exit(64);
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        String command = args[0];
        Path project = Path.of(args[1]);
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", args[2]);
        system.put("migrate.user", args[3]);
        RunOptions options = RunOptions.DEFAULT.withResume(args.length > 5 ? args[5] : null);
        Consumer<String> listener = line -> System.out.println(line);
        try (Migrate migrate = Migrate.open(ProjectLayout.standard(project), EnvironmentRequest.of(project, "local", system),
                listener)) {
            switch (command) {
                case "upgrade" -> migrate.upgrade(args[4], options);
                case "downgrade" -> migrate.downgrade(args[4], options);
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
            System.out.flush();
            return OK;
        } catch (MigrateException e) {
            System.err.println("ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return code(e);
        } catch (RuntimeException | Error e) {
            System.err.println("UNEXPECTED " + e);
            e.printStackTrace();
            return UNEXPECTED;
        }
    }

    private static int code(MigrateException e) {
        if (e instanceof LockLostException) {
            return LOCK_LOST;
        }
        if (e instanceof InterruptedRevisionException) {
            return INTERRUPTED;
        }
        if (e instanceof DatabaseConnectionLostException) {
            return CONNECTION_LOST;
        }
        if (e instanceof MigrationFailedException) {
            return MIGRATION_FAILED;
        }
        return OTHER_ERROR;
    }
}
