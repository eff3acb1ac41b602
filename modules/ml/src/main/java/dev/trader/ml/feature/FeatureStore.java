package dev.trader.ml.feature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Feature files: each {@link FeatureFrame} written once per {@link DataVersion} and read back
 * without computing anything. The layout is a compact columnar one of our own (Parquet's Java
 * writer ships in parquet-hadoop, not tried here): gzip of a magic line, a
 * JSON header line (version, columns, instruments, row count) and then each column whole, as
 * big-endian ints, longs and doubles. A file is written to a temporary name and moved into place,
 * so a crash never leaves half a file under the real name.
 */
public final class FeatureStore {
    private static final String MAGIC = "TRADER-FEATURES 1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;

    public FeatureStore(Path directory) {
        this.directory = directory;
    }

    public Path fileFor(DataVersion version) {
        return directory.resolve("features-" + version.id() + ".cols.gz");
    }

    /** The stored frame of {@code version}, or {@code compute}'s, written for next time. */
    public FeatureFrame loadOrCompute(DataVersion version, Supplier<FeatureFrame> compute) throws IOException {
        Path file = fileFor(version);
        if (Files.exists(file)) {
            return read(file, version);
        }
        FeatureFrame frame = compute.get();
        write(file, version, frame);
        return frame;
    }

    public static void write(Path file, DataVersion version, FeatureFrame frame) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16)))) {
                ObjectNode header = JSON.createObjectNode();
                header.put("version", version.id());
                header.put("featureCode", version.featureCode());
                header.set("files", JSON.valueToTree(version.files()));
                header.put("until", version.until() == null ? null : version.until().toString());
                header.set("columns", JSON.valueToTree(frame.names()));
                header.set("instruments", JSON.valueToTree(frame.instruments()));
                header.put("rows", frame.rows());
                out.write((MAGIC + "\n" + JSON.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8));
                for (int v : frame.instrument()) {
                    out.writeInt(v);
                }
                for (long v : frame.closeTimeMs()) {
                    out.writeLong(v);
                }
                for (double v : frame.close()) {
                    out.writeDouble(v);
                }
                for (double[] column : frame.columns()) {
                    for (double v : column) {
                        out.writeDouble(v);
                    }
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a feature file, checking that it is one, of {@code expected} when given, and whole.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static FeatureFrame read(Path file, DataVersion expected) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
            String magic = line(in, file);
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a feature file (it starts with '" + abbreviate(magic) + "', not '" + MAGIC + "')");
            }
            JsonNode header = JSON.readTree(line(in, file));
            String version = header.path("version").asText();
            if (expected != null && !expected.id().equals(version)) {
                throw new IOException(file + " holds features of version " + version + ", not " + expected.id());
            }
            List<String> names = strings(header.path("columns"));
            List<String> instruments = strings(header.path("instruments"));
            int rows = header.path("rows").asInt(-1);
            if (rows < 0 || names.isEmpty()) {
                throw new IOException(file + " has a header without rows or columns: " + header);
            }
            int[] instrument = new int[rows];
            long[] times = new long[rows];
            double[] close = new double[rows];
            double[][] columns = new double[names.size()][rows];
            try {
                for (int i = 0; i < rows; i++) {
                    instrument[i] = in.readInt();
                    if (instrument[i] < 0 || instrument[i] >= instruments.size()) {
                        throw new IOException(file + " row " + i + " names instrument " + instrument[i] + " of " + instruments.size());
                    }
                }
                for (int i = 0; i < rows; i++) {
                    times[i] = in.readLong();
                }
                for (int i = 0; i < rows; i++) {
                    close[i] = in.readDouble();
                }
                for (double[] column : columns) {
                    for (int i = 0; i < rows; i++) {
                        column[i] = in.readDouble();
                    }
                }
            } catch (EOFException e) {
                throw new IOException(file + " ends before its " + rows + " rows of " + names.size() + " columns: it is truncated", e);
            }
            if (in.read() != -1) {
                throw new IOException(file + " has data after its " + rows + " rows: it is not what its header says");
            }
            return new FeatureFrame(names, instruments, instrument, times, close, columns);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        } catch (ZipException e) {
            throw new IOException(file + " is not a gzipped feature file: " + e.getMessage(), e);
        }
    }

    private static String line(DataInputStream in, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException(file + " ends inside its header");
            }
            if (bytes.size() > 1 << 20) {
                throw new IOException(file + " has a header line over 1 MiB: it is not a feature file");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
