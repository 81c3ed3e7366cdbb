// Runs only where a real PgBouncer can be started.
def bouncer = evaluate(new File(basedir, '../../../../src/it/support/pgbouncer.groovy'))
def reason = bouncer.unavailableReason()
if (reason) {
    def line = "[it] supabase-pooler skipped: ${reason}"
    println line                // into the scenario's build.log
    // and onto the console, next to SKIPPED (the invoker redirects System.out while a script runs)
    new PrintStream(new FileOutputStream(FileDescriptor.out), true).println(line)
    return false
}
true
