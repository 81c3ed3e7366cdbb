package dev.migrate.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection target taken apart: hosts, database, credentials and pgjdbc driver
 * properties. The credentials are kept out of {@link #jdbcUrl()} and travel only as driver
 * properties; {@link #masked()} and {@link #toString()} never show the password.
 *
 * <p>Accepted forms: {@code jdbc:postgresql://host:port/db?…}, {@code jdbc:postgresql:db},
 * libpq URIs {@code postgresql://user:pass@host:port/db?…} and {@code postgres://…}, and
 * SQLAlchemy's {@code postgresql+DRIVER://…} (asyncpg, psycopg2, psycopg, pg8000, …). Several
 * hosts are written {@code host1:5432,host2:5433}; IPv6 hosts in brackets, {@code [::1]:5432}.
 * User, password, database and query values are RFC 3986 percent-decoded ({@code %40} is an @,
 * {@code %2F} a slash, and a {@code +} stays a plus).
 *
 * @param hosts      one or more hosts, in the order they are tried
 * @param database   the database name, empty for the server's default (the user name)
 * @param user       the user, if the URL names one
 * @param password   the password, if the URL holds one
 * @param properties pgjdbc driver properties other than user and password, in URL order
 */
public record DatabaseUrl(List<Host> hosts, String database, Optional<String> user, Optional<String> password,
                          Map<String, String> properties) {

    /** PostgreSQL's port when a URL names none. */
    public static final int DEFAULT_PORT = 5432;

    private static final Pattern SCHEME = Pattern.compile("postgres(ql)?(\\+[a-z0-9_]+)?");
    private static final Pattern PRINTABLE_SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,30}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
    private static final String FORMS = "postgresql://, postgres://, postgresql+DRIVER:// or jdbc:postgresql://";

    /** One host and its port. {@code host} is an IPv6 address without brackets when it contains ':'. */
    public record Host(String host, int port) {
        public Host {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new InvalidDatabaseUrlException("the port must be between 1 and 65535");
            }
        }

        public boolean isIpv6() {
            return host.indexOf(':') >= 0;
        }

        /** {@code host:port}, with an IPv6 address in brackets. */
        @Override
        public String toString() {
            return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public DatabaseUrl {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new InvalidDatabaseUrlException("it names no host");
        }
        Objects.requireNonNull(database, "database");
        user = Objects.requireNonNull(user, "user").filter(u -> !u.isEmpty());
        password = Objects.requireNonNull(password, "password").filter(p -> !p.isEmpty());
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        if (properties.containsKey("user") || properties.containsKey("password")) {
            throw new IllegalArgumentException("user and password are not driver properties here");
        }
    }

    /**
     * Parses any accepted form. Errors are {@link InvalidDatabaseUrlException}s whose messages
     * describe the problem without quoting the URL.
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidDatabaseUrlException("it is empty");
        }
        String text = url.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean jdbc;
        String rest;
        if (lower.startsWith("jdbc:postgresql:")) {
            jdbc = true;
            rest = text.substring("jdbc:postgresql:".length());
            // jdbc:postgresql:database and jdbc:postgresql:/database mean localhost
            if (!rest.startsWith("//") && rest.replaceFirst("\\?.*", "").matches(".*[@:].*")) {
                // jdbc:postgresql:user:secret@host would otherwise name a database "user:secret@host", and print it
                throw new InvalidDatabaseUrlException("jdbc:postgresql:NAME takes a database name only; for a user, "
                        + "password or host write jdbc:postgresql://user:password@host:port/database");
            }
            rest = rest.startsWith("//") ? rest.substring(2) : "/" + (rest.startsWith("/") ? rest.substring(1) : rest);
        } else {
            int separator = text.indexOf("://");
            if (separator <= 0) {
                throw new InvalidDatabaseUrlException("it must start with " + FORMS);
            }
            String scheme = lower.substring(0, separator);
            if (!SCHEME.matcher(scheme).matches()) {
                String shown = PRINTABLE_SCHEME.matcher(scheme).matches() ? " '" + scheme + "'" : "";
                throw new InvalidDatabaseUrlException("unsupported scheme" + shown + "; use " + FORMS);
            }
            jdbc = false;
            rest = text.substring(separator + 3);
        }
        if (rest.indexOf('#') >= 0) {
            throw new InvalidDatabaseUrlException("it contains '#'; if the password contains '#', "
                    + "percent-encode it as %23");
        }
        return parseRest(rest, jdbc);
    }

    private static DatabaseUrl parseRest(String rest, boolean jdbc) {
        int authorityEnd = indexOfAny(rest, "/?", 0);
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String afterAuthority = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at < 0 && afterAuthority.indexOf('@') >= 0 && authority.indexOf(':') >= 0) {
            throw new InvalidDatabaseUrlException("the user or password seems to contain a '/' or '?'; "
                    + "percent-encode them (%2F for /, %3F for ?)");
        }
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = PercentCoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "the user");
            if (colon >= 0) {
                password = PercentCoding.decode(userInfo.substring(colon + 1), "the password");
            }
        }
        String hostList = authority.substring(at + 1);

        String path = afterAuthority;
        String query = "";
        int question = afterAuthority.indexOf('?');
        if (question >= 0) {
            path = afterAuthority.substring(0, question);
            query = afterAuthority.substring(question + 1);
        }
        String database = "";
        if (!path.isEmpty()) {
            String encoded = path.substring(1);
            if (encoded.indexOf('/') >= 0) {
                throw new InvalidDatabaseUrlException("the database name contains '/'; percent-encode it as %2F");
            }
            database = PercentCoding.decode(encoded, "the database name");
        }

        Map<String, String> properties = new LinkedHashMap<>();
        String queryHost = null;
        String queryPort = null;
        boolean afterPassword = false;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = PercentCoding.decode(equals < 0 ? pair : pair.substring(0, equals), "a query parameter name");
            // after password=..., a "key" may be the rest of a password holding '&': never quote it
            String value = equals < 0 ? "" : PercentCoding.decode(pair.substring(equals + 1), afterPassword
                    ? "the value of a query parameter after 'password' (if the password contains '&', percent-encode it as %26)"
                    : "the value of query parameter '" + key + "'");
            afterPassword |= key.equals("password");
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "dbname" -> database = value;
                case "host" -> queryHost = value;
                case "port" -> queryPort = value;
                default -> {
                    if (jdbc) {
                        properties.put(key, value);
                    } else {
                        putLibpqParameter(properties, key, value);
                    }
                }
            }
        }
        List<Host> hosts = parseHosts(hostList, queryHost, queryPort);
        return new DatabaseUrl(hosts, database, Optional.ofNullable(user), Optional.ofNullable(password), properties);
    }

    /** Maps a libpq / SQLAlchemy query parameter to its pgjdbc name where they differ. */
    private static void putLibpqParameter(Map<String, String> properties, String key, String value) {
        switch (key) {
            case "application_name" -> properties.put("ApplicationName", value);
            case "connect_timeout" -> properties.put("connectTimeout", value);
            case "gssencmode" -> properties.put("gssEncMode", value);
            case "keepalives" -> properties.put("tcpKeepAlive", "0".equals(value) ? "false" : "true");
            case "target_session_attrs" -> properties.put("targetServerType", switch (value) {
                case "read-write", "primary" -> "primary";
                case "read-only", "standby" -> "secondary";
                case "prefer-standby" -> "preferSecondary";
                default -> "any";
            });
            case "ssl" -> {
                // asyncpg spells sslmode as ssl=require; some drivers use ssl=true
                String mode = switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "on" -> "require";
                    case "false", "0", "off" -> "disable";
                    default -> value;
                };
                properties.putIfAbsent("sslmode", mode);
            }
            case "sslmode" -> properties.put("sslmode", value);
            // asyncpg's way of saying "no prepared statements", as needed behind PgBouncer
            case "prepared_statement_cache_size", "statement_cache_size" -> {
                if ("0".equals(value)) {
                    properties.put("prepareThreshold", "0");
                }
            }
            default -> properties.put(key, value);
        }
    }

    private static List<Host> parseHosts(String hostList, String queryHost, String queryPort) {
        if (hostList.isEmpty() && queryHost != null) {
            hostList = queryHost;
        }
        List<Host> hosts = new ArrayList<>();
        String[] specs = hostList.split(",", -1);
        for (String spec : specs) {
            if (spec.isEmpty() && specs.length > 1) {
                throw new InvalidDatabaseUrlException("the host list has an empty entry");
            }
            String host;
            String port = "";
            if (spec.startsWith("[")) {
                int close = spec.indexOf(']');
                if (close < 0) {
                    throw new InvalidDatabaseUrlException("an IPv6 host lacks its closing ']'");
                }
                host = spec.substring(1, close);
                String after = spec.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw new InvalidDatabaseUrlException("an IPv6 host in brackets must be followed by ':port' or nothing");
                    }
                    port = after.substring(1);
                }
                if (!IPV6.matcher(host).matches()) {
                    throw new InvalidDatabaseUrlException("an IPv6 host in brackets is not a valid IPv6 address");
                }
            } else {
                int colon = spec.indexOf(':');
                if (colon >= 0 && spec.indexOf(':', colon + 1) >= 0) {
                    throw new InvalidDatabaseUrlException("an IPv6 host must be written in brackets, e.g. [::1]:5432");
                }
                host = PercentCoding.decode(colon < 0 ? spec : spec.substring(0, colon), "a host name");
                port = colon < 0 ? "" : spec.substring(colon + 1);
                if (host.startsWith("/")) {
                    throw new InvalidDatabaseUrlException("Unix-domain sockets are not supported; give a host name and port");
                }
                if (host.isEmpty()) {
                    host = "localhost";
                } else if (!HOST_NAME.matcher(host).matches()) {
                    throw new InvalidDatabaseUrlException("a host name contains characters other than letters, digits, '.', '-' and '_'");
                }
            }
            if (port.isEmpty() && queryPort != null) {
                port = queryPort;
            }
            hosts.add(new Host(host, parsePort(port)));
        }
        return hosts;
    }

    private static int parsePort(String port) {
        if (port.isEmpty()) {
            return DEFAULT_PORT;
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidDatabaseUrlException("the port is not a number");
        }
        return Integer.parseInt(port);
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code jdbc:postgresql://host:port[,host:port]/database}, with no credentials and no query. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostList() + "/" + PercentCoding.encode(database);
    }

    /** {@code postgresql://user@host:port/database}: what may be printed. No password, no query. */
    public String masked() {
        return "postgresql://" + user.map(u -> PercentCoding.encode(u) + "@").orElse("") + hostList()
                + "/" + PercentCoding.encode(database);
    }

    private String hostList() {
        StringJoiner joined = new StringJoiner(",");
        hosts.forEach(h -> joined.add(h.toString()));
        return joined.toString();
    }

    /** A fresh copy of the driver properties, with {@code user} and {@code password} when known. */
    public Properties driverProperties() {
        Properties result = new Properties();
        result.putAll(properties);
        user.ifPresent(u -> result.setProperty("user", u));
        password.ifPresent(p -> result.setProperty("password", p));
        return result;
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    public DatabaseUrl withHosts(List<Host> newHosts) {
        return new DatabaseUrl(newHosts, database, user, password, properties);
    }

    public DatabaseUrl withUser(String newUser) {
        return new DatabaseUrl(hosts, database, Optional.ofNullable(newUser), password, properties);
    }

    public DatabaseUrl withPassword(String newPassword) {
        return new DatabaseUrl(hosts, database, user, Optional.ofNullable(newPassword), properties);
    }

    /** This URL with one driver property set, or removed when {@code value} is null. */
    public DatabaseUrl withProperty(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(properties);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new DatabaseUrl(hosts, database, user, password, copy);
    }

    /** The masked form: never the password. */
    @Override
    public String toString() {
        return masked();
    }
}
