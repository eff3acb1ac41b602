package dev.trader.engine.persistence.backup;

import java.util.List;

/**
 * Every table {@link dev.trader.engine.persistence.SchemaInitializer} creates (src-shared/sql/&lt;dialect&gt;/), in the order a
 * restore loads them (a table before those whose foreign keys point at it), each with the key its rows are written in, so
 * that the same data always gives the same bytes and the same hash. {@code BackupTablesTest} fails when a schema script
 * creates a table that is not listed here.
 */
public final class BackupTables {
    /**
     * @param name      the table's name in lower case (H2 folds the audit tables' unquoted names to upper case; the
     *                  actual name is found in the database's metadata)
     * @param orderBy   the columns of its primary (or unique) key, lower case
     * @param seedRows  a condition (unquoted column names, valid in both dialects) matching the rows the schema script
     *                  itself inserts: they do not make a database "not empty" and are replaced by the backup's; null: none
     */
    public record Table(String name, List<String> orderBy, String seedRows) {
        public Table {
            orderBy = List.copyOf(orderBy);
        }
    }

    public static final List<Table> ALL = List.of(
            new Table("event_journal", List.of("ordering"), null),
            new Table("event_tag", List.of("event_id", "tag"), null),
            new Table("snapshot", List.of("persistence_id", "sequence_number"), null),
            new Table("audit_log", List.of("seq"), null),
            // V2__audit.sql inserts the projection's starting offset ('audit', 0) at every boot.
            new Table("audit_offset", List.of("projection"), "journal_ordering = 0"),
            // The read model (V3): a projection the journal could rebuild, but backed up in the same snapshot as its
            // offset, so a restored node serves the same history at once.
            new Table("rm_orders", List.of("client_order_id"), null),
            new Table("rm_fills", List.of("trade_id"), null),
            new Table("rm_positions", List.of("position_id"), null),
            new Table("rm_trades", List.of("trade_id"), null),
            new Table("rm_signals", List.of("signal_id"), null),
            new Table("rm_applied", List.of("persistence_id"), null),
            // V3__read_model.sql inserts the read model's starting offset at every boot.
            new Table("rm_offset", List.of("projection"), "journal_ordering = 0"));

    private BackupTables() {
    }
}
