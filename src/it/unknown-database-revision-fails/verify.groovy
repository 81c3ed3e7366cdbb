def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs[0].contains('Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total')
// both goals of the older checkout name the unknown revision and run nothing
[1, 2].each { i ->
    def run = db.runs[i]
    assert run.contains('BUILD FAILURE')
    def error = run.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
    assert error != null
    assert error.contains('c3c3c3c3c3c3')
    assert !run.contains('Running ')
}
assert db.versions() == ['c3c3c3c3c3c3']
assert db.value("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'total'") == 1
assert db.value("select count(*) from migrate_history") == 3
true
