package dev.trader.backtest;

/**
 * Whether entries pass the engine's pre-trade risk in a backtest.
 *
 * <ul>
 *   <li>{@link #OFF}: every signal that applies acts, sized by {@link BacktestConfig#sizing()} (the
 *       behaviour from before risk existed in the backtester);</li>
 *   <li>{@link #PROP_FIRM}: every entry goes through {@code PreTradeRisk.evaluate} with an
 *       {@code AccountRisk} kept up to date from the run's fills and bar closes; the decision sizes
 *       the entry and sets its stop, and halts and flatten requests from {@code observe} act at the
 *       next open. The same pure code the engine runs, so a backtest shows what the rules do.</li>
 * </ul>
 */
public enum RiskMode {
    OFF,
    PROP_FIRM
}
