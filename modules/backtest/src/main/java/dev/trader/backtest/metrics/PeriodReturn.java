package dev.trader.backtest.metrics;

import dev.trader.domain.money.Money;
import java.util.Objects;

/**
 * The return of one calendar period (a UTC month {@code 2023-03} or day {@code 2023-03-17}):
 * from the equity before it (the last point of the previous period, or the initial cash) to
 * the equity at its last point.
 *
 * @param value {@code end / start − 1}; NaN when {@code start} &le; 0
 */
public record PeriodReturn(String period, Money start, Money end, double value) {
    public PeriodReturn {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
