package dev.trader.ml.feature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a feature file was made from: the SHA-256 of every input data file, where the data was cut
 * ({@code until}, null for all of it) and the feature code's version. Its {@link #id} names the
 * file, so changed data, another cut or changed feature code never reads an old file.
 */
public record DataVersion(String featureCode, Map<String, String> files, Instant until) {
    public DataVersion {
        files = Map.copyOf(new TreeMap<>(files));
    }

    /** Hashes each file's bytes; the key is the file name, so the same data in another folder is the same version. */
    public static DataVersion of(String featureCode, List<Path> dataFiles) throws IOException {
        return of(featureCode, dataFiles, null);
    }

    /** As {@link #of(String, List)}, of the bars that close by {@code until}. */
    public static DataVersion of(String featureCode, List<Path> dataFiles, Instant until) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (Path f : dataFiles) {
            hashes.put(String.valueOf(f.getFileName()), sha256(f));
        }
        return new DataVersion(featureCode, hashes, until);
    }

    /** 16 hex digits of the SHA-256 of the feature code version and the sorted file hashes. */
    public String id() {
        MessageDigest md = digest();
        md.update(featureCode.getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(files).forEach((name, hash) -> md.update(("\n" + name + "=" + hash).getBytes(StandardCharsets.UTF_8)));
        if (until != null) {
            md.update(("\nuntil=" + until).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
                md.update(buffer, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
