// The password must appear nowhere in what the goals printed (build.log, at debug level, with
// stack traces) or wrote under target/, in any of the forms it was given or could be echoed in.
def password = 'Pw-7f3k@:/+%# x'
def forms = [
        password,
        'Pw-7f3k%40%3A%2F%2B%25%23%20x',  // RFC 3986, as written in the urls
        'Pw-7f3k%40%3A%2F%2B%25%23+x',    // form encoding
        'Pw-7f3k%40%3A%2F+%25%23%20x',
        '7f3k',                           // any fragment of it
]
def scanned = [new File(basedir, 'build.log')]
basedir.eachFileRecurse { f ->
    if (f.isFile() && basedir.toPath().relativize(f.toPath()).iterator().any { it.toString() == 'target' }) {
        scanned << f
    }
}
def leaks = []
scanned.each { f ->
    f.readLines('UTF-8').eachWithIndex { line, i ->
        forms.findAll { line.contains(it) }.each { form ->
            leaks << "${basedir.toPath().relativize(f.toPath())}:${i + 1} holds '${form}': ${line.take(300)}"
        }
    }
}
assert leaks.isEmpty(), "the password was printed or written:\n" + leaks.join('\n')

// the goals did what they were meant to, and said where they went with the password masked
def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))
def base = new URI(itDatabaseBase)
def itTarget = "postgres@${base.host}:${base.port < 0 ? 5432 : base.port}/it_password_never_printed (schema public)"
def log = db.log
assert log.count("[INFO] Environment local: postgresql://${itTarget}") == 5      // goals 1, 2, 3, 9 (.env), 10
assert log.contains("[INFO] Environment server: postgresql://${itTarget}")
assert log.contains("[INFO] Environment encserver: postgresql://${itTarget}")
assert log.contains("Cannot decrypt the password of settings.xml server 'it-db-encrypted'")
assert log.contains('[INFO] Environment closed: postgresql://postgres@127.0.0.1:1/it_password_never_printed (schema public)')
assert log.contains('[INFO] Environment nohost: postgresql://postgres@db.no-such-host.invalid:5432/app (schema public)')
assert log.contains('[INFO] Environment nohostjdbc: postgresql://postgres@db.no-such-host.invalid:5432/app (schema public)')
assert log.contains('[INFO] Environment local: postgresql://postgres@127.0.0.1:1/app (schema public)')
assert log.contains('Revision b2b2b2b2b2b2 failed during upgrade at ')
assert log.contains('SQLSTATE 22012: division by zero')
assert log.contains('Caused by: java.net.ConnectException: Connection refused')
assert log.count('Caused by: java.net.UnknownHostException: db.no-such-host.invalid') == 2
assert log.contains('Invalid database URL from environments/badport.properties: the port is not a number')
assert log.contains('Invalid password from plugin configuration <password>: the POM is no place for a password: '
        + 'Maven prints plugin configuration with -X, so it would end up in build logs; put it in MIGRATE_PASSWORD, '
        + '.env, environments/NAME.properties or a settings.xml <server> (serverId)')
assert log.contains('Invalid database URL from environments/badescape.properties: malformed percent-encoding in the password')
assert log.contains("Invalid database URL from environments/rawurl.properties: it contains '#'; if the password contains '#', percent-encode it as %23")
assert log.contains('[DEBUG] Configuring mojo')                                  // -X was on
assert new File(basedir, 'target/upgrade.sql').text.contains("VALUES ('a1a1a1a1a1a1')")
assert db.versions() == ['a1a1a1a1a1a1']
// nor did it land in the database
assert db.value("select count(*) from migrate_history h where h::text like '%7f3k%'") == 0
println "[it] password-never-printed: scanned ${scanned.size()} files, ${scanned.sum { it.length() }} bytes"
true
