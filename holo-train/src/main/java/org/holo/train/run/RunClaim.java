package org.holo.train.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Exclusive ownership of a run directory while a run writes it: a claim file created with CREATE_NEW (so of two
 * runs started at once exactly one gets it) that records who owns it, and that its owner holds an OS lock on.
 * The kernel drops the lock when the owner dies, so a claim left by a killed run is recognised as stale (and, where
 * the file system has no locks, by the recorded pid on the same host). Closing the claim deletes the file: a
 * finished run directory holds nothing but the run's own files.
 */
public final class RunClaim implements AutoCloseable {

    /** The claim file inside the run directory. */
    public static final String FILE = ".holo-claim";

    private static final String HOST = hostName();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean createdDir;

    private RunClaim(Path file, FileChannel channel, FileLock lock, boolean createdDir) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.createdDir = createdDir;
    }

    /**
     * Claims {@code dir} (created when missing) for this process.
     *
     * @param fresh true: the directory must hold nothing else (a new run); false: it may hold files (resuming)
     * @throws IllegalArgumentException when another live run owns it, or when {@code fresh} and it is not empty
     */
    public static RunClaim acquire(Path dir, boolean fresh) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output " + dir + " exists and is not a directory");
        }
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        for (int attempt = 0; attempt < 5; attempt++) {
            FileChannel ch;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                removeIfStale(dir, file);
                continue;
            }
            FileLock lock = tryLock(ch);
            // a JSON object, like every other file of a run directory
            String record = "{\"pid\": " + ProcessHandle.current().pid() + ", \"host\": " + quote(HOST) + ", \"since\": \""
                    + Instant.now() + "\"}\n";
            ch.write(ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
            RunClaim claim = new RunClaim(file, ch, lock, created);
            if (fresh && holdsOtherFiles(dir)) {
                claim.close();
                throw new IllegalArgumentException("output directory " + dir + " is not empty: choose another --out");
            }
            return claim;
        }
        throw new IllegalArgumentException("output directory " + dir + ": cannot claim it, other runs keep claiming it");
    }

    /** Whether a live run holds the claim of {@code dir} now (read only: nothing is created or removed). */
    public static boolean held(Path dir) {
        Path file = dir.resolve(FILE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            String record = read(ch);
            try {
                FileLock l = ch.tryLock();
                if (l == null) {
                    return true;
                }
                l.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                return !pidGone(record);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Throws when the claim in {@code file} belongs to a live run; deletes it when its owner is gone. */
    private static void removeIfStale(Path dir, Path file) throws IOException {
        String record;
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return; // released meanwhile: try again
        }
        try (ch) {
            record = read(ch);
            FileLock held;
            try {
                held = ch.tryLock();
                if (held == null) {
                    throw inUse(dir, record);
                }
            } catch (OverlappingFileLockException e) {
                throw inUse(dir, record); // a run of this very process owns it
            } catch (IOException e) {
                held = null; // no locks on this file system
                if (!pidGone(record)) {
                    throw inUse(dir, record);
                }
            }
            // the owner is gone; holding its lock, delete the claim unless a racing run already replaced it
            try {
                if (record.equals(Files.readString(file))) {
                    Files.deleteIfExists(file);
                }
            } catch (NoSuchFileException e) {
                // removed meanwhile
            } finally {
                if (held != null) {
                    held.release();
                }
            }
        }
    }

    private static IllegalArgumentException inUse(Path dir, String record) {
        return new IllegalArgumentException("output directory " + dir + " is in use by another run ("
                + describe(record) + "): choose another --out, or wait for that run to end");
    }

    private static FileLock tryLock(FileChannel ch) {
        try {
            return ch.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            return null; // no locks on this file system: the pid in the record still identifies the owner
        }
    }

    /** Without locks: stale when recorded on this host by a process that no longer exists; otherwise assumed live. */
    private static boolean pidGone(String record) {
        String host = field(record, "host");
        String pid = field(record, "pid");
        if (host == null || pid == null || !host.equals(HOST)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(String record) {
        String pid = field(record, "pid");
        String host = field(record, "host");
        String since = field(record, "since");
        return "pid " + (pid == null ? "?" : pid) + " on " + (host == null ? "?" : host) + (since == null ? "" : " since " + since);
    }

    private static String field(String record, String key) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = org.holo.train.config.ConfigLoader.mapper().readTree(record).get(key);
            return n == null || n.isNull() ? null : n.asText();
        } catch (IOException | RuntimeException e) {
            return null; // not a claim this version wrote: its owner cannot be named
        }
    }

    private static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static boolean holdsOtherFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !p.getFileName().toString().equals(FILE));
        }
    }

    /** The kernel's host name, read without a name lookup (nothing here may touch the network). */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
    }

    /**
     * Releases the claim: deletes the file, then drops the lock. A directory the claim created and nothing was
     * written to goes too, so a run refused before its first file leaves nothing behind.
     */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
            if (createdDir && !holdsOtherFiles(file.getParent())) {
                Files.deleteIfExists(file.getParent());
            }
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // a file appeared meanwhile: keep the directory
        } finally {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            channel.close();
        }
    }
}
