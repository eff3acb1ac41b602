package dev.trader.backtest.metrics;

import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.EquityCurve;
import dev.trader.backtest.RoundTrip;
import dev.trader.domain.money.Money;
import dev.trader.domain.order.Fill;
import dev.trader.strategy.session.SessionClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every performance metric of one run (conventions: the package documentation). Built from the
 * equity curve, the round trips and the fills only, so the same numbers come out of a research
 * slice as out of a full run.
 *
 * @param start           the first bar's open
 * @param end             the last bar's close (last equity point + one bar)
 * @param bar             the bar length the per-bar returns are annualised with
 * @param initialCash     equity before the first bar
 * @param finalEquity     equity at the last point
 * @param totalPnl        final equity − initial cash (open positions at their mark included)
 * @param totalReturn     final equity / initial cash − 1
 * @param cagr            compound annual growth over 365-day years
 * @param sharpe          per-bar Sharpe, annualised with √(365 days / bar)
 * @param sortino         per-bar Sortino, annualised the same way
 * @param sharpeDaily     Sharpe of UTC-daily returns, × √365
 * @param sortinoDaily    Sortino of UTC-daily returns, × √365
 * @param calmar          CAGR / max drawdown fraction
 * @param exposure        fraction of bar closes with a position held
 * @param tradedNotional  notional of every fill, buys and sells, exact
 * @param turnover        traded notional / mean equity
 * @param feesAllFills    fees of every fill (round trips and open positions)
 */
public record Metrics(Instant start, Instant end, Duration bar, Money initialCash, Money finalEquity, Money totalPnl, double totalReturn, double cagr,
                      double sharpe, double sortino, double sharpeDaily, double sortinoDaily, double calmar, DrawdownStats drawdown,
                      TradeStats trades, double exposure, Money tradedNotional, double turnover, Money feesAllFills, SessionHitRates sessions,
                      WeekdayHourHitRates weekdayHour, List<PeriodReturn> monthly, List<PeriodReturn> daily) {
    public Metrics {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(drawdown, "drawdown");
        Objects.requireNonNull(trades, "trades");
        monthly = List.copyOf(monthly);
        daily = List.copyOf(daily);
    }

    /** The metrics of a run, sessions on {@link SessionClock#defaults()}. */
    public static Metrics of(BacktestResult r) {
        return compute(r.config().initialCash(), r.equity(), r.timeframe().duration(), r.trades(), r.fills(), SessionClock.defaults());
    }

    /**
     * The metrics of an equity curve (at least one point) with its round trips and fills.
     *
     * @param bar the nominal bar length: the period of the per-bar returns, and what the last
     *            point adds to the period (its values are as of the bar's close)
     */
    public static Metrics compute(Money initialCash, EquityCurve curve, Duration bar, List<RoundTrip> trades, List<Fill> fills, SessionClock clock) {
        if (curve.size() == 0) {
            throw new IllegalArgumentException("metrics need at least one equity point");
        }
        String currency = curve.currency();
        Instant start = curve.time(0);
        Instant end = curve.time(curve.size() - 1).plus(bar);
        Money finalEquity = curve.equity(curve.size() - 1);
        double initial = initialCash.toBigDecimal().doubleValue();
        double fin = finalEquity.toBigDecimal().doubleValue();
        double cagr = RiskAdjusted.cagr(initial, fin, Duration.between(start, end));
        double[] perBar = Returns.perBar(curve, initialCash);
        double[] daily = Returns.daily(curve, initialCash);
        double barsPerYear = RiskAdjusted.periodsPerYear(bar);
        double daysPerYear = RiskAdjusted.periodsPerYear(Duration.ofDays(1));
        DrawdownStats drawdown = DrawdownStats.of(curve);
        double ddFraction = drawdown.maxFraction().doubleValue();
        double calmar = ddFraction > 0 ? cagr / ddFraction : Double.NaN;

        int held = 0;
        BigDecimal equitySum = BigDecimal.ZERO;
        for (int i = 0; i < curve.size(); i++) {
            Money e = curve.equity(i);
            if (e.compareTo(curve.cash(i)) != 0) {
                held++;
            }
            equitySum = equitySum.add(e.toBigDecimal());
        }
        Money notional = Money.zero(currency);
        Money fees = Money.zero(currency);
        for (Fill f : fills) {
            notional = notional.plus(f.notional());
            fees = fees.plus(f.fee());
        }
        double meanEquity = equitySum.doubleValue() / curve.size();
        double turnover = meanEquity > 0 ? notional.toBigDecimal().doubleValue() / meanEquity : Double.NaN;
        return new Metrics(start, end, bar, initialCash, finalEquity, finalEquity.minus(initialCash), initial > 0 ? fin / initial - 1 : Double.NaN,
                cagr, RiskAdjusted.sharpe(perBar, barsPerYear), RiskAdjusted.sortino(perBar, barsPerYear), RiskAdjusted.sharpe(daily, daysPerYear),
                RiskAdjusted.sortino(daily, daysPerYear), calmar, drawdown, TradeStats.of(trades, currency), (double) held / curve.size(), notional,
                turnover, fees, SessionHitRates.of(trades, clock, currency), WeekdayHourHitRates.of(trades, currency),
                CalendarReturns.monthly(curve, initialCash), CalendarReturns.daily(curve, initialCash));
    }
}
