def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs.size() == 5
assert db.runs[0].contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')
// each refusal (downgrade, stamp, downgrade confirmed with another name) names the environment and
// the confirmation to pass, and runs nothing
[1, 2, 3].each { i ->
    def run = db.runs[i]
    assert run.contains('BUILD FAILURE')
    def error = run.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
    assert error != null
    assert error.contains('staging')
    assert error.contains('protected')
    assert error.contains('-Dmigrate.confirm=staging')
    assert !run.contains('Running ')
}
// the confirmed downgrade ran once
assert db.runs[4].contains('BUILD SUCCESS')
assert db.runs[4].count('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, create orders') == 1
assert db.versions() == ['a1a1a1a1a1a1']
assert !db.tableExists('orders')
assert db.rows("select revision, direction from migrate_history order by id").collect { "${it.direction} ${it.revision}" as String } ==
        ['upgrade a1a1a1a1a1a1', 'upgrade b2b2b2b2b2b2', 'downgrade b2b2b2b2b2b2']
true
