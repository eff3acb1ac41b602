package dev.trader.backtest.metrics;

import dev.trader.backtest.EquityCurve;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Returns by UTC calendar month and day, for the report's tables and bars; periods without points are left out. */
public final class CalendarReturns {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private CalendarReturns() {
    }

    public static List<PeriodReturn> monthly(EquityCurve curve, Money initialCash) {
        return by(curve, initialCash, MONTH);
    }

    public static List<PeriodReturn> daily(EquityCurve curve, Money initialCash) {
        return by(curve, initialCash, DAY);
    }

    private static List<PeriodReturn> by(EquityCurve curve, Money initialCash, DateTimeFormatter key) {
        List<PeriodReturn> out = new ArrayList<>();
        Money start = initialCash;
        String next = curve.size() == 0 ? null : period(curve, 0, key);
        for (int i = 0; i < curve.size(); i++) {
            String period = next;
            next = i + 1 < curve.size() ? period(curve, i + 1, key) : null;
            if (!period.equals(next)) { // the period's last point
                Money end = curve.equity(i);
                out.add(new PeriodReturn(period, start, end, ratio(end, start)));
                start = end;
            }
        }
        return List.copyOf(out);
    }

    private static String period(EquityCurve curve, int i, DateTimeFormatter key) {
        return key.format(curve.time(i).atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static double ratio(Money end, Money start) {
        if (start.raw() <= 0) {
            return Double.NaN;
        }
        return end.toBigDecimal().divide(start.toBigDecimal(), MathContext.DECIMAL64).subtract(BigDecimal.ONE).doubleValue();
    }
}
