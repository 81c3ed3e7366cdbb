import java.util.concurrent.TimeUnit

def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').absolutePath
// the settings the invoker wrote for the scenarios (they name the repository the plugin came from)
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
def command = [mvn, '-o', '-B', "-Dmaven.repo.local=${localRepositoryPath}" as String]
if (settings.isFile()) {
    command += ['-s', settings.absolutePath]
}
command << 'migrate:upgrade'

def builds = (1..2).collect { n ->
    def log = new File(basedir, "concurrent-${n}.log")
    def pb = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(log)
    pb.environment().put('MIGRATE_IT_BASE', itDatabaseBase)
    [process: pb.start(), log: log]
}
builds.each { b ->
    assert b.process.waitFor(5, TimeUnit.MINUTES) : "build still running, see ${b.log}"
}
def logs = builds.collect { it.log.text.replaceAll('\u001B\\[[;\\d]*m', '') }
builds.eachWithIndex { b, i -> assert b.process.exitValue() == 0 : "concurrent build ${i + 1} failed:\n${logs[i]}" }

def steps = ['Running upgrade  -> a1a1a1a1a1a1, create accounts',
             'Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders',
             'Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total',
             'Running upgrade c3c3c3c3c3c3 -> d4d4d4d4d4d4, create invoices']
// the lock is held for the whole run: one build applies every step, the other waits and finds
// nothing to do
def runner = logs.findIndexOf { it.contains(steps[0]) }
assert runner >= 0
steps.each { assert logs[runner].count(it) == 1 }
def other = logs[1 - runner]
assert !other.contains('Running upgrade')
assert other.contains('is up to date')

assert db.versions() == ['d4d4d4d4d4d4']
assert db.rows("select revision, count(*) as n from migrate_history where direction = 'upgrade' group by revision order by revision")
        .collect { "${it.revision} ${it.n}" as String } ==
        ['a1a1a1a1a1a1 1', 'b2b2b2b2b2b2 1', 'c3c3c3c3c3c3 1', 'd4d4d4d4d4d4 1']
true
