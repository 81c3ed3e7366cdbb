package dev.migrate.engine.scripts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The checksum of a revision file: SHA-256, in lowercase hex, of its bytes with a leading UTF-8 BOM
 * removed and CRLF and CR line endings turned into LF, so that a checkout on another system does not
 * count as an edit.
 */
public final class Checksum {
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

    /** SHA-256 of already normalised bytes, in lowercase hex. */
    static String sha256(byte[] normalised) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(normalised));
    }
}
