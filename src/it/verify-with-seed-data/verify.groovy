def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def failed = db.runs[0]
assert failed.contains('Seed data ' + new File(basedir, 'src/main/migrations/seed.sql').path + ' (1 statement) is loaded after revision a1a1a1a1a1a1.')
assert failed.contains('Revision b2b2b2b2b2b2 (require email): upgrade fails on existing data (the seed data loaded after a1a1a1a1a1a1), though it upgrades an empty database: SQLSTATE 23502: ')
assert failed.contains('"email"')
assert failed.contains('1 revision after b2b2b2b2b2b2 was not checked: they need its upgrade.')
assert failed.contains('BUILD FAILURE')
def passed = db.runs[1]
assert passed.contains('is loaded after revision b2b2b2b2b2b2.')
assert passed.contains('Verified 3 revisions (upgrade, downgrade, upgrade)')
assert passed.contains('no problems')
assert passed.contains('BUILD SUCCESS')
assert !db.tableExists('users')
true
