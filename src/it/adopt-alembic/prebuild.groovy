// Lets Alembic itself create the database state to adopt: a tiny Alembic project under target/alembic
// whose two revisions carry the ids and SQL of this project's first two revision files, upgraded to
// its head in the scenario's database.
def base = new URI(itDatabaseBase)
def dbName = 'it_' + basedir.name.replace('-', '_')
def user = base.userInfo ? base.userInfo.split(':')[0] : 'postgres'
def url = "postgresql+psycopg2://${user}@${base.host}:${base.port < 0 ? 5432 : base.port}/${dbName}"

def project = new File(basedir, 'target/alembic')
new File(project, 'versions').mkdirs()
new File(project, 'alembic.ini').text = """\
[alembic]
script_location = ${project.absolutePath}
sqlalchemy.url = ${url}
"""
new File(project, 'env.py').text = '''\
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
'''
def revision = { String id, String down, String message, String up, String drop ->
    new File(project, "versions/${id}.py").text = """\
\"\"\"${message}

Revision ID: ${id}
Revises: ${down ?: ''}
\"\"\"
from alembic import op

revision = '${id}'
down_revision = ${down ? "'" + down + "'" : 'None'}
branch_labels = None
depends_on = None


def upgrade():
    op.execute(\"\"\"${up}\"\"\")


def downgrade():
    op.execute(\"\"\"${drop}\"\"\")
"""
}
def sqlOf = { String file ->
    def text = new File(basedir, "src/main/migrations/versions/${file}").text
    def up = text.substring(text.indexOf('-- migrate:upgrade') + '-- migrate:upgrade'.length(), text.indexOf('-- migrate:downgrade')).trim()
    def down = text.substring(text.indexOf('-- migrate:downgrade') + '-- migrate:downgrade'.length()).trim()
    [up, down]
}
def (upA, downA) = sqlOf('a1a1a1a1a1a1_create_accounts.sql')
def (upB, downB) = sqlOf('b2b2b2b2b2b2_create_orders.sql')
revision('a1a1a1a1a1a1', null, 'create accounts', upA, downA)
revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', 'create orders', upB, downB)

def alembic = ['/usr/bin/python3', '-m', 'alembic', '-c', new File(project, 'alembic.ini').absolutePath, 'upgrade', 'head']
def process = new ProcessBuilder(alembic).directory(project).redirectErrorStream(true).start()
def output = process.inputStream.text
process.waitFor()
assert process.exitValue() == 0 : "alembic upgrade head failed:\n${output}"
true
