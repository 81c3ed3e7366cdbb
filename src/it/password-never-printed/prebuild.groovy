// Writes the settings that need the IT server's address: environments/local.properties with the
// password percent-encoded inside the url, and with-dotenv/.env with DATABASE_URL and the raw
// MIGRATE_PASSWORD. The IT server trusts every connection, so the password is sent but not checked.
def password = 'Pw-7f3k@:/+%# x'
def encoded = URLEncoder.encode(password, 'UTF-8').replace('+', '%20')
assert encoded == 'Pw-7f3k%40%3A%2F%2B%25%23%20x'
def base = new URI(itDatabaseBase)
def user = base.userInfo ? base.userInfo.split(':')[0] : 'postgres'
def hostPort = "${base.host}:${base.port < 0 ? 5432 : base.port}"

new File(basedir, 'environments/local.properties').text = """\
# written by prebuild.groovy: the IT server, the password inside the url
url=postgresql://${user}:${encoded}@${hostPort}/it_password_never_printed
"""
new File(basedir, 'with-dotenv/.env').text = """\
# written by prebuild.groovy
DATABASE_URL=postgres://${user}:${encoded}@${hostPort}/it_password_never_printed
MIGRATE_PASSWORD='${password}'
"""
true
