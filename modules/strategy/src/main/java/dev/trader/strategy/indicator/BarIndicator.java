package dev.trader.strategy.indicator;

/**
 * An indicator of whole bars. Prices arrive as doubles: indicators are statistics, not
 * accounting, and converting each decimal once per bar is what keeps them fast.
 */
public interface BarIndicator extends Indicator {
    void update(double open, double high, double low, double close, double volume);
}
