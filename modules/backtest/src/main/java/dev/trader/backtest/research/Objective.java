package dev.trader.backtest.research;

import dev.trader.backtest.metrics.Metrics;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What "best" means when a walk-forward picks parameters (and what a sweep's heatmap shows):
 * a metric where higher is better. A run whose metric is not defined (a Sharpe without trades)
 * scores as the worst; ties go to the parameter set earlier in the grid.
 */
public enum Objective {
    SHARPE("sharpe", Metrics::sharpe),
    SORTINO("sortino", Metrics::sortino),
    SHARPE_DAILY("sharpe_daily", Metrics::sharpeDaily),
    SORTINO_DAILY("sortino_daily", Metrics::sortinoDaily),
    CAGR("cagr", Metrics::cagr),
    CALMAR("calmar", Metrics::calmar),
    TOTAL_RETURN("total_return", Metrics::totalReturn),
    NET_PNL("net_pnl", m -> m.trades().netPnl().toBigDecimal().doubleValue()),
    PROFIT_FACTOR("profit_factor", m -> m.trades().profitFactor()),
    WIN_RATE("win_rate", m -> m.trades().trades() == 0 ? Double.NaN : m.trades().winRate().doubleValue()),
    EXPECTANCY_R("expectancy_r", m -> m.trades().expectancyR()),
    /** The smallest max drawdown fraction is best: scored as its negative. */
    MAX_DRAWDOWN("max_drawdown_pct", m -> -m.drawdown().maxFraction().doubleValue());

    private final String key;
    private final ToDoubleFunction<Metrics> value;

    Objective(String key, ToDoubleFunction<Metrics> value) {
        this.key = key;
        this.value = value;
    }

    /** The name used on the command line and in files (the summary.json key). */
    public String key() {
        return key;
    }

    /** The metric, NaN when not defined (higher is better; see {@link #MAX_DRAWDOWN}). */
    public double value(Metrics m) {
        return value.applyAsDouble(m);
    }

    /** The value for ranking: not defined, or no metrics at all (an invalid parameter set), is −∞. */
    public double score(Metrics m) {
        if (m == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = value(m);
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /** By key, case and {@code -}/{@code _} insensitive: {@code sharpe}, {@code net-pnl}, {@code max_drawdown}. */
    public static Objective parse(String text) {
        String k = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Objective o : values()) {
            if (o.key.equals(k) || o.name().toLowerCase(Locale.ROOT).equals(k)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + text + "'; known: " + Arrays.stream(values()).map(Objective::key).toList());
    }
}
