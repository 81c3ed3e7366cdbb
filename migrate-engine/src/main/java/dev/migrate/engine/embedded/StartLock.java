package dev.migrate.engine.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes starting a server on one data directory, across processes (a lock on the file
 * {@code <dir>.lock} beside it; initdb wants the directory itself empty) and across threads of
 * one process (file locks are per process). Held only while starting, so that two builds at once
 * never run initdb or start a postmaster on the same directory together.
 */
final class StartLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final FileChannel channel;
    private final FileLock lock;

    private StartLock(ReentrantLock threads, FileChannel channel, FileLock lock) {
        this.threads = threads;
        this.channel = channel;
        this.lock = lock;
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    /** Waits for the lock of this data directory. */
    static StartLock acquire(Path dataDirectory) throws IOException {
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(dataDirectory, d -> new ReentrantLock());
        threads.lock();
        try {
            Path file = file(dataDirectory);
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new StartLock(threads, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            threads.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        } finally {
            threads.unlock();
        }
    }
}
