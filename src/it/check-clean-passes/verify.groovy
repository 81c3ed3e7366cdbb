def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.output(2).contains('No problems found: the head schema, the desired schema and the live database agree.')
assert db.runs[1].contains('BUILD SUCCESS')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/check.json'))
assert json.command == 'check'
assert json.passed == true
assert json.findings == []
assert json.desiredSql == ''
assert json.driftSql == ''
assert db.runs[3].contains(':check (default) @ check-clean-passes ---')
assert db.runs[3].contains('No problems found')
assert db.runs[3].contains('BUILD SUCCESS')
assert db.versions() == ['b2b2b2b2b2b2']
true
