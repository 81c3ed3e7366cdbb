def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs.size() == 5
def (applied, unknown, accepted, next, downgrade) = db.runs
assert applied.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')

// 2. an unknown id is refused before anything runs, and the edit is not accepted by it
assert unknown.contains('BUILD FAILURE')
def error = unknown.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('-Dmigrate.acceptChanged names revision nosuchrev, which no revision file has')
assert error.contains('Nothing was run')
assert !unknown.contains('Accepted the edited file')

// 3. accepted: said so, recorded, no revision run (the edit itself is not applied)
assert accepted.contains('BUILD SUCCESS')
assert accepted.contains('Accepted the edited file of b2b2b2b2b2b2 (')
assert !accepted.contains('Running upgrade')

// 4. the next run passes without acceptChanged and records nothing more
assert next.contains('BUILD SUCCESS')
assert next.contains('is up to date')
assert !next.contains('Accepted the edited file')
assert !next.contains('edited after they were applied')

// 5. the downgrade checks edits too, and the accepted file passes
assert downgrade.contains('BUILD SUCCESS')
assert downgrade.contains('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, create orders')
assert db.versions() == ['a1a1a1a1a1a1']
assert !db.tableExists('orders')

// one accept row for b2, with the edited file's checksum (not the applied one's), and nothing for the unknown id
def rows = db.rows("select revision, direction, checksum from migrate_history order by id")
assert rows.collect { "${it.direction} ${it.revision}" as String } ==
        ['upgrade a1a1a1a1a1a1', 'upgrade b2b2b2b2b2b2', 'accept b2b2b2b2b2b2', 'downgrade b2b2b2b2b2b2']
def upgradeRow = rows.find { it.direction == 'upgrade' && it.revision == 'b2b2b2b2b2b2' }
def acceptRow = rows.find { it.direction == 'accept' }
assert acceptRow.checksum != null && acceptRow.checksum != upgradeRow.checksum
// the checksum names its algorithm, so that a future algorithm never flags every file
assert acceptRow.checksum ==~ /[a-z0-9-]+:.+/
true
