package dev.trader.api.read;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trader.engine.readmodel.query.MatrixCell;
import dev.trader.engine.readmodel.query.TradeAnalytics;
import dev.trader.engine.readmodel.query.TradeMetrics;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/metrics}: the analytics of the trades a filter selects, under exactly
 * the names the admin API issue asks for. Every number is an exact decimal string; a ratio that is not
 * defined is null. {@link TradeAnalytics} defines each figure; in short: {@code max_drawdown_pct} is a
 * fraction (0.05 is 5 %), as in the backtest's report; {@code pnl_by_day} by the exit's day in the
 * read model's day zone (Europe/Prague by default); {@code pnl_by_hour} and
 * {@code pnl_by_weekday_hour} (Monday first) by the entry's UTC hour.
 */
public record MetricsView(@JsonProperty("profit_factor") String profitFactor,
                          @JsonProperty("win_rate") String winRate,
                          @JsonProperty("expected_R") String expectedR,
                          @JsonProperty("avg_R") String avgR,
                          @JsonProperty("max_drawdown_R") String maxDrawdownR,
                          @JsonProperty("max_drawdown_pct") String maxDrawdownPct,
                          @JsonProperty("time_in_market") String timeInMarket,
                          @JsonProperty("avg_hold_minutes") String avgHoldMinutes,
                          @JsonProperty("pnl_by_day") Map<String, String> pnlByDay,
                          @JsonProperty("pnl_by_hour") List<String> pnlByHour,
                          @JsonProperty("pnl_by_weekday_hour") List<List<String>> pnlByWeekdayHour,
                          @JsonProperty("regime_strategy_symbol_matrix") Map<String, Map<String, Map<String, CellView>>> regimeStrategySymbolMatrix) {

    /** One cell of the matrix: trades, their P&amp;L after fees, the share that won, their mean R (null when none has an R). */
    public record CellView(@JsonProperty("trades") int trades,
                           @JsonProperty("pnl") String pnl,
                           @JsonProperty("win_rate") String winRate,
                           @JsonProperty("expected_R") String expectedR) {
        static CellView of(MatrixCell c) {
            return new CellView(c.trades(), Text.of(c.pnl()), Text.of(c.winRate()), Text.of(c.expectedR()));
        }
    }

    public static MetricsView of(TradeMetrics m) {
        Map<String, String> byDay = new LinkedHashMap<>();
        m.pnlByDay().forEach((day, pnl) -> byDay.put(day.toString(), Text.of(pnl)));
        Map<String, Map<String, Map<String, CellView>>> matrix = new LinkedHashMap<>();
        m.regimeStrategySymbolMatrix().forEach((regime, byStrategy) -> byStrategy.forEach((strategy, byInstrument) -> byInstrument.forEach(
                (instrument, cell) -> matrix.computeIfAbsent(regime, k -> new LinkedHashMap<>()).computeIfAbsent(strategy, k -> new LinkedHashMap<>())
                        .put(instrument, CellView.of(cell)))));
        return new MetricsView(Text.of(m.profitFactor()), Text.of(m.winRate()), Text.of(m.expectedR()), Text.of(m.avgR()), Text.of(m.maxDrawdownR()),
                Text.of(m.maxDrawdownPct()), Text.of(m.timeInMarket()), Text.of(m.avgHoldMinutes()), byDay, texts(m.pnlByHour()),
                m.pnlByWeekdayHour().stream().map(MetricsView::texts).toList(), matrix);
    }

    private static List<String> texts(List<BigDecimal> values) {
        return values.stream().map(Text::of).toList();
    }
}
