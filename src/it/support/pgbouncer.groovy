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

def stopPid = { long pid, String dir ->
    ProcessHandle.of(pid).ifPresent { ProcessHandle handle ->
        def all = handle.descendants().toList() + [handle]
        all.each { it.destroy() }
        try {
            handle.onExit().get(10, TimeUnit.SECONDS)
        } catch (ignored) {
            all.each { it.destroyForcibly() }
        }
    }
    if (dir) {
        new File(dir).deleteDir()
    }
}

def stop = {
    if (!stateFile.exists()) {
        return
    }
    def state = new Properties()
    stateFile.withInputStream { state.load(it) }
    stopPid(state.pid as long, state.dir)
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
    Runtime.runtime.addShutdownHook(new Thread({ stopPid(process.pid(), dir.toString()) } as Runnable))
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
