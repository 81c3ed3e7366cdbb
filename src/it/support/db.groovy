// Shared by the scenarios' verify.groovy: access to the scenario's own database on the IT server.
//   def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))
//   db.rows('select version_num from migrate_version')  -> list of maps
//   db.value('select count(*) from migrate_history')    -> first column of the first row
//   db.log                                               -> the build log text
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
[rows: rows, value: value, tableExists: tableExists, versions: versions, url: url, name: dbName,
 log: new File(basedir, 'build.log').text]
