def log = new File(basedir, 'build.log').text.replaceAll('\u001B\\[[;\\d]*m', '')
def runs = log.split('Scanning for projects...').drop(1)

def started = runs[0] =~ /Embedded PostgreSQL started: host localhost, port (\d+), database postgres, user postgres/
assert started.find()
def port = started.group(1)
assert runs[0].contains("Embedded PostgreSQL left running (migrate.keepRunning=true): host localhost, port ${port}")
assert runs[0].contains("psql -h localhost -p ${port} -U postgres postgres")
// the next goal finds it still up, then stops it
assert runs[1].contains("Embedded PostgreSQL (already running): host localhost, port ${port}, database postgres")
assert !runs[1].contains('left running')
assert !new File(basedir, 'target/migrate/local-db/postmaster.pid').exists()
true
