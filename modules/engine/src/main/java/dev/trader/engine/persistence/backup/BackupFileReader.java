package dev.trader.engine.persistence.backup;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a backup file written by {@link BackupFileWriter}, strictly: every line and every chunk length is checked, and
 * a file that ends early, is damaged or holds anything unexpected fails with a {@link CorruptBackup} that says where
 * (which table, which byte of the uncompressed stream) and what was found.
 */
final class BackupFileReader implements AutoCloseable {
    private static final int MAX_LINE = 256;

    private final Path path;
    private final InputStream in;
    private long position;
    private String where = "the header";

    private BackupFileReader(Path path, InputStream in) {
        this.path = path;
        this.in = in;
    }

    static BackupFileReader open(Path path) {
        InputStream raw = null;
        try {
            raw = Files.newInputStream(path);
            return new BackupFileReader(path, new BufferedInputStream(new GZIPInputStream(raw, BackupFileWriter.CHUNK), BackupFileWriter.CHUNK));
        } catch (NoSuchFileException e) {
            throw new BackupException("backup file " + path + " does not exist");
        } catch (EOFException e) {
            closeQuietly(raw);
            throw new CorruptBackup(path + " is empty or cut off before its first block: not a complete backup file", e);
        } catch (ZipException e) {
            closeQuietly(raw);
            throw new CorruptBackup(path + " is not a trader backup file (not gzip data: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new BackupException("cannot read backup file " + path + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // reporting the first problem
            }
        }
    }

    /** The dialect named in the header, after checking the format and version. */
    String header() {
        String magic = line();
        if (!BackupFileWriter.MAGIC.equals(magic)) {
            throw new CorruptBackup(path + " is not a trader backup file (it starts with '" + printable(magic) + "')");
        }
        String version = line();
        if (!("version " + BackupManifest.VERSION).equals(version)) {
            throw new CorruptBackup(path + " is a backup of format '" + printable(version) + "'; this version reads version " + BackupManifest.VERSION
                    + " only");
        }
        String dialect = line();
        if (!dialect.startsWith("dialect ")) {
            throw new CorruptBackup(path + ": expected the dialect line but found '" + printable(dialect) + "'");
        }
        return dialect.substring("dialect ".length());
    }

    /** The next section's heading: {@code table NAME} or {@code manifest}. */
    String nextHeading() {
        return line();
    }

    /** The data of the section whose heading was just read; read it to its end, then read its {@link Section#digest()}. */
    Section section(String name) {
        where = name;
        return new Section(name);
    }

    /** The end mark, and nothing after it; reading to the end makes the gzip trailer (length and CRC) be checked. */
    void end() {
        String last = line();
        if (!"end".equals(last)) {
            throw new CorruptBackup(path + ": expected the end mark after the manifest but found '" + printable(last) + "'");
        }
        try {
            if (in.read() != -1) {
                throw new CorruptBackup(path + ": data after the end mark");
            }
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private String line() {
        StringBuilder s = new StringBuilder();
        try {
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new CorruptBackup(path + " ends early, in " + where + " at byte " + position + " of its data: the file is truncated");
                }
                position++;
                if (s.length() >= MAX_LINE) {
                    throw new CorruptBackup(path + ": a malformed line at byte " + position + " of its data, in " + where);
                }
                s.append((char) b);
            }
            position++;
        } catch (IOException e) {
            throw translate(e);
        }
        return s.toString();
    }

    private CorruptBackup translate(IOException e) {
        if (e instanceof EOFException) {
            return new CorruptBackup(path + " ends early, in " + where + " at byte " + position + " of its data: the file is truncated ("
                    + e.getMessage() + ")", e);
        }
        if (e instanceof ZipException) {
            return new CorruptBackup(path + " is damaged, in " + where + " at byte " + position + " of its data (gzip: " + e.getMessage() + ")", e);
        }
        return new CorruptBackup("cannot read " + path + " in " + where + ": " + e, e);
    }

    private static String printable(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }

    /** A section's data as a stream (its chunks joined), digested as it is read. */
    final class Section extends InputStream {
        private final String name;
        private final SectionDigest digest = new SectionDigest();
        private int left;
        private boolean done;

        private Section(String name) {
            this.name = name;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (left == 0 && !nextChunk()) {
                return -1;
            }
            int n;
            try {
                n = in.read(b, off, Math.min(len, left));
            } catch (IOException e) {
                throw translate(e);
            }
            if (n < 0) {
                throw new CorruptBackup(path + " ends early, in table " + name + " at byte " + position + " of its data: the file is truncated");
            }
            position += n;
            left -= n;
            digest.update(b, off, n);
            return n;
        }

        private boolean nextChunk() {
            if (done) {
                return false;
            }
            String length = line();
            int n;
            try {
                n = Integer.parseInt(length);
            } catch (NumberFormatException e) {
                throw new CorruptBackup(path + ": expected a chunk length in " + name + " at byte " + position + " but found '" + printable(length) + "'");
            }
            if (n < 0 || n > BackupFileWriter.CHUNK) {
                throw new CorruptBackup(path + ": impossible chunk length " + n + " in " + name + " at byte " + position);
            }
            if (n == 0) {
                done = true;
                return false;
            }
            left = n;
            return true;
        }

        /** Reads what is left of the section (nothing, after a loader read it all). */
        Section drain() {
            byte[] sink = new byte[BackupFileWriter.CHUNK];
            while (read(sink, 0, sink.length) >= 0) {
                // digesting only
            }
            return this;
        }

        SectionDigest digest() {
            if (!done) {
                throw new IllegalStateException("section " + name + " was not read to its end");
            }
            return digest;
        }

        byte[] readAll() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[BackupFileWriter.CHUNK];
            for (int n = read(buf, 0, buf.length); n >= 0; n = read(buf, 0, buf.length)) {
                all.write(buf, 0, n);
            }
            return all.toByteArray();
        }

        @Override
        public void close() {
            // The file's stream stays open for the next section.
        }
    }
}
