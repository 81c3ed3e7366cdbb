package dev.migrate.engine.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;

/**
 * Loads {@code environments/*.properties} as UTF-8 Java properties, with errors that name the file
 * and line (a bad {@code \\u} escape, a NUL byte) or say why the file cannot be read (a symbolic link
 * to nothing), never quoting a line, which may hold a secret.
 */
final class PropertiesFiles {
    private PropertiesFiles() {
    }

    /** The file's properties; empty when it does not exist. {@code name} is how messages call it. */
    static PropertiesConfiguration load(String name, Path file) {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.setIOFactory(NamesUnescapedAsValues.INSTANCE);
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = " to " + Files.readSymbolicLink(file);
            } catch (IOException e) {
                target = "";
            }
            throw new ConfigException("Cannot read " + name + ": it is a symbolic link" + target
                    + ", which does not exist. Point the link at an existing file, or remove it.");
        }
        if (!Files.exists(file)) {
            return properties;
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Cannot read " + name + ": it is not a regular file.");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + name + ": " + reason(e)
                    + ". Save it as UTF-8 text readable by this user.", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).indexOf('\0') >= 0) {
                throw new ConfigException(name + " line " + (i + 1) + ": a NUL byte; is this a text file?");
            }
            if (!validEscapes(lines.get(i))) {
                throw new ConfigException(name + " line " + (i + 1) + ": a '\\u' escape must be followed by four "
                        + "hexadecimal digits (e.g. \\u00e9); write a backslash itself as \\\\");
            }
        }
        try {
            if (lines.stream().anyMatch(PropertiesFiles::mayInclude)) {
                // an include is resolved against the file's location, which only a FileHandler knows
                FileHandler handler = new FileHandler(properties);
                handler.setEncoding("UTF-8");
                handler.load(file.toFile());
            } else {
                // the lines already read: no second read, and none of the file-locating machinery
                properties.read(new StringReader(String.join("\n", lines)));
            }
        } catch (ConfigurationException | IOException | RuntimeException e) {
            throw new ConfigException("Cannot read " + name + ": " + Secrets.none().scrub(e.getMessage()), e);
        }
        return properties;
    }

    /**
     * Reads keys with the escapes values are read with: {@code \\uXXXX}, {@code \\t}, {@code \\n},
     * {@code \\r}, {@code \\f}, a backslash before a separator, a comment sign or a backslash
     * standing for that character, and a backslash before any other character kept. The default
     * reader unescapes keys through commons-text's {@code StringEscapeUtils}, whose tables of HTML
     * and XML entities take some 20 to 40 ms to build in a fresh JVM, before the connection can
     * start; the two differ only for a backslash before a letter, a digit or a quote, which no key this tool
     * reads has (such a key is reported as unknown).
     */
    private static final class NamesUnescapedAsValues extends PropertiesConfiguration.DefaultIOFactory {
        static final NamesUnescapedAsValues INSTANCE = new NamesUnescapedAsValues();

        @Override
        public PropertiesConfiguration.PropertiesReader createPropertiesReader(Reader in) {
            return new PropertiesConfiguration.PropertiesReader(in) {
                @Override
                protected String unescapePropertyName(String name) {
                    return unescapePropertyValue(name);
                }
            };
        }
    }

    /** A line that could set {@code include} or {@code includeoptional} (erring towards yes). */
    private static boolean mayInclude(String line) {
        return line.stripLeading().regionMatches(true, 0, "include", 0, "include".length());
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.charset.MalformedInputException ? "it is not valid UTF-8"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** Every {@code \\u} (not itself escaped) is followed by four hex digits. */
    private static boolean validEscapes(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != '\\') {
                continue;
            }
            if (i + 1 < line.length() && line.charAt(i + 1) == 'u') {
                if (i + 6 > line.length()) {
                    return false;
                }
                for (int j = i + 2; j < i + 6; j++) {
                    if (Character.digit(line.charAt(j), 16) < 0) {
                        return false;
                    }
                }
            }
            i++; // the escaped character
        }
        return true;
    }

    /** {@code " line N"} for the line where {@code key} is set, or empty when it cannot be told. */
    static String lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).stripLeading();
                if (line.startsWith(key) && (line.length() == key.length()
                        || "=: \t".indexOf(line.charAt(key.length())) >= 0)) {
                    return " line " + (i + 1);
                }
            }
        } catch (IOException e) {
            // the line number is a courtesy
        }
        return "";
    }
}
