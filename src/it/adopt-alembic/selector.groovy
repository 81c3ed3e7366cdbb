// Runs only where Alembic and psycopg2 are installed (CI: apt-get install python3-alembic python3-psycopg2).
def probe = ['/usr/bin/python3', '-c', 'import alembic, psycopg2']
def ok
try {
    def p = probe.execute()
    p.waitForProcessOutput(new StringBuilder(), new StringBuilder())
    ok = p.exitValue() == 0
} catch (IOException e) {
    ok = false
}
if (!ok) {
    println 'Skipping adopt-alembic: /usr/bin/python3 with the alembic and psycopg2 modules is needed'
}
return ok
