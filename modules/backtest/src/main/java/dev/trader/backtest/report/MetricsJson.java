package dev.trader.backtest.report;

import static dev.trader.backtest.report.JsonObject.bool;
import static dev.trader.backtest.report.JsonObject.decimal;
import static dev.trader.backtest.report.JsonObject.integer;
import static dev.trader.backtest.report.JsonObject.money;
import static dev.trader.backtest.report.JsonObject.ratio;
import static dev.trader.backtest.report.JsonObject.string;

import dev.trader.backtest.metrics.DrawdownStats;
import dev.trader.backtest.metrics.HitRate;
import dev.trader.backtest.metrics.Metrics;
import dev.trader.backtest.metrics.PeriodReturn;
import dev.trader.backtest.metrics.SessionHitRates;
import dev.trader.backtest.metrics.TradeStats;
import dev.trader.backtest.metrics.WeekdayHourHitRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics as the keys {@code summary.json} carries after the original summary's: money exact,
 * ratios to 6 decimals ({@code null} when not defined), durations in seconds, times ISO-8601 UTC.
 * The key names and their meaning are those of the {@code dev.trader.backtest.metrics} package
 * documentation.
 */
public final class MetricsJson {
    /** What the ratio keys are computed on, written into the file so that a reader need not guess. */
    static final String CONVENTIONS = "simple returns of equity; sharpe, sortino: per bar x sqrt(365 days / bar); sharpe_daily, sortino_daily: "
            + "per UTC day x sqrt(365); risk-free rate 0; sample sd (n-1); downside deviation over all returns, target 0; cagr and calmar "
            + "over 365-day years from first bar open to last bar close; R = pnl_after_fees / ((entry - initial_stop) x qty), null without a stop";

    private MetricsJson() {
    }

    public static JsonObject of(Metrics m) {
        TradeStats t = m.trades();
        DrawdownStats d = m.drawdown();
        return new JsonObject()
                .put("conventions", string(CONVENTIONS))
                .put("period_start", string(m.start().toString()))
                .put("period_end", string(m.end().toString()))
                .put("period_days", decimal(days(Duration.between(m.start(), m.end()))))
                .put("bar_seconds", integer(m.bar().toSeconds()))
                .put("total_pnl", money(m.totalPnl()))
                .put("total_return", ratio(m.totalReturn()))
                .put("cagr", ratio(m.cagr()))
                .put("sharpe", ratio(m.sharpe()))
                .put("sortino", ratio(m.sortino()))
                .put("sharpe_daily", ratio(m.sharpeDaily()))
                .put("sortino_daily", ratio(m.sortinoDaily()))
                .put("calmar", ratio(m.calmar()))
                .put("max_drawdown_duration_seconds", integer(d.longestDuration().toSeconds()))
                .put("max_drawdown_duration", string(d.longestDuration().toString()))
                .put("max_drawdown_duration_start", time(d.longestStart()))
                .put("max_drawdown_duration_end", time(d.longestEnd()))
                .put("max_drawdown_recovered", bool(d.longestRecovered()))
                .put("max_drawdown_peak", time(d.peakTime()))
                .put("max_drawdown_trough", time(d.troughTime()))
                .put("max_drawdown_recovery", time(d.recoveryTime()))
                .put("losses", integer(t.losses()))
                .put("gross_profit", money(t.grossProfit()))
                .put("gross_loss", money(t.grossLoss()))
                .put("profit_factor", ratio(t.profitFactor()))
                .put("avg_win", money(t.avgWin()))
                .put("avg_loss", money(t.avgLoss()))
                .put("expectancy", money(t.expectancy()))
                .put("r_trades", integer(t.rTrades()))
                .put("expectancy_r", ratio(t.expectancyR()))
                .put("avg_win_r", ratio(t.avgWinR()))
                .put("avg_loss_r", ratio(t.avgLossR()))
                .put("exposure", ratio(m.exposure()))
                .put("avg_hold_seconds", decimal(BigDecimal.valueOf(t.avgHold().toMillis(), 3).stripTrailingZeros()))
                .put("traded_notional", money(m.tradedNotional()))
                .put("turnover", ratio(m.turnover()))
                .put("fees_all_fills", money(m.feesAllFills()))
                .put("slippage_cost", money(t.slippage()))
                .put("hit_rate_by_session", sessions(m.sessions()))
                .put("hit_rate_by_weekday_hour", weekdayHour(m.weekdayHour()))
                .put("monthly_returns", periods(m.monthly(), "month"))
                .put("daily_returns", periods(m.daily(), "day"));
    }

    private static BigDecimal days(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(Duration.ofDays(1).toMillis()), 6, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    private static String time(Instant t) {
        return t == null ? "null" : string(t.toString());
    }

    static JsonObject hitRate(HitRate h) {
        return new JsonObject().put("trades", integer(h.trades())).put("wins", integer(h.wins())).put("win_rate", decimal(h.winRate()))
                .put("net_pnl", money(h.netPnl()));
    }

    private static JsonObject sessions(SessionHitRates s) {
        return new JsonObject().put("asia", hitRate(s.asia())).put("london", hitRate(s.london())).put("new_york", hitRate(s.newYork()))
                .put("outside", hitRate(s.outside()));
    }

    /** The cells with trades, Monday 00h first. */
    private static List<JsonObject> weekdayHour(WeekdayHourHitRates grid) {
        List<JsonObject> cells = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                HitRate h = grid.cell(day, hour);
                if (h.trades() > 0) {
                    JsonObject o = new JsonObject().put("weekday", string(day.name())).put("hour", integer(hour));
                    hitRate(h).renderedFields(0).forEach(f -> o.put(f.getKey(), f.getValue()));
                    cells.add(o);
                }
            }
        }
        return cells;
    }

    private static List<JsonObject> periods(List<PeriodReturn> periods, String key) {
        List<JsonObject> out = new ArrayList<>(periods.size());
        for (PeriodReturn p : periods) {
            out.add(new JsonObject().put(key, string(p.period())).put("start_equity", money(p.start())).put("end_equity", money(p.end()))
                    .put("return", ratio(p.value())));
        }
        return out;
    }
}
