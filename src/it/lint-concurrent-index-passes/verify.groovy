def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def lint = db.runs[1]
assert lint.contains('Revision b2b2b2b2b2b2 (index account names): 2 statements, non-transactional')
assert lint.contains('Linted 1 revision (2 statements)')
assert lint.contains(': 0 errors, 0 warnings, 0 info, 0 accepted')
assert !lint.contains('require-concurrent-index-creation')
assert lint.contains('BUILD SUCCESS')
assert db.versions() == ['a1a1a1a1a1a1']
true
