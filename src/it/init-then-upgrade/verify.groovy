// (no database of the scenario server is used: the log helpers only)
def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))
def log = db.log

['environments/default.properties', 'environments/local.properties', 'environments/staging.properties',
 'environments/supabase.properties', 'src/main/migrations/template.sql'].each {
    assert new File(basedir, it).isFile() : "init did not write ${it}"
}
assert new File(basedir, 'src/main/schema').isDirectory()
// never overwritten: the file that existed before, the revision, and the POM
assert new File(basedir, 'environments/staging.properties').text.contains('staging.example.com')
assert new File(basedir, 'src/main/migrations/versions/a1a1a1a1a1a1_create_accounts.sql').text.contains('CREATE TABLE accounts')
assert new File(basedir, 'pom.xml').text.contains('<artifactId>init-then-upgrade</artifactId>')
// the generated local environment names no server
assert !(new File(basedir, 'environments/local.properties').readLines().any { it ==~ /\s*url\s*[=:].*/ })

// first init creates, second init keeps
def created = log.readLines().findAll { it.contains('Created environments/local.properties') }
def kept = log.readLines().findAll { it.contains('Kept existing environments/local.properties') }
assert created.size() == 1
assert kept.size() == 1
assert log.indexOf('Created environments/local.properties') < log.indexOf('Kept existing environments/local.properties')
assert log.readLines().count { it.contains('Kept existing environments/staging.properties') } == 2

assert log.contains('Environment local: embedded PostgreSQL in target/migrate/local-db (schema public)')
assert log.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
// the embedded server's own output stays out of the build log
assert db.output(3).size() == 1
assert db.output(3)[0] ==~ /Running upgrade  -> a1a1a1a1a1a1, create accounts \(\d+ ms\)/
assert db.output(4) == ['a1a1a1a1a1a1 (head)']
assert new File(basedir, 'target/migrate/local-db').isDirectory()
true
