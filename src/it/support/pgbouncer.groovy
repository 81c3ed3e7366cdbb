// Shared by scenarios that need a real PgBouncer (Debian package `pgbouncer`) in front of the IT server:
//   def bouncer = evaluate(new File(basedir, '../../../../src/it/support/pgbouncer.groovy'))
//   bouncer.unavailableReason()               -> why it cannot run here, or null
//   bouncer.start('127.0.0.1', 5432, 'transaction') -> the loopback port it listens on
//   bouncer.log()                             -> what PgBouncer logged (basedir/pgbouncer.log)
//   bouncer.stop()                            -> stops the PgBouncer started for this scenario
// PgBouncer refuses to run as root, so under root it runs as the OS user `postgres` (runuser).
// It lets the IT server's user in without a password (trust), and runs in the foreground; its pid
// and config folder are kept in basedir/pgbouncer.state so that verify.groovy can stop it, and a
// JVM shutdown hook stops it too when the build ends some other way.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit

def binaries = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer']
def binary = { binaries.find { new File(it).canExecute() } }
def isRoot = { System.getProperty('user.name') == 'root' }
def stateFile = new File(basedir, 'pgbouncer.state')
def logFile = new File(basedir, 'pgbouncer.log')

def unavailableReason = {
    if (binary() == null) {
        return 'pgbouncer is not installed (apt-get install -y pgbouncer)'
    }
    if (isRoot() && !new File('/usr/sbin/runuser').canExecute()) {
        return 'running as root and runuser is missing, so pgbouncer cannot be started'
    }
    null
}

// Plain, statically compiled Java calls only: this also runs in a JVM shutdown hook, when the
// build's class realms are already closed and Groovy's runtime cannot load anything more.
@groovy.transform.CompileStatic
class PgBouncerStop implements Runnable {
    final ProcessHandle process
    final String dir

    PgBouncerStop(ProcessHandle process, String dir) {
        this.process = process
        this.dir = dir
    }

    /** By pid from the state file: only while that pid is still our runuser or pgbouncer. */
    static PgBouncerStop byPid(long pid, String dir) {
        Optional<ProcessHandle> found = ProcessHandle.of(pid)
        String command = found.isPresent() ? found.get().info().command().orElse('') : ''
        boolean ours = command.endsWith('/runuser') || command.endsWith('/pgbouncer')
        return new PgBouncerStop(ours ? found.get() : null, dir)
    }

    void run() {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> all = new ArrayList<ProcessHandle>(
                    process.descendants().collect(java.util.stream.Collectors.<ProcessHandle>toList()))
            all.add(process)
            for (ProcessHandle p : all) {
                p.destroy()
            }
            try {
                process.onExit().get(10, TimeUnit.SECONDS)
            } catch (Exception ignored) {
                for (ProcessHandle p : all) {
                    p.destroyForcibly()
                }
            }
        }
        File folder = new File(dir)
        File[] files = folder.listFiles()
        if (files != null) {
            for (File file : files) {
                file.delete()
            }
        }
        folder.delete()
    }
}

def stop = {
    if (!stateFile.exists()) {
        return
    }
    def state = new Properties()
    stateFile.withInputStream { state.load(it) }
    PgBouncerStop.byPid(state.pid as long, state.dir as String).run()
    stateFile.delete()
}

def start = { String upstreamHost, int upstreamPort, String poolMode ->
    def reason = unavailableReason()
    if (reason) {
        throw new IllegalStateException(reason)
    }
    def user = new URI(itDatabaseBase).userInfo?.split(':')?.getAt(0) ?: 'postgres'
    Path dir = Files.createTempDirectory('migrate-it-pgbouncer')
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString('rwxr-xr-x'))
    int port = new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
    def users = dir.resolve('userlist.txt')
    Files.writeString(users, "\"${user}\" \"\"\n".toString())
    def ini = dir.resolve('pgbouncer.ini')
    Files.writeString(ini, """\
[databases]
* = host=${upstreamHost} port=${upstreamPort}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${users}
pool_mode = ${poolMode}
default_pool_size = 2
max_client_conn = 50
ignore_startup_parameters = extra_float_digits
server_reset_query =
""".toString())
    [users, ini].each { Files.setPosixFilePermissions(it, PosixFilePermissions.fromString('rw-r--r--')) }
    def command = (isRoot() ? ['/usr/sbin/runuser', '-u', 'postgres', '--'] : []) + [binary(), ini.toString()]
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile).start()
    def state = new Properties()
    state.pid = process.pid().toString()
    state.port = port.toString()
    state.dir = dir.toString()
    stateFile.withOutputStream { state.store(it, 'PgBouncer started by prebuild.groovy') }
    Runtime.runtime.addShutdownHook(new Thread(new PgBouncerStop(process.toHandle(), dir.toString())))
    long deadline = System.currentTimeMillis() + 15_000
    while (System.currentTimeMillis() < deadline) {
        if (!process.alive) {
            stop()
            throw new IllegalStateException("pgbouncer exited with ${process.exitValue()}: ${logFile.text.trim()}")
        }
        try {
            new Socket(InetAddress.loopbackAddress, port).close()
            return port
        } catch (IOException notYet) {
            Thread.sleep(50)
        }
    }
    stop()
    throw new IllegalStateException("pgbouncer did not listen on port ${port} within 15 s: ${logFile.text.trim()}")
}

[unavailableReason: unavailableReason, start: start, stop: stop, log: { logFile.exists() ? logFile.text : '' }]
