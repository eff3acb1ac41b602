package dev.trader.engine.persistence.backup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a table's data in a backup amounts to: its SHA-256, its length and its rows. Both dialects write one row per line
 * (PostgreSQL's COPY text format escapes line breaks inside values, and so does {@link H2RowText}), so rows are lines.
 */
final class SectionDigest {
    private final MessageDigest sha256;
    private long bytes;
    private long rows;

    SectionDigest() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    void update(byte[] b, int off, int len) {
        sha256.update(b, off, len);
        bytes += len;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                rows++;
            }
        }
    }

    long bytes() {
        return bytes;
    }

    long rows() {
        return rows;
    }

    /** The hash in lower-case hex; call once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
