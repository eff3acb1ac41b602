package dev.trader.engine.readmodel;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How the read model's values go into and come out of JDBC, the same on H2 and PostgreSQL: decimals
 * exact (and without the trailing zeros a DECIMAL column pads them with), instants as UTC timestamps
 * with time zone, nulls typed.
 */
public final class Sql {
    private Sql() {
    }

    public static void decimal(PreparedStatement st, int i, BigDecimal value) throws SQLException {
        if (value == null) {
            st.setNull(i, Types.DECIMAL);
        } else {
            st.setBigDecimal(i, value);
        }
    }

    public static void time(PreparedStatement st, int i, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    public static void text(PreparedStatement st, int i, String value) throws SQLException {
        if (value == null) {
            st.setNull(i, Types.VARCHAR);
        } else {
            st.setString(i, value);
        }
    }

    /** The decimal in {@code column}, canonical ({@code 1.5}, not {@code 1.500000000000}); null for SQL NULL. */
    public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : canonical(d);
    }

    public static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Without trailing zeros and with a scale of at least 0 ({@code 100}, not {@code 1E+2}; {@code 1.5}, not {@code 1.500}); zero is {@code 0}. */
    public static BigDecimal canonical(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
