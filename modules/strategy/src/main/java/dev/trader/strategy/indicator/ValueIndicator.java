package dev.trader.strategy.indicator;

/** An indicator of one input series (usually the close) with one output. */
public interface ValueIndicator extends Indicator {
    void update(double value);

    /** The latest output; NaN during the warm-up. */
    double value();
}
