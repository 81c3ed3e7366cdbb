def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def run = db.runs[0]
assert run.contains('BUILD SUCCESS')
def verified = db.lines.findAll { it.startsWith('Verified ') && it.contains(': upgrade, downgrade, upgrade (') }
assert verified.size() == 5
// base first, both branches before their merge, the revision after the merge last
assert verified[0].startsWith('Verified a1a1a1a1a1a1 ')
assert verified[1..2]*.substring(9, 21).toSet() == ['b1b1b1b1b1b1', 'b2b2b2b2b2b2'] as Set
assert verified[3].startsWith('Verified m3m3m3m3m3m3 (merge billing and audit)')
assert verified[4].startsWith('Verified d4d4d4d4d4d4 ')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/verify.json'))
assert json.passed == true
assert json.revisionsChecked == 5
assert json.revisions*.outcome == ['passed'] * 5
assert json.problems == []
assert !db.tableExists('accounts')
true
