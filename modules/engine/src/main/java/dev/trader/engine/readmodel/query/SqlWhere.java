package dev.trader.engine.readmodel.query;

import dev.trader.engine.readmodel.Sql;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A WHERE clause being built: its conditions and their parameters, in order. Values never go into the SQL text. */
final class SqlWhere {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    SqlWhere and(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    /** {@code column IN (?, …)} with {@code values} as its parameters (the condition is returned, not added). */
    String in(String column, Collection<String> values) {
        parameters.addAll(values);
        return column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
    }

    /** Adds a condition whose parameters were already added (by {@link #in}). */
    SqlWhere andBuilt(String condition) {
        conditions.add(condition);
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement st) throws SQLException {
        int i = 1;
        for (Object p : parameters) {
            if (p instanceof Instant t) {
                Sql.time(st, i, t);
            } else if (p instanceof BigDecimal d) {
                Sql.decimal(st, i, d);
            } else {
                st.setString(i, (String) p);
            }
            i++;
        }
        return i;
    }

    SqlWhere copy() {
        SqlWhere w = new SqlWhere();
        w.conditions.addAll(conditions);
        w.parameters.addAll(parameters);
        return w;
    }
}
