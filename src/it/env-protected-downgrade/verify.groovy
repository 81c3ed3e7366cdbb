def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def parts = db.log.split('BUILD FAILURE')
assert parts.size() == 4 : 'expected three refused runs'
assert parts[0].contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')
// each refusal names the environment and the confirmation to pass, and runs nothing
(1..3).each { i ->
    def refused = i < 3 ? parts[i] : parts[i].substring(0, parts[i].indexOf('BUILD SUCCESS'))
    assert refused.contains('protected')
    assert refused.contains('-Dmigrate.confirm=staging')
    assert !refused.contains('Running ')
}
// the confirmed downgrade ran once
assert parts[3].count('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, create orders') == 1
assert db.versions() == ['a1a1a1a1a1a1']
assert !db.tableExists('orders')
assert db.rows("select revision, direction from migrate_history order by id").collect { "${it.direction} ${it.revision}" as String } ==
        ['upgrade a1a1a1a1a1a1', 'upgrade b2b2b2b2b2b2', 'downgrade b2b2b2b2b2b2']
true
