package dev.migrate.engine.scripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The checksum of a revision file, which tells whether an applied revision was edited since.
 *
 * <p>What counts as an edit (algorithm {@code v2}, written as {@code v2:} and the lowercase hex
 * SHA-256): any change to the file's text, including its comments (the header's comments carry its
 * metadata, and a reviewer reads the others), except
 * <ul>
 *   <li>line endings: CRLF, CR and LF are the same;</li>
 *   <li>a leading UTF-8 byte order mark;</li>
 *   <li>spaces and tabs at the end of a line, and blank lines at the end of the file (editors add
 *       and strip them on save).</li>
 * </ul>
 *
 * <p>The algorithm is named in every checksum so that a later one never flags every file: a
 * recorded checksum is compared under its own algorithm. One without a prefix is {@code v1}, as
 * earlier versions wrote it (the same without the trailing-whitespace rule); comparing against one
 * reads the file again, once per such row.
 */
public final class Checksum {
    /** The algorithm of the checksums this version writes. */
    public static final String VERSION = "v2";

    private static final Pattern VERSIONED = Pattern.compile("v[0-9]+:[0-9a-f]+");
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private Checksum() {
    }

    /** The checksum of a file's raw bytes. */
    public static String of(byte[] raw) {
        return sha256(normalise(raw));
    }

    /**
     * Whether the file behind {@code current} (its checksum now, read from {@code file}) is the one
     * recorded as {@code recorded}: equal under the recorded checksum's own algorithm. A checksum
     * of an algorithm this version does not know (written by a newer one) is not compared.
     */
    public static boolean matches(String recorded, String current, Path file) {
        if (recorded.equals(current)) {
            return true;
        }
        String version = version(recorded);
        if (version.equals(version(current))) {
            return false;
        }
        if (version.equals("v1")) {
            try {
                return recorded.equals(v1(Files.readAllBytes(file)));
            } catch (IOException e) {
                return false;
            }
        }
        return !version.equals(VERSION) && !isKnown(version);
    }

    /** The algorithm of a recorded checksum: its prefix, or {@code v1} when it has none. */
    public static String version(String checksum) {
        return VERSIONED.matcher(checksum).matches() ? checksum.substring(0, checksum.indexOf(':')) : "v1";
    }

    private static boolean isKnown(String version) {
        return version.equals("v1") || version.equals(VERSION);
    }

    /** The {@code v1} checksum: SHA-256 hex of the bytes without BOM, line endings made LF. */
    static String v1(byte[] raw) {
        return hex(normalise(raw));
    }

    /** {@code raw} without a leading UTF-8 BOM and with every CRLF and lone CR turned into LF. */
    static byte[] normalise(byte[] raw) {
        int from = raw.length >= 3 && raw[0] == (byte) 0xEF && raw[1] == (byte) 0xBB && raw[2] == (byte) 0xBF ? 3 : 0;
        byte[] out = new byte[raw.length - from];
        int n = 0;
        for (int i = from; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r') {
                out[n++] = '\n';
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[n++] = b;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The current ({@link #VERSION}) checksum of already {@link #normalise normalised} bytes. */
    static String sha256(byte[] normalised) {
        return VERSION + ":" + hex(significant(normalised));
    }

    /** Normalised bytes without spaces and tabs before each line end, nor blank lines at the end. */
    static byte[] significant(byte[] normalised) {
        byte[] out = new byte[normalised.length];
        int n = 0;
        int lineEnd = 0; // length of out up to the last non-blank byte of the current line
        for (byte b : normalised) {
            if (b == '\n') {
                n = lineEnd;
                out[n++] = '\n';
                lineEnd = n;
            } else {
                out[n++] = b;
                if (b != ' ' && b != '\t') {
                    lineEnd = n;
                }
            }
        }
        n = lineEnd;
        while (n > 0 && out[n - 1] == '\n') {
            n--;
        }
        return Arrays.copyOf(out, n);
    }

    private static String hex(byte[] bytes) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(bytes));
    }
}
