def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs[1].contains('No problems found')
def check = db.runs[4]
assert check.contains("[ERROR] Drift in the live database of environment local: added column 'accounts.nickname', which its revisions (at a1a1a1a1a1a1) do not make. Put the change in a revision, or undo it by hand.")
assert check.contains('SQL that takes the live database back to the schema of its revisions:')
assert check.contains('  ALTER TABLE public.accounts DROP COLUMN nickname;')
assert check.contains('check found 1 problem.')
assert check.contains('BUILD FAILURE')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/check.json'))
assert json.passed == false
assert json.findings*.kind == ['drift']
assert json.findings[0].subject == 'accounts.nickname'
assert json.driftSql.contains('DROP COLUMN nickname')
// check reads the live database and changes nothing
assert db.value("select count(*) from information_schema.columns where table_name = 'accounts' and column_name = 'nickname'") == 1
assert db.versions() == ['a1a1a1a1a1a1']
true
