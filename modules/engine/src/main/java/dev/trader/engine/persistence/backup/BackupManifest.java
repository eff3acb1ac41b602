package dev.trader.engine.persistence.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup file holds, written at its end (the counts and hashes are known only once every table is written) and
 * checked by a restore before it writes anything: the format version, the dialect, when and from where (the URL without
 * credentials) it was taken, and per table its columns, rows, bytes, the SHA-256 of its data and the highest value of its
 * self-numbered column (the journal's {@code ordering}: where the restored database's sequence continues).
 */
public record BackupManifest(String format, int version, String dialect, String createdAt, String source, List<TableEntry> tables) {
    public static final String FORMAT = "trader-backup";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param identityColumn the column the database numbers itself, or null
     * @param identityMax    its highest value in the backup, null when none or the table is empty
     */
    public record TableEntry(String name, List<String> columns, long rows, long bytes, String sha256, String identityColumn, Long identityMax) {
        public TableEntry {
            columns = List.copyOf(columns);
        }
    }

    public BackupManifest {
        tables = List.copyOf(tables);
    }

    public TableEntry table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new CorruptBackup("the manifest has no entry for table " + name));
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", format).put("version", version).put("dialect", dialect).put("createdAt", createdAt).put("source", source);
        ArrayNode ts = root.putArray("tables");
        for (TableEntry t : tables) {
            ObjectNode n = ts.addObject();
            n.put("name", t.name());
            ArrayNode cols = n.putArray("columns");
            t.columns().forEach(cols::add);
            n.put("rows", t.rows()).put("bytes", t.bytes()).put("sha256", t.sha256());
            if (t.identityColumn() != null) {
                n.put("identityColumn", t.identityColumn());
                if (t.identityMax() == null) {
                    n.putNull("identityMax");
                } else {
                    n.put("identityMax", t.identityMax());
                }
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    /** Reads a manifest, refusing anything missing or of the wrong type with the field named. */
    public static BackupManifest parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new CorruptBackup("the manifest is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CorruptBackup("the manifest is not a JSON object");
        }
        List<TableEntry> tables = new ArrayList<>();
        JsonNode ts = root.get("tables");
        if (ts == null || !ts.isArray()) {
            throw new CorruptBackup("the manifest has no list of tables");
        }
        for (JsonNode t : ts) {
            List<String> columns = new ArrayList<>();
            JsonNode cols = t.get("columns");
            if (cols == null || !cols.isArray() || cols.isEmpty()) {
                throw new CorruptBackup("the manifest's table " + t.path("name").asText("?") + " has no columns");
            }
            cols.forEach(c -> columns.add(c.asText()));
            JsonNode max = t.get("identityMax");
            tables.add(new TableEntry(text(t, "name"), columns, number(t, "rows"), number(t, "bytes"), text(t, "sha256"),
                    t.hasNonNull("identityColumn") ? t.get("identityColumn").asText() : null,
                    max == null || max.isNull() ? null : max.asLong()));
        }
        return new BackupManifest(text(root, "format"), (int) number(root, "version"), text(root, "dialect"), text(root, "createdAt"),
                text(root, "source"), tables);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new CorruptBackup("the manifest's field " + field + " is missing or not text");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new CorruptBackup("the manifest's field " + field + " is missing or not a whole number");
        }
        return v.asLong();
    }

    @Override
    public String toString() {
        return new String(toJson(), StandardCharsets.UTF_8);
    }
}
