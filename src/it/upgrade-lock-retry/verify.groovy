import java.sql.Connection
import java.util.concurrent.TimeUnit

def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))
assert db.versions() == ['a1a1a1a1a1a1']

def loader = new URLClassLoader([new File(pgjdbcJar).toURI().toURL()] as URL[], this.class.classLoader)
def driver = loader.loadClass('org.postgresql.Driver').getDeclaredConstructor().newInstance()
def props = new Properties()
def base = new URI(itDatabaseBase)
props.setProperty('user', base.userInfo ? base.userInfo.split(':')[0] : 'postgres')
props.setProperty('ApplicationName', 'lock holder')

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
def build = { String name, List<String> properties ->
    def command = [mvn, '-o', '-B', "-Dmaven.repo.local=${localRepositoryPath}" as String]
    if (settings.isFile()) {
        command += ['-s', settings.absolutePath]
    }
    command += properties
    command << 'migrate:upgrade'
    def log = new File(basedir, "${name}.log")
    def pb = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(log)
    pb.environment().put('MIGRATE_IT_BASE', itDatabaseBase)
    [process: pb.start(), log: log]
}
def finish = { b ->
    assert b.process.waitFor(5, TimeUnit.MINUTES) : "build still running, see ${b.log}"
    [exit: b.process.exitValue(), log: b.log.text.replaceAll('\u001B\\[[;\\d]*m', '')]
}
/** Whether a session waits for a lock on accounts (the upgrade's ALTER TABLE). */
def waiting = { Connection c ->
    def rs = c.createStatement().executeQuery(
            "select count(*) from pg_locks where relation = 'accounts'::regclass and not granted")
    rs.next()
    rs.getInt(1) > 0
}
def holdLock = { ->
    Connection c = driver.connect(db.url, props)
    def rs = c.createStatement().executeQuery('select pg_backend_pid()')
    rs.next()
    int pid = rs.getInt(1)
    c.autoCommit = false
    // (the session's last query, as the failure shows it)
    c.createStatement().execute('LOCK TABLE accounts IN SHARE MODE')
    [connection: c, pid: pid]
}

// 1. lockRetries=0: the first lock timeout fails the revision, naming the session that holds the lock
def holder = holdLock()
Connection watcher = driver.connect(db.url, props)
def failed
try {
    failed = finish(build('no-retries', ['-Dmigrate.lockTimeout=500ms', '-Dmigrate.lockRetries=0']))
} finally {
    holder.connection.rollback()
    holder.connection.close()
}
assert failed.exit != 0 : failed.log
def error = failed.log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null : failed.log
assert error.contains('b2b2b2b2b2b2')
assert error.contains('55P03')
assert error.contains("blocked by pid ${holder.pid} (idle in transaction): LOCK TABLE accounts IN SHARE MODE")
assert !failed.log.contains('retrying in')
assert db.versions() == ['a1a1a1a1a1a1']

// 2. lockRetries=10: the lock is held for 3 s after the upgrade first waits for it; the revision is
// rolled back and retried, each attempt printed, and then succeeds
holder = holdLock()
def retried = build('retries', ['-Dmigrate.lockTimeout=500ms', '-Dmigrate.lockRetries=10'])
long blockedAt = 0
try {
    long deadline = System.currentTimeMillis() + 120_000
    while (!waiting(watcher)) {
        assert System.currentTimeMillis() < deadline : 'the upgrade never waited for the lock'
        assert retried.process.alive : "the build ended before it waited for the lock:\n${retried.log.text}"
        Thread.sleep(20)
    }
    blockedAt = System.currentTimeMillis()
    Thread.sleep(3000)
} finally {
    holder.connection.rollback()
    holder.connection.close()
    watcher.close()
}
def passed = finish(retried)
assert passed.exit == 0 : passed.log
def retries = passed.log.readLines().findAll { it.contains('rolled back, retrying in') }
// 3 s of lock against 500 ms timeouts and pauses from 250 ms doubling: at least two retries, far fewer than ten
assert retries.size() >= 2 && retries.size() < 10 : passed.log
retries.eachWithIndex { line, i ->
    assert line.contains('b2b2b2b2b2b2')
    assert line.contains('canceling statement due to lock timeout')
    assert line.contains("(retry ${i + 1} of 10)")
}
assert passed.log.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, add account note')
assert db.versions() == ['b2b2b2b2b2b2']
assert db.value("select count(*) from information_schema.columns where table_name = 'accounts' and column_name = 'note'") == 1
assert db.value("select count(*) from migrate_history where direction = 'upgrade' and revision = 'b2b2b2b2b2b2'") == 1
true
