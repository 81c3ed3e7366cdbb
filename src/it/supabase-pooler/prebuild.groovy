// Makes the scenario's database look like a Supabase project (its roles, an auth schema with
// auth.users and auth.uid(), one user) and starts PgBouncer in transaction mode in front of it.
// The port goes to .env as PGBOUNCER_PORT, which environments/local.properties reads.
def bouncer = evaluate(new File(basedir, '../../../../src/it/support/pgbouncer.groovy'))

def base = new URI(itDatabaseBase)
def host = base.host
def port = base.port < 0 ? 5432 : base.port
def loader = new URLClassLoader([new File(pgjdbcJar).toURI().toURL()] as URL[], this.class.classLoader)
def driver = loader.loadClass('org.postgresql.Driver').getDeclaredConstructor().newInstance()
def props = new Properties()
props.setProperty('user', base.userInfo ? base.userInfo.split(':')[0] : 'postgres')
def connection = driver.connect("jdbc:postgresql://${host}:${port}/it_supabase_pooler", props)
try {
    def s = connection.createStatement()
    // roles are cluster-wide: another run against the same server may have made them already
    s.execute('''DO $$
        DECLARE r text;
        BEGIN
            FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', r);
                END IF;
            END LOOP;
        END $$''')
    s.execute('CREATE SCHEMA auth')
    s.execute('CREATE TABLE auth.users (id uuid PRIMARY KEY, email text UNIQUE, created_at timestamptz NOT NULL DEFAULT now())')
    s.execute('''CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
                 AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$''')
    s.execute('GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role')
    s.execute("INSERT INTO auth.users (id, email) VALUES ('7b3c1a52-3f4e-4d8b-9a61-2f0e8c5d4b11', 'ada@example.com')")
} finally {
    connection.close()
}

int pgbouncerPort = bouncer.start(host, port, 'transaction')
new File(basedir, '.env').text = "# written by prebuild.groovy\nPGBOUNCER_PORT=${pgbouncerPort}\n"
println "[it] supabase-pooler: PgBouncer (transaction mode) on 127.0.0.1:${pgbouncerPort} in front of ${host}:${port}"
true
