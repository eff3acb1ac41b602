package dev.trader.backtest.execmetrics;

import dev.trader.domain.market.Bar;
import java.math.BigDecimal;

/**
 * Slippage where only 1m bars exist: {@code |open − previous close| / previous close × 10000},
 * for each bar whose predecessor is the minute before (no gap), filed under the bar's open.
 *
 * <p>Why this estimator: a backtest fills a market order decided at a bar's close at the next
 * bar's open. The open and the previous close are two consecutive trades on the tape (the last of
 * one minute, the first of the next); in a liquid market they are a bid-ask bounce apart, or
 * nothing, plus whatever the price did in between. On the real BTCUSDT 1m bars the median is one
 * tick. It therefore stands for the whole taker cost (the half spread included), which is why a
 * cell whose slippage comes from bars has no quoted spread added unless quotes were measured there.
 *
 * <p>Limits, honestly: it cannot see order size or book depth (a large order's walk through the
 * book is invisible in bars); a real move between the two trades counts as cost, so in fast
 * markets it overstates; a bar of a thin market whose first trade came long after the minute
 * opened carries that wait as a gap; the bars' high-low range is not used because on 1m bars it
 * is mostly volatility (a half range of 2-14 bps against a one-tick spread).
 */
final class BarGap {
    private Bar previous;

    /** Observes {@code bar} against the bar before it, when that was the minute before; true when it did. */
    boolean next(Bar bar, Observations out) {
        Bar before = previous;
        previous = bar;
        if (before == null || !before.instrument().equals(bar.instrument()) || !before.closeTime().equals(bar.openTime())) {
            return false;
        }
        out.add(bar.instrument(), bar.openTime(), bps(before, bar));
        return true;
    }

    static BigDecimal bps(Bar before, Bar bar) {
        BigDecimal close = before.close().toBigDecimal();
        return Bps.of(bar.open().toBigDecimal().subtract(close).abs(), close);
    }
}
