// Shared by the scenarios' verify.groovy: access to the scenario's own database on the IT server.
//   def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))
//   db.rows('select version_num from migrate_version')  -> list of maps
//   db.value('select count(*) from migrate_history')    -> first column of the first row
//   db.log                                               -> the build log text, without colour codes
//   db.lines                                             -> its lines, without Maven's "[INFO] " prefix
//   db.runs                                              -> the log of each invocation (invoker.goals.N is
//                                                           db.runs[N - 1]); not for quiet (-q) invocations
//   db.output(n)                                         -> what the goal of invocation n printed, without
//                                                           its Environment line
// Needs the invoker script variables pgjdbcJar and itDatabaseBase.
import java.sql.Connection

def base = new URI(itDatabaseBase)
def dbName = 'it_' + basedir.name.replace('-', '_')
def loader = new URLClassLoader([new File(pgjdbcJar).toURI().toURL()] as URL[], this.class.classLoader)
def driver = loader.loadClass('org.postgresql.Driver').getDeclaredConstructor().newInstance()
def props = new Properties()
props.setProperty('user', base.userInfo ? base.userInfo.split(':')[0] : 'postgres')
def url = "jdbc:postgresql://${base.host}:${base.port < 0 ? 5432 : base.port}/${dbName}"

def withConnection = { Closure work ->
    Connection c = driver.connect(url, props)
    try {
        return work(c)
    } finally {
        c.close()
    }
}
def rows = { String sql ->
    withConnection { Connection c ->
        def rs = c.createStatement().executeQuery(sql)
        def md = rs.metaData
        def out = []
        while (rs.next()) {
            def row = [:]
            for (int i = 1; i <= md.columnCount; i++) {
                row[md.getColumnLabel(i)] = rs.getObject(i)
            }
            out << row
        }
        out
    }
}
def value = { String sql ->
    def r = rows(sql)
    r.isEmpty() ? null : r[0].values().iterator().next()
}
def tableExists = { String name ->
    value("select to_regclass('${name}') is not null")
}
def versions = { String table = 'migrate_version' ->
    rows("select version_num from ${table} order by version_num").collect { it.version_num } as List
}
def log = new File(basedir, 'build.log').text.replaceAll('\u001B\\[[;\\d]*m', '')
def lines = log.readLines().collect { it.startsWith('[INFO] ') ? it.substring(7) : it }
// every Maven invocation starts by scanning for projects
def runs = []
lines.findAll { !(it ==~ /(Running|Finished) (selector|pre-build|post-build) script: .*/) }.each { line ->
    if (line == 'Scanning for projects...') {
        runs << new StringBuilder()
    }
    if (runs) {
        runs[-1].append(line).append('\n')
    }
}
def output = { int n ->
    def run = runs[n - 1].toString().readLines()
    def start = run.findIndexOf { it.startsWith('--- migrate-maven-plugin:') }
    def end = run.findIndexOf(start + 1) { it.startsWith('------------') }
    // Maven may resolve the plugin's own dependencies inside the goal's section (first use in a
    // fresh local repository): those transfer lines and their warnings are not the goal's output.
    def transfer = ~/^(Downloading|Downloaded) from |^\[WARNING\] (Could not validate|Checksum validation)|^org\.eclipse\.aether\.|^\s+at /
    run.subList(start + 1, end < 0 ? run.size() : end).findAll {
        !it.startsWith('Environment ') && !it.isBlank() && !(it =~ transfer)
    }
}
new ScenarioDb(rows: rows, value: value, tableExists: tableExists, versions: versions, output: output,
        url: url, name: dbName, log: log, lines: lines, runs: runs*.toString())

/** What verify scripts use; prints as its name only, so that a failed assert does not dump the whole log. */
class ScenarioDb {
    Closure rows, value, tableExists, versions, output
    String url, name, log
    List<String> lines, runs

    String toString() {
        "db(${name})"
    }
}
