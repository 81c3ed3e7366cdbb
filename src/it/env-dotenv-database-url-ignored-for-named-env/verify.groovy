def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// the named environment's own database is migrated
assert db.log =~ /Environment staging: postgresql:\/\/postgres@127\.0\.0\.1:\d+\/it_env_dotenv_database_url_ignored_for_named_env \(schema public\)/
assert db.versions() == ['b2b2b2b2b2b2']
// the notice: DATABASE_URL is ignored, and why
assert db.log =~ /Ignoring \.env variable DATABASE_URL \(postgresql:\/\/postgres@127\.0\.0\.1:\d+\/it_env_dotenv_database_url_ignored_for_named_env_local\): environment staging has its own url, from environments\/staging\.properties/
assert db.log.count('Ignoring .env variable DATABASE_URL') == 2
// the local database is untouched
def local = db.url + '_local'
def loader = new URLClassLoader([new File(pgjdbcJar).toURI().toURL()] as URL[], this.class.classLoader)
def driver = loader.loadClass('org.postgresql.Driver').getDeclaredConstructor().newInstance()
def props = new Properties()
props.setProperty('user', 'postgres')
def c = driver.connect(local, props)
try {
    def rs = c.createStatement().executeQuery("select count(*) from pg_tables where schemaname = 'public'")
    rs.next()
    assert rs.getInt(1) == 0
} finally {
    c.close()
}
true
