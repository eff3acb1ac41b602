package dev.trader.backtest.metrics;

import dev.trader.backtest.RoundTrip;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a group of trades did (those of one session, of one weekday hour): how many, how many won
 * (P&amp;L after fees &gt; 0) and their net P&amp;L after fees, exact.
 */
public record HitRate(int trades, int wins, Money netPnl) {
    public HitRate {
        Objects.requireNonNull(netPnl, "netPnl");
        if (trades < 0 || wins < 0 || wins > trades) {
            throw new IllegalArgumentException("a hit rate needs 0 <= wins <= trades but was " + wins + " of " + trades);
        }
    }

    public static HitRate empty(String currency) {
        return new HitRate(0, 0, Money.zero(currency));
    }

    /** This group with one more trade. */
    public HitRate plus(RoundTrip t) {
        return new HitRate(trades + 1, wins + (t.isWin() ? 1 : 0), netPnl.plus(t.pnlAfterFees()));
    }

    /** Wins over trades, 4 decimals half-even; null without trades (not defined). */
    public BigDecimal winRate() {
        return trades == 0 ? null : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trades), 4, RoundingMode.HALF_EVEN);
    }
}
