// The .env a developer keeps for local work: DATABASE_URL at a local database of its own.
import java.sql.DriverManager
def base = new URI(itDatabaseBase)
def hostPort = "${base.host}:${base.port < 0 ? 5432 : base.port}"
def user = base.userInfo ? base.userInfo.split(':')[0] : 'postgres'
def loader = new URLClassLoader([new File(pgjdbcJar).toURI().toURL()] as URL[], this.class.classLoader)
def driver = loader.loadClass('org.postgresql.Driver').getDeclaredConstructor().newInstance()
def props = new Properties()
props.setProperty('user', user)
def c = driver.connect("jdbc:postgresql://${hostPort}/postgres", props)
try {
    c.createStatement().execute('DROP DATABASE IF EXISTS it_env_dotenv_database_url_ignored_for_named_env_local')
    c.createStatement().execute('CREATE DATABASE it_env_dotenv_database_url_ignored_for_named_env_local')
} finally {
    c.close()
}
new File(basedir, '.env').text = "DATABASE_URL=postgresql://${user}@${hostPort}/it_env_dotenv_database_url_ignored_for_named_env_local\n"
true
