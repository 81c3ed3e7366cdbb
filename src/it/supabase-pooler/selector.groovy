// Runs only where a real PgBouncer can be started.
def bouncer = evaluate(new File(basedir, '../../../../src/it/support/pgbouncer.groovy'))
def reason = bouncer.unavailableReason()
if (reason) {
    println "[it] supabase-pooler skipped: ${reason}"
    return false
}
true
