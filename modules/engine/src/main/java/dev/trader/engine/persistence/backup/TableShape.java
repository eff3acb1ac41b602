package dev.trader.engine.persistence.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One of our tables as a database has it: its actual name and columns (in their order), read from the JDBC metadata of
 * the connection's current schema, the one the node's unqualified statements use. Names are matched case-insensitively
 * (H2 keeps the journal's quoted lower-case names and folds the audit tables' to upper case) and always quoted in SQL.
 */
public record TableShape(BackupTables.Table table, String actualName, List<Column> columns) {
    /** A column: lower-case name (as in the manifest), actual name, JDBC type, and whether the database numbers it itself. */
    public record Column(String name, String actualName, int jdbcType, String typeName, boolean identity) {
        boolean text() {
            return jdbcType == Types.VARCHAR || jdbcType == Types.CHAR || jdbcType == Types.LONGVARCHAR || jdbcType == Types.NVARCHAR
                    || jdbcType == Types.NCHAR || jdbcType == Types.CLOB;
        }
    }

    public TableShape {
        columns = List.copyOf(columns);
    }

    /** The table in the connection's current schema; empty when it does not exist there. */
    public static Optional<TableShape> find(Connection c, BackupTables.Table table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        String actual = null;
        try (ResultSet rs = md.getTables(null, schema, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table.name())) {
                    actual = rs.getString("TABLE_NAME");
                }
            }
        }
        if (actual == null) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, schema, escape(md, actual), null)) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").equals(actual)) {
                    continue;
                }
                String name = rs.getString("COLUMN_NAME");
                columns.add(new Column(name.toLowerCase(Locale.ROOT), name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                        "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return Optional.of(new TableShape(table, actual, columns));
    }

    /** The table, which must exist (the schema script has run). */
    public static TableShape require(Connection c, BackupTables.Table table) throws SQLException {
        return find(c, table).orElseThrow(() -> new BackupException("table " + table.name() + " does not exist in schema " + schemaOf(c)
                + ": the schema scripts (src-shared/sql/) have not run there"));
    }

    private static String schemaOf(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException e) {
            return "?";
        }
    }

    /** Underscores are wildcards in metadata patterns. */
    private static String escape(DatabaseMetaData md, String name) throws SQLException {
        String esc = md.getSearchStringEscape();
        return esc == null || esc.isEmpty() ? name : name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Column column(String name) {
        return columns.stream().filter(col -> col.name().equals(name)).findFirst()
                .orElseThrow(() -> new BackupException("table " + table.name() + " has no column " + name));
    }

    /** The column the database numbers itself (the journal's {@code ordering}), if any. */
    public Optional<Column> identity() {
        return columns.stream().filter(Column::identity).findFirst();
    }

    public String quotedName() {
        return quote(actualName);
    }

    public String quotedColumns(List<String> names) {
        return names.stream().map(n -> quote(column(n).actualName())).collect(Collectors.joining(", "));
    }

    /** {@code ORDER BY} the table's key; text keys in byte order on PostgreSQL, so the order never depends on a collation. */
    public String orderBy(boolean postgres) {
        return table.orderBy().stream().map(this::column)
                .map(col -> quote(col.actualName()) + (postgres && col.text() ? " COLLATE \"C\"" : ""))
                .collect(Collectors.joining(", "));
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
