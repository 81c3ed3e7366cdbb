def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def script = new File(basedir, 'target/upgrade.sql')
assert script.isFile()
def text = script.text
assert !text.contains('\u001B')
assert !text.contains('[INFO]')
assert text.contains('CREATE TABLE accounts')
// offline: nothing connected, nothing applied
assert !db.tableExists('migrate_version')
assert !db.tableExists('accounts')
def psql = ['/usr/bin/psql', '/usr/local/bin/psql'].find { new File(it).canExecute() }
if (psql == null) {
    println 'output-file-clean: psql not found, the script is not applied (checked without it)'
    return true
}
def base = new URI(itDatabaseBase)
def process = [psql, '-X', '-v', 'ON_ERROR_STOP=1', '-h', base.host, '-p', String.valueOf(base.port < 0 ? 5432 : base.port),
               '-U', 'postgres', '-d', db.name, '-f', script.path].execute()
def out = new StringBuilder(), err = new StringBuilder()
process.waitForProcessOutput(out, err)
assert process.exitValue() == 0 : "psql failed: ${err}"
assert db.versions() == ['b2b2b2b2b2b2']
assert db.tableExists('orders')
true
