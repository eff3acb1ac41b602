package dev.trader.backtest.metrics;

import dev.trader.backtest.RoundTrip;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Statistics of the round trips (see the package conventions): counts, exact money sums and
 * averages, profit factor, R multiples and the average holding time.
 *
 * @param trades        round trips
 * @param wins          trades with P&amp;L after fees &gt; 0
 * @param losses        trades with P&amp;L after fees &lt; 0 (the rest broke even)
 * @param winRate       wins / trades, 4 decimals half-even (0 without trades, as {@code win_rate} always was)
 * @param grossProfit   sum of the winners' P&amp;L after fees
 * @param grossLoss     minus the sum of the losers' P&amp;L after fees (&ge; 0)
 * @param netPnl        sum of P&amp;L after fees
 * @param fees          sum of fees
 * @param slippage      sum of slippage cost
 * @param avgWin        gross profit / wins (zero without wins), half-even to money scale
 * @param avgLoss       gross loss / losses, as a positive amount (zero without losses)
 * @param expectancy    net P&amp;L / trades (zero without trades)
 * @param profitFactor  gross profit / gross loss; NaN without a losing trade
 * @param rTrades       trades with a defined R (an initial stop below the entry)
 * @param expectancyR   mean R of those trades; NaN without any
 * @param avgWinR       mean R of the winners among them; NaN without any
 * @param avgLossR      mean R of the losers among them (negative); NaN without any
 * @param avgHold       mean of close time − open time, rounded half-even to the millisecond; zero without trades
 */
public record TradeStats(int trades, int wins, int losses, BigDecimal winRate, Money grossProfit, Money grossLoss, Money netPnl, Money fees,
                         Money slippage, Money avgWin, Money avgLoss, Money expectancy, double profitFactor, int rTrades, double expectancyR,
                         double avgWinR, double avgLossR, Duration avgHold) {
    public TradeStats {
        Objects.requireNonNull(winRate, "winRate");
        Objects.requireNonNull(netPnl, "netPnl");
        Objects.requireNonNull(avgHold, "avgHold");
    }

    public static TradeStats of(List<RoundTrip> trades, String currency) {
        Money zero = Money.zero(currency);
        Money profit = zero;
        Money loss = zero;
        Money net = zero;
        Money fees = zero;
        Money slippage = zero;
        int wins = 0;
        int losses = 0;
        int rCount = 0;
        double rSum = 0;
        int rWins = 0;
        double rWinSum = 0;
        int rLosses = 0;
        double rLossSum = 0;
        BigDecimal heldMillis = BigDecimal.ZERO;
        for (RoundTrip t : trades) {
            Money pnl = t.pnlAfterFees();
            net = net.plus(pnl);
            fees = fees.plus(t.fees());
            slippage = slippage.plus(t.slippage());
            if (pnl.raw() > 0) {
                wins++;
                profit = profit.plus(pnl);
            } else if (pnl.raw() < 0) {
                losses++;
                loss = loss.minus(pnl);
            }
            double r = RMultiples.of(t);
            if (!Double.isNaN(r)) {
                rCount++;
                rSum += r;
                if (pnl.raw() > 0) {
                    rWins++;
                    rWinSum += r;
                } else if (pnl.raw() < 0) {
                    rLosses++;
                    rLossSum += r;
                }
            }
            heldMillis = heldMillis.add(BigDecimal.valueOf(Duration.between(t.openTime(), t.closeTime()).toMillis()));
        }
        int n = trades.size();
        BigDecimal winRate = n == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_EVEN);
        double profitFactor = loss.raw() == 0 ? Double.NaN : profit.toBigDecimal().doubleValue() / loss.toBigDecimal().doubleValue();
        Duration avgHold = n == 0 ? Duration.ZERO
                : Duration.ofMillis(heldMillis.divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN).longValueExact());
        return new TradeStats(n, wins, losses, winRate, profit, loss, net, fees, slippage, per(profit, wins), per(loss, losses), per(net, n),
                profitFactor, rCount, mean(rSum, rCount), mean(rWinSum, rWins), mean(rLossSum, rLosses), avgHold);
    }

    /** {@code total / count}, half-even to money scale; zero when {@code count} is 0. */
    static Money per(Money total, int count) {
        if (count == 0) {
            return Money.zero(total.currency());
        }
        return Money.of(total.toBigDecimal().divide(BigDecimal.valueOf(count), Money.SCALE, RoundingMode.HALF_EVEN), total.currency());
    }

    private static double mean(double sum, int count) {
        return count == 0 ? Double.NaN : sum / count;
    }
}
