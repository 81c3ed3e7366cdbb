// Offline mode: each script must be exactly its expected-*.sql (with the plugin's version in the
// history rows), and no database may have been contacted (the url points at port 1).
def log = new File(basedir, 'build.log').text.replaceAll('\u001B\\[[;\\d]*m', '')
def version = (log =~ /migrate-maven-plugin:(\S+):upgrade/)[0][1]

['upgrade', 'downgrade'].each { name ->
    def script = new File(basedir, "target/${name}.sql")
    assert script.isFile()
    def expected = new File(basedir, "expected-${name}.sql").text.normalize().replace('@project.version@', version)
    def actual = script.text.normalize()
    if (actual != expected) {
        def a = actual.readLines()
        def e = expected.readLines()
        def at = (0..<Math.max(a.size(), e.size())).find { a[it] != e[it] }
        assert actual == expected : "target/${name}.sql differs from expected-${name}.sql at line ${at + 1}:\n  expected: ${e[at]}\n  actual:   ${a[at]}"
    }
}
assert log.count('Environment local: postgresql://postgres@127.0.0.1:1/it_offline_sql (schema public)') == 2
assert log.count('BUILD SUCCESS') == 2
assert !log.contains('Connection refused')
assert !log.contains('embedded PostgreSQL')
true
