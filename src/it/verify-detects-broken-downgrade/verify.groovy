def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def run = db.runs[0]
assert run.contains('Revision b2b2b2b2b2b2 (index reports by date): downgrade does not restore the schema: index public.idx_reports_created_at is left behind')
assert run.contains('Verified a1a1a1a1a1a1 (create reports): upgrade, downgrade, upgrade')
assert run.contains('Verified c3c3c3c3c3c3 (add report owner): upgrade, downgrade, upgrade')
assert run.contains('Verified 3 revisions (upgrade, downgrade, upgrade)')
assert run.contains('verify found 1 problem')
assert run.contains('BUILD FAILURE')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/verify.json'))
assert json.passed == false
assert json.revisions*.outcome == ['passed', 'failed', 'passed']
assert json.problems.size() == 1
assert json.problems[0].revision == 'b2b2b2b2b2b2'
assert json.problems[0].kind == 'schema-not-restored'
assert json.problems[0].details == ['index public.idx_reports_created_at is left behind']
// verify works on scratch databases only: the environment's database is untouched
assert !db.tableExists('reports')
assert !db.tableExists('migrate_version')
true
