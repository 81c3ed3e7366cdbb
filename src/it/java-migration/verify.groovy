def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// 1: upgrade runs the Java revision between the SQL ones; c3's SET NOT NULL succeeds only on filled rows
def up = ['Running upgrade  -> a1a1a1a1a1a1, create users',
          'Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, backfill display names',
          'Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, display_name required']
def run1 = db.runs[0]
def positions = up.collect { run1.indexOf(it) }
assert positions.every { it >= 0 } : "missing upgrade lines: ${up.findAll { run1.indexOf(it) < 0 }}"
assert positions == positions.sort(false)

// 2: downgrade to a1 runs c3's SQL and the class's downgrade
assert db.runs[1].contains('Running downgrade c3c3c3c3c3c3 -> b2b2b2b2b2b2, display_name required')
assert db.runs[1].contains('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, backfill display names')

// 3: the offline script says the step is Java, still moves the version, and goes on with c3
def script = new File(basedir, 'target/upgrade.sql').text
def java = script.indexOf('-- JAVA MIGRATION: revision b2b2b2b2b2b2 is Java code (class app.migrations.BackfillDisplayName, '
        + 'method upgrade(Connection)) and cannot be rendered as SQL.')
assert java > 0 : script
def version = script.indexOf("UPDATE \"public\".\"migrate_version\" SET version_num = 'b2b2b2b2b2b2' WHERE version_num = 'a1a1a1a1a1a1'")
assert version > java : script
assert script.indexOf('ALTER TABLE users ALTER COLUMN display_name SET NOT NULL') > version
assert !script.contains('initcap') : 'the Java code is not in the script'

// 4: upgraded again: the downgrade had cleared the column, so the second backfill filled both rows again
assert db.versions() == ['c3c3c3c3c3c3']
assert db.rows('select id, display_name from users order by id').collect { "${it.id}|${it.display_name}" } == ['1|Alice', '2|Bob']
assert db.rows('select rows_filled from backfill_log order by id').collect { it.rows_filled as int } == [2, 2]
assert db.value("select is_nullable from information_schema.columns where table_name = 'users' and column_name = 'display_name'") == 'NO'
def history = db.rows("select direction, checksum from migrate_history where revision = 'b2b2b2b2b2b2' order by id")
assert history.collect { it.direction } == ['upgrade', 'downgrade', 'upgrade']
assert history.every { it.checksum ==~ /v2:[0-9a-f]{64}/ && it.checksum == history[0].checksum } : history

// 5: show names the class
assert db.runs[4].contains('Java: app.migrations.BackfillDisplayName')
assert db.log.count('BUILD SUCCESS') == 5
true
