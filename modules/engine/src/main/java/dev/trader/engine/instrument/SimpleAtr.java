package dev.trader.engine.instrument;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A simple ATR: the plain mean of the last {@value #PERIOD} true ranges up to and including one
 * bar, exact in decimals, rounded half-even to {@value #SCALE} places. It exists because prop-firm
 * sizing needs a stop distance and the strategies' state does not expose theirs; it is computed
 * from the bars the Instrument entity has journaled, so it is the same after a restart and for a
 * replayed bar. A gap in the bars is not filled: the previous bar is whatever bar came before.
 */
public final class SimpleAtr {
    public static final int PERIOD = 14;
    static final int SCALE = 8;

    private SimpleAtr() {
    }

    /** The ATR at the bar opening at {@code openTime}, or null if {@code bars} (oldest first) do not hold it and 14 bars before it. */
    public static Price at(List<Bar> bars, Instant openTime) {
        int end = -1;
        for (int i = bars.size() - 1; i >= 0; i--) {
            if (bars.get(i).openTime().equals(openTime)) {
                end = i;
                break;
            }
        }
        if (end < PERIOD) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = end - PERIOD + 1; i <= end; i++) {
            sum = sum.add(trueRange(bars.get(i), bars.get(i - 1).close()));
        }
        return Price.of(sum.divide(BigDecimal.valueOf(PERIOD), SCALE, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal trueRange(Bar bar, Price previousClose) {
        BigDecimal high = bar.high().toBigDecimal();
        BigDecimal low = bar.low().toBigDecimal();
        BigDecimal prev = previousClose.toBigDecimal();
        return high.subtract(low).max(high.subtract(prev).abs()).max(low.subtract(prev).abs());
    }
}
