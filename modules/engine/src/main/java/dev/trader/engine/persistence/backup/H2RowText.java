package dev.trader.engine.persistence.backup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

/**
 * One row as one line of text, in the shape of PostgreSQL's COPY text format: values separated by tabs, {@code \N} for
 * NULL, backslash escapes for backslash, tab, line feed and carriage return, binary as {@code \x} and hex, booleans as
 * {@code t}/{@code f}, timestamps with their offset in ISO-8601. Only the types our tables use are known; any other
 * stops the backup (a value must never be written in a form it cannot be read back from).
 */
final class H2RowText {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String NULL = "\\N";

    private enum Kind { INTEGER, DECIMAL, DOUBLE, BOOLEAN, TEXT, BINARY, TIMESTAMP_TZ }

    private H2RowText() {
    }

    private static Kind kind(TableShape table, TableShape.Column c) {
        return switch (c.jdbcType()) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> Kind.DECIMAL;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> Kind.DOUBLE;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB, Types.NCLOB -> Kind.TEXT;
            case Types.BLOB, Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY -> Kind.BINARY;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_TZ;
            default -> throw new BackupException("column " + c.name() + " of table " + table.table().name() + " has type " + c.typeName()
                    + ", which the H2 backup cannot write");
        };
    }

    /** The current row of {@code rs} (columns in the order of {@code columns}) as a line, with its line feed. */
    static String encode(TableShape table, List<TableShape.Column> columns, ResultSet rs) throws SQLException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            int at = i + 1;
            String value = switch (kind(table, columns.get(i))) {
                case INTEGER -> {
                    long v = rs.getLong(at);
                    yield rs.wasNull() ? null : Long.toString(v);
                }
                case DECIMAL -> {
                    java.math.BigDecimal v = rs.getBigDecimal(at);
                    yield v == null ? null : v.toPlainString();
                }
                case DOUBLE -> {
                    // Double.toString gives the shortest text that parses back to the same double.
                    double v = rs.getDouble(at);
                    yield rs.wasNull() ? null : Double.toString(v);
                }
                case BOOLEAN -> {
                    boolean v = rs.getBoolean(at);
                    yield rs.wasNull() ? null : v ? "t" : "f";
                }
                case TEXT -> {
                    String v = rs.getString(at);
                    yield v == null ? null : escape(v);
                }
                case BINARY -> {
                    byte[] v = rs.getBytes(at);
                    yield v == null ? null : "\\\\x" + HexFormat.of().formatHex(v);
                }
                case TIMESTAMP_TZ -> {
                    OffsetDateTime v = rs.getObject(at, OffsetDateTime.class);
                    yield v == null ? null : TIMESTAMP.format(v);
                }
            };
            line.append(value == null ? NULL : value);
        }
        return line.append('\n').toString();
    }

    /** Binds the values of {@code line} (without its line feed) to {@code insert}'s parameters; {@code row} counts from 1, for messages. */
    static void bind(TableShape table, List<TableShape.Column> columns, String line, long row, PreparedStatement insert) throws SQLException {
        String[] fields = line.split("\t", -1);
        if (fields.length != columns.size()) {
            throw new CorruptBackup("table " + table.table().name() + " row " + row + ": " + fields.length + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < fields.length; i++) {
            TableShape.Column c = columns.get(i);
            int at = i + 1;
            String f = fields[i];
            if (NULL.equals(f)) {
                insert.setNull(at, c.jdbcType());
                continue;
            }
            try {
                switch (kind(table, c)) {
                    case INTEGER -> insert.setLong(at, Long.parseLong(f));
                    case DECIMAL -> insert.setBigDecimal(at, new java.math.BigDecimal(f));
                    case DOUBLE -> insert.setDouble(at, Double.parseDouble(f));
                    case BOOLEAN -> insert.setBoolean(at, parseBoolean(f));
                    case TEXT -> insert.setString(at, unescape(f));
                    case BINARY -> insert.setBytes(at, parseBinary(f));
                    case TIMESTAMP_TZ -> insert.setObject(at, OffsetDateTime.parse(f, TIMESTAMP));
                    default -> throw new IllegalStateException();
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new CorruptBackup("table " + table.table().name() + " row " + row + " column " + c.name() + ": unreadable value '"
                        + (f.length() > 40 ? f.substring(0, 40) + "…" : f) + "'", e);
            }
        }
    }

    private static boolean parseBoolean(String f) {
        return switch (f) {
            case "t" -> true;
            case "f" -> false;
            default -> throw new NumberFormatException("not t or f");
        };
    }

    private static byte[] parseBinary(String f) {
        if (!f.startsWith("\\\\x")) {
            throw new NumberFormatException("binary values start with \\\\x");
        }
        try {
            return HexFormat.of().parseHex(f, 3, f.length());
        } catch (IllegalArgumentException e) {
            throw new NumberFormatException("not hex: " + e.getMessage());
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\') {
                out.append(ch);
                continue;
            }
            if (i + 1 == s.length()) {
                throw new NumberFormatException("a lone backslash at the end");
            }
            char next = s.charAt(++i);
            out.append(switch (next) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> throw new NumberFormatException("unknown escape \\" + next);
            });
        }
        return out.toString();
    }
}
