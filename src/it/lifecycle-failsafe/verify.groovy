def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))
def log = new File(basedir, 'build.log').text.replaceAll('\u001B\\[[;\\d]*m', '')
def runs = log.split('Scanning for projects...').drop(1)
assert runs.size() == 3

// 1. embedded: upgrade ran before the tests and said how to connect; a later goal joined the server
def embedded = runs[0]
assert embedded.contains('Running upgrade  -> 001_accounts, accounts')
assert embedded.contains('Running upgrade 001_accounts -> 002_seed_accounts, seed accounts')
def exported = embedded =~ /Integration tests can connect through \$\{migrate.jdbcUrl\} \((jdbc:postgresql:\/\/localhost:\d+\/postgres)\), \$\{migrate.user\} \(postgres\)/
assert exported.find()
assert embedded.indexOf('Integration tests can connect') < embedded.indexOf('(show-current)')
assert embedded.indexOf('002_seed_accounts (head)') < embedded.indexOf('Running dev.migrate.it.AccountsIT')
assert embedded.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert embedded.contains('BUILD SUCCESS')
// the server stayed up for the IT and stopped cleanly when the build's JVM exited
assert !embedded.contains('Exception in thread')
assert !new File(basedir, 'target/migrate/local-db/postmaster.pid').exists()

// 2. a url environment with a password
def ext = runs[1]
assert ext.contains('Running upgrade  -> 001_accounts, accounts')
assert ext =~ /Integration tests can connect through \$\{migrate.jdbcUrl\} \(jdbc:postgresql:\/\/[^)]*\/it_lifecycle_failsafe\), \$\{migrate.user\} \(postgres\)/
assert ext.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert ext.contains('BUILD SUCCESS')
assert db.versions() == ['002_seed_accounts']
assert !ext.contains('Lc-9q2@secret') && !ext.contains('Lc-9q2%40secret')

// 3. with -X: every migrate goal's part of the log, its configuration dump included, is clean
def debug = runs[2]
assert debug.contains('BUILD SUCCESS')
def sections = debug.split(/(?m)^\[INFO\] --- /).findAll { it.startsWith('migrate-maven-plugin:') }
assert sections.size() == 2 // upgrade, current
assert sections.every { it.contains("Configuring mojo 'dev.migrate:migrate-maven-plugin") }
assert sections[0].contains('Integration tests can connect through')
assert sections.every { !it.contains('Lc-9q2@secret') && !it.contains('Lc-9q2%40secret') }
assert !embedded.contains('Lc-9q2')

// the IT of the last build ran and passed
def report = new File(basedir, 'target/failsafe-reports/TEST-dev.migrate.it.AccountsIT.xml')
assert report.isFile()
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 1
assert suite.@failures.toInteger() == 0
assert suite.@errors.toInteger() == 0
assert suite.@skipped.toInteger() == 0
true
