def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def refused = db.runs[0]
assert refused.contains("Range 'a1a1:c3c3' not allowed here: a range from:to is only for offline SQL " +
        "(-Dmigrate.sql=true) and history. Give one target, such as 'heads', 'base', a revision id, " +
        "'label@head' or '-1'.")
assert !refused.contains('Running upgrade')
// said once, in Maven's words only
assert !refused.contains('(sql=true)')

// the prefix a1 ran only a1a1a1a1a1a1
assert db.runs[1].contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
assert db.runs[1].count('Running upgrade') == 1
assert db.versions() == ['a1a1a1a1a1a1']
assert db.tableExists('accounts') && !db.tableExists('users')

// offline, the same range is the script from a1 to c3 (b2 first, since c3 depends on it)
def script = new File(basedir, 'target/up.sql').text
assert script.indexOf('CREATE TABLE users') >= 0
assert script.indexOf('CREATE TABLE users') < script.indexOf('CREATE TABLE audit_log')
assert !script.contains('CREATE TABLE accounts')
true
