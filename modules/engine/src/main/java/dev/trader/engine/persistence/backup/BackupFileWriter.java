package dev.trader.engine.persistence.backup;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a backup file: one gzip stream of a header ({@code trader-backup}, {@code version 1}, {@code dialect …}), one
 * section per table ({@code table NAME}, then its data in chunks: a line with the chunk's length, the bytes, and a
 * {@code 0} line at the end), the manifest as a last section ({@code manifest}) and {@code end}. Lengths make a cut-off
 * file fail at the exact table, the gzip trailer's CRC catches damage anywhere, and the manifest's hashes catch the rest.
 * See {@link BackupFileReader}.
 */
final class BackupFileWriter implements AutoCloseable {
    static final String MAGIC = "trader-backup";
    static final int CHUNK = 64 * 1024;

    private final FileOutputStream file;
    private final MessageDigest fileSha256;
    private final GZIPOutputStream gzip;
    private final OutputStream out;
    private boolean finished;

    BackupFileWriter(Path path) throws IOException {
        this.file = new FileOutputStream(path.toFile());
        try {
            this.fileSha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        this.gzip = new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(file, CHUNK), fileSha256), CHUNK);
        this.out = new BufferedOutputStream(gzip, CHUNK);
    }

    void header(String dialect) throws IOException {
        line(MAGIC);
        line("version " + BackupManifest.VERSION);
        line("dialect " + dialect);
    }

    /** The data section of {@code table}: close it to end the section. */
    Section table(String table) throws IOException {
        line("table " + table);
        return new Section();
    }

    /** The manifest and the end mark; then the file is complete, flushed and synced to disk. Returns the file's SHA-256. */
    String finish(BackupManifest manifest) throws IOException {
        line("manifest");
        try (Section s = new Section()) {
            s.write(manifest.toJson());
        }
        line("end");
        out.flush();
        gzip.finish();
        gzip.flush();
        file.getFD().sync();
        finished = true;
        return HexFormat.of().formatHex(fileSha256.digest());
    }

    private void line(String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            out.close();
        } else {
            // An unfinished file is deleted by the caller; do not add a gzip trailer that would make it look whole.
            file.close();
        }
    }

    /** A table's data, written in chunks and digested as written. */
    final class Section extends OutputStream {
        private final byte[] buffer = new byte[CHUNK];
        private final SectionDigest digest = new SectionDigest();
        private int used;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                chunk();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    chunk();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void chunk() throws IOException {
            if (used > 0) {
                digest.update(buffer, 0, used);
                line(Integer.toString(used));
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        SectionDigest digest() {
            return digest;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                chunk();
                line("0");
                closed = true;
            }
        }
    }
}
