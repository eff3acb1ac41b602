package dev.trader.backtest;

import dev.trader.backtest.floor.FloorBreach;
import java.util.List;
import java.util.Objects;

/**
 * A backtest with its floor check: the result, every floor breach the {@code FloorMonitor} saw
 * at the bar closes (time order), and what pre-trade risk did ({@link RiskSummary#NONE} with
 * risk off).
 */
public record MonitoredResult(BacktestResult result, List<FloorBreach> breaches, RiskSummary risk) {
    public MonitoredResult {
        Objects.requireNonNull(result, "result");
        breaches = List.copyOf(breaches);
        Objects.requireNonNull(risk, "risk");
    }
}
