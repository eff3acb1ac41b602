package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The headline numbers of a run, as {@code summary.json} writes them. Trade statistics are over
 * round trips only (a position still open at the end is counted in {@code openPositions} and
 * in {@code finalEquity}, not here).
 *
 * @param winRate        winning round trips (P&L after fees &gt; 0) over all, 4 decimals; 0 without trades
 * @param grossPnl       round trips' P&L before fees
 * @param fees           round trips' fees
 * @param netPnl         round trips' P&L after fees
 * @param maxDrawdown    the largest fall of equity below its running peak (per bar close)
 * @param maxDrawdownPct the largest such fall as a fraction of the peak, 6 decimals (peaks &gt; 0 only)
 */
public record Summary(String strategy, List<InstrumentId> instruments, String timeframe, long bars, Instant firstBar, Instant lastBar,
                      String currency, Money initialCash, Money finalEquity, int trades, int wins, BigDecimal winRate, Money grossPnl,
                      Money fees, Money netPnl, Money maxDrawdown, BigDecimal maxDrawdownPct, int openPositions) {
    public Summary {
        Objects.requireNonNull(strategy, "strategy");
        instruments = List.copyOf(instruments);
    }

    public static Summary of(BacktestResult r) {
        String currency = r.config().currency();
        Money gross = Money.zero(currency);
        Money fees = Money.zero(currency);
        Money net = Money.zero(currency);
        int wins = 0;
        for (RoundTrip t : r.trades()) {
            gross = gross.plus(t.pnl());
            fees = fees.plus(t.fees());
            net = net.plus(t.pnlAfterFees());
            if (t.isWin()) {
                wins++;
            }
        }
        int trades = r.trades().size();
        BigDecimal winRate = trades == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trades), 4, RoundingMode.HALF_EVEN);
        return new Summary(r.strategy().value(), r.instruments(), r.timeframe().label(), r.bars(), r.firstBar(), r.lastBar(), currency,
                r.config().initialCash(), r.finalEquity(), trades, wins, winRate, gross, fees, net, r.equity().maxDrawdown(),
                maxDrawdownFraction(r.equity()), r.openPositions().size());
    }

    private static BigDecimal maxDrawdownFraction(EquityCurve curve) {
        BigDecimal worst = BigDecimal.ZERO;
        for (int i = 0; i < curve.size(); i++) {
            Money dd = curve.drawdown(i);
            Money peak = curve.peak(i);
            if (dd.raw() > 0 && peak.raw() > 0) {
                BigDecimal f = dd.toBigDecimal().divide(peak.toBigDecimal(), 6, RoundingMode.HALF_EVEN);
                if (f.compareTo(worst) > 0) {
                    worst = f;
                }
            }
        }
        return worst;
    }
}
