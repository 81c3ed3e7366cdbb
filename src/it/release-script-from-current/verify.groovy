def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// 2. read where the database is, wrote the script, ran nothing
assert db.runs[1].contains('Release script for environment local from 0002bbbb (read from the database) to 0004dddd: 0003cccc, 0004dddd.')
assert !db.runs[1].contains('Running upgrade')
assert db.versions() == ['0002bbbb']
assert !db.tableExists('transfers')

def script = new File(basedir, 'target/release.sql').text
assert script.contains('CREATE TABLE transfers')
assert script.contains('ALTER TABLE transfers ADD COLUMN note text')
assert !script.contains('CREATE TABLE accounts')
assert !script.contains('CREATE INDEX accounts_owner_idx')
// the version row moves 0002bbbb -> 0003cccc -> 0004dddd, nothing from base
assert script.contains('0003cccc') && script.contains('0004dddd')
assert !script.contains('0001aaaa')

// 3. the gate
assert db.runs[2].contains('The database is not at all heads: it is at 0002bbbb, the heads are 0004dddd.')

// 4. current to a revision
def three = new File(basedir, 'target/release-3.sql').text
assert three.contains('CREATE TABLE transfers') && !three.contains('ADD COLUMN note')

// the reviewed script, applied with psql, brings the database to the head
def psql = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', "${itDatabaseBase}/${db.name}".toString(), '-f',
            new File(basedir, 'target/release.sql').path].execute()
def err = new StringBuilder()
psql.consumeProcessErrorStream(err)
assert psql.waitFor() == 0 : err
assert db.versions() == ['0004dddd']
assert db.value("select count(*) from information_schema.columns where table_name = 'transfers' and column_name = 'note'") == 1
true
