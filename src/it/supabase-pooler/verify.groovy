// Checks the database behind PgBouncer and the build log, then stops PgBouncer (also on failure).
def bouncer = evaluate(new File(basedir, '../../../../src/it/support/pgbouncer.groovy'))
try {
    def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))
    def log = db.log
    def port = (new File(basedir, '.env').text =~ /PGBOUNCER_PORT=(\d+)/)[0][1]

    // every goal went through PgBouncer, with the transaction-pooler settings
    assert log.contains("Environment local: postgresql://postgres@127.0.0.1:${port}/it_supabase_pooler")
    assert log.contains('pooler=transaction: server-side prepared statements are disabled (prepareThreshold=0), '
            + 'the migration lock is transaction-scoped, and revisions marked \'Transactional: false\'')
    assert bouncer.log().contains('login attempt: db=it_supabase_pooler user=postgres')

    // upgrade, downgrade -1, upgrade again
    assert log.contains('Running upgrade  -> a1a1a1a1a1a1, create notes with row level security')
    assert log.contains('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, note count function')
    // (the offline goal below prints the same words as SQL comments: count the timed lines only)
    assert log.count('[INFO] Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, note count function (') == 2
    assert log =~ /b2b2b2b2b2b2 \(head\)/

    // the Transactional: false revision is refused behind the transaction pooler, and nothing ran
    assert log.contains("Revision c3c3c3c3c3c3 is marked 'Transactional: false' but a transaction pooler cannot "
            + "run them; use the session pooler (port 5432) for this upgrade. Nothing was run.")
    assert !log.contains('Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3')
    assert db.value("select to_regclass('public.notes_owner_idx') is null")

    // Supabase's transaction pooler port is switched to the session pooler, and the log says why
    assert log.contains("aws-0-eu-central-1.pooler.supabase.com:6543 is Supabase's transaction pooler, which cannot "
            + "hold the session lock or the prepared statements migrations use; connecting to the session pooler "
            + "aws-0-eu-central-1.pooler.supabase.com:5432 instead (set pooler=transaction to keep port 6543)")
    assert log.contains('Environment supabase: postgresql://postgres.abcdefghijklmnopqrst@aws-0-eu-central-1.pooler.supabase.com:5432/postgres')

    // what landed in the database
    assert db.versions() == ['b2b2b2b2b2b2']
    assert db.value("select count(*) from migrate_history where direction = 'upgrade'") == 3
    assert db.value("select count(*) from migrate_history where direction = 'downgrade'") == 1
    assert db.value("select relrowsecurity from pg_class where oid = 'public.notes'::regclass")
    def policies = db.rows("select policyname, cmd, roles::text as roles from pg_policies where schemaname = 'public' and tablename = 'notes'")
    assert policies == [[policyname: 'notes_owner', cmd: 'ALL', roles: '{authenticated}']]
    assert db.value("select has_function_privilege('anon', 'public.note_count()', 'EXECUTE')")
    assert !db.value("select has_function_privilege('public', 'public.note_count()', 'EXECUTE')")
    assert db.value("select has_table_privilege('authenticated', 'public.notes', 'INSERT')")

    // PgBouncer still holds its server connections: none of them kept a lock or an open transaction
    assert db.value("select count(*) from pg_locks l join pg_database d on d.oid = l.database "
            + "where l.locktype = 'advisory' and d.datname = 'it_supabase_pooler'") == 0
    assert db.value("select count(*) from pg_stat_activity where datname = 'it_supabase_pooler' "
            + "and state like 'idle in transaction%'") == 0

    // Supabase's auth schema is untouched: same objects, same rows, no migrate tables in it
    assert db.rows("select table_name from information_schema.tables where table_schema = 'auth' order by 1")
            .collect { it.table_name } == ['users']
    assert db.value("select count(*) from auth.users") == 1
    assert db.value("select count(*) from pg_proc where pronamespace = 'auth'::regnamespace") == 1
    assert db.rows("select table_schema from information_schema.tables where table_name in ('migrate_version', 'migrate_history')")
            .collect { it.table_schema } as Set == ['public'] as Set
} finally {
    bouncer.stop()
}
true
