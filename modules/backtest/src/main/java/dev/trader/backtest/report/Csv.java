package dev.trader.backtest.report;

import java.util.List;

/** CSV text: fields joined by commas, quoted (RFC 4180) only when they hold a comma, quote or line break. */
final class Csv {
    private Csv() {
    }

    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append('\n').toString();
    }

    /** A ratio as {@link JsonObject#ratio}, empty when not defined. */
    static String ratio(double d) {
        return Double.isFinite(d) ? JsonObject.ratio(d) : "";
    }
}
