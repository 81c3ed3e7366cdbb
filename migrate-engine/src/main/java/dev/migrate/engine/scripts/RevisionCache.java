package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.graph.Revision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * What reading the revision files found last time, so that a run with nothing to do reads no file:
 * for each file, by absolute path, its size and modification time and what its header says (graph
 * node, message, create date, transactional), its checksum, and whether each section is empty. The
 * SQL itself is not kept; a revision that will run reads its file then ({@link LazyStatements}).
 *
 * <p>An entry is used only when the file's size and modification time are exactly those recorded,
 * and the whole cache only when it was written by the same tool build ({@code stamp}: version and
 * engine jar) with the same checksum algorithm; a cache file that cannot be read, is truncated or
 * fails its CRC is ignored. A file modified less than {@link #RACY_WINDOW_NANOS} before the cache
 * is written is not recorded, since a second edit within the file system's timestamp resolution
 * would keep the same modification time. Only files that parsed without error are recorded, so
 * every problem is reported again on each run. Writing is best-effort (a read-only {@code target}
 * only costs the reading) and atomic (a concurrent run sees the old cache or the new one).
 */
public final class RevisionCache {
    static final String MAGIC = "migrate revision cache";
    static final int FORMAT = 3;
    /** What {@link Checksum} computes; a change of algorithm must change this. */
    static final String CHECKSUM_ALGORITHM = "SHA-256 of bytes without BOM, CRLF and CR as LF";
    static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Path file;
    private final String stamp;
    private final Map<String, Entry> entries;
    private final Map<String, Entry> seen = new HashMap<>();
    private boolean changed;

    private RevisionCache(Path file, String stamp, Map<String, Entry> entries) {
        this.file = file;
        this.stamp = stamp;
        this.entries = entries;
    }

    /**
     * The cache kept in {@code file} for this tool version (empty when there is none, or when the
     * one there belongs to another version or algorithm or is damaged).
     */
    public static RevisionCache open(Path file, String toolVersion) {
        return open(file, toolVersion, CHECKSUM_ALGORITHM);
    }

    static RevisionCache open(Path file, String toolVersion, String checksumAlgorithm) {
        String stamp = toolVersion + " / " + engineBuild() + " / " + checksumAlgorithm;
        return new RevisionCache(file, stamp, read(file, stamp));
    }

    /** The cache file. */
    public Path file() {
        return file;
    }

    /** How many entries were read from the cache file. */
    int size() {
        return entries.size();
    }

    /**
     * The revision of {@code path} as recorded, if size and modification time still match; {@code key}
     * is the path made absolute and normal, as the caller already has it.
     */
    Optional<RevisionScript> lookup(Path path, String key, long size, long modifiedNanos) {
        Entry e = entries.get(key);
        if (e == null || e.size != size || e.modifiedNanos != modifiedNanos) {
            return Optional.empty();
        }
        seen.put(key, e);
        return Optional.of(e.script(path));
    }

    /**
     * Records a freshly parsed revision under {@code key}, as for {@link #lookup} (not when it was
     * modified just now, see the class comment).
     */
    void record(RevisionScript script, String key, long size, long modifiedNanos) {
        changed = true;
        long now = System.currentTimeMillis() * 1_000_000L;
        if (now - modifiedNanos < RACY_WINDOW_NANOS) {
            return;
        }
        seen.put(key, new Entry(size, modifiedNanos, script.revision(), script.message(),
                script.createDate().orElse(null), script.transactional(), script.upgrade().isEmpty(),
                script.downgradeSection(), script.checksum()));
    }

    /**
     * Writes the entries of this run's files (dropping those of files no longer there), when
     * anything differs from what was read. Failures are ignored: the cache only saves time.
     */
    void save() {
        if (!changed && seen.size() == entries.size()) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + seen.size() * 160);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(stamp);
            out.writeInt(seen.size());
            for (Map.Entry<String, Entry> e : seen.entrySet()) {
                out.writeUTF(e.getKey());
                e.getValue().write(out);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(temp, bytes.toByteArray());
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // best-effort: the next run reads the files again
        }
    }

    private static Map<String, Entry> read(Path file, String stamp) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new HashMap<>();
        } catch (IOException | RuntimeException e) {
            return new HashMap<>();
        }
        try {
            if (raw.length < 8) {
                return new HashMap<>();
            }
            CRC32 crc = new CRC32();
            crc.update(raw, 0, raw.length - 8);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
            in.skipNBytes(raw.length - 8);
            if (in.readLong() != crc.getValue()) {
                return new HashMap<>();
            }
            in = new DataInputStream(new ByteArrayInputStream(raw, 0, raw.length - 8));
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT || !stamp.equals(in.readUTF())) {
                return new HashMap<>();
            }
            int count = in.readInt();
            Map<String, Entry> entries = new HashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                entries.put(in.readUTF(), Entry.read(in));
            }
            return in.available() == 0 ? entries : new HashMap<>();
        } catch (IOException | RuntimeException e) {
            return new HashMap<>();
        }
    }

    /** The engine's own jar (size and time), so that a rebuilt snapshot does not trust an older cache. */
    private static String engineBuild() {
        try {
            CodeSource source = RevisionCache.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "unknown";
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                return "classes";
            }
            return Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private record Entry(long size, long modifiedNanos, Revision revision, String message, String createDate,
                         boolean transactional, boolean upgradeEmpty, RevisionScript.DowngradeSection downgradeSection,
                         String checksum) {

        RevisionScript script(Path path) {
            Sections sections = new Sections(path, checksum);
            return new RevisionScript(revision, message, path, Optional.ofNullable(createDate), transactional,
                    new LazyStatements(sections::upgrade, upgradeEmpty),
                    new LazyStatements(sections::downgrade, downgradeSection != RevisionScript.DowngradeSection.STATEMENTS),
                    checksum, downgradeSection);
        }

        void write(DataOutputStream out) throws IOException {
            out.writeLong(size);
            out.writeLong(modifiedNanos);
            out.writeUTF(revision.id());
            writeList(out, revision.downRevisions());
            writeList(out, revision.dependsOn());
            writeList(out, List.copyOf(revision.branchLabels()));
            out.writeUTF(message);
            out.writeBoolean(createDate != null);
            if (createDate != null) {
                out.writeUTF(createDate);
            }
            out.writeBoolean(transactional);
            out.writeBoolean(upgradeEmpty);
            out.writeByte(downgradeSection.ordinal()); // reordering DowngradeSection means a new FORMAT
            out.writeUTF(checksum);
        }

        private static final RevisionScript.DowngradeSection[] SECTIONS = RevisionScript.DowngradeSection.values();

        static Entry read(DataInputStream in) throws IOException {
            long size = in.readLong();
            long modified = in.readLong();
            String id = in.readUTF();
            List<String> down = readList(in);
            List<String> depends = readList(in);
            List<String> labels = readList(in);
            String message = in.readUTF();
            String createDate = in.readBoolean() ? in.readUTF() : null;
            boolean transactional = in.readBoolean();
            boolean upgradeEmpty = in.readBoolean();
            int section = in.readUnsignedByte();
            if (section >= SECTIONS.length) {
                throw new IOException("damaged cache");
            }
            RevisionScript.DowngradeSection downgradeSection = SECTIONS[section];
            String checksum = in.readUTF();
            return new Entry(size, modified, new Revision(id, down, depends, new LinkedHashSet<>(labels)), message,
                    createDate, transactional, upgradeEmpty, downgradeSection, checksum);
        }

        private static void writeList(DataOutputStream out, List<String> items) throws IOException {
            out.writeInt(items.size());
            for (String item : items) {
                out.writeUTF(item);
            }
        }

        private static List<String> readList(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 10_000) {
                throw new IOException("damaged cache");
            }
            List<String> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(in.readUTF());
            }
            return items;
        }
    }

    /** A cached revision's file, read and split once, when its statements are first needed. */
    private static final class Sections {
        private final Path path;
        private final String checksum;
        private RevisionScript parsed;

        Sections(Path path, String checksum) {
            this.path = path;
            this.checksum = checksum;
        }

        List<SqlStatement> upgrade() {
            return parsed().upgrade();
        }

        List<SqlStatement> downgrade() {
            return parsed().downgrade();
        }

        private synchronized RevisionScript parsed() {
            if (parsed == null) {
                RevisionScript script = RevisionFileParser.parse(path);
                if (!script.checksum().equals(checksum)) {
                    throw new RevisionFileChangedException(path);
                }
                parsed = script;
            }
            return parsed;
        }
    }

    /** A revision file that changed between reading its header and reading its SQL. */
    public static final class RevisionFileChangedException extends MigrateException {
        private final Path file;

        RevisionFileChangedException(Path file) {
            super("Revision file " + file + " changed while this run was reading it (its checksum no longer matches "
                    + "its header's). Nothing of it ran; run the goal again.");
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }
}
