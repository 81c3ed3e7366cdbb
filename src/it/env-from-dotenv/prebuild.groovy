// The .env a developer keeps next to the POM (not committed): the server's port is only known now.
def base = new URI(itDatabaseBase)
new File(basedir, '.env').text = """\
# local overrides
MIGRATE_URL=postgresql://${base.userInfo ?: 'postgres'}@${base.host}:${base.port < 0 ? 5432 : base.port}/it_env_from_dotenv
"""
true
