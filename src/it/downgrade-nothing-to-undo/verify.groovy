def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// 2. down through the nothing-to-undo revision: nothing runs, the version moves, the build succeeds
assert db.runs[1].contains('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, comment accounts')
assert db.runs[1].contains('BUILD SUCCESS')
// 4. an empty downgrade section is named as empty, and nothing runs
assert db.runs[3].contains("Revision c3c3c3c3c3c3 (")
assert db.runs[3].contains("is irreversible (its '-- migrate:downgrade' section is empty)")
assert !db.runs[3].contains('Running downgrade')
assert db.versions() == ['c3c3c3c3c3c3']
assert db.tableExists('orders')
assert db.value("select count(*) from migrate_history where direction = 'downgrade'") == 1
true
