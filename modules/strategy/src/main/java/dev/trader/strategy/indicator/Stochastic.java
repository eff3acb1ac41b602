package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Stochastic oscillator as TA-Lib's {@code STOCH} with simple moving averages (its default
 * {@code MAType}), defaults 5, 3, 3.
 *
 * <ul>
 *   <li>fast %K = 100 · (close − lowest low) / (highest high − lowest low) over the last
 *       {@code fastKPeriod} bars, including the current one;</li>
 *   <li>slow %K = SMA({@code slowKPeriod}) of fast %K (the same line as STOCHF's fast %D);</li>
 *   <li>slow %D = SMA({@code slowDPeriod}) of slow %K.</li>
 * </ul>
 *
 * <p>TA-Lib's {@code STOCHF} (fast %K, fast %D) is this with {@code slowKPeriod = 1}: slow %K is
 * then fast %K and slow %D is fast %D. StockCharts' "fast stochastic" %K(14), %D(3) is
 * {@code new Stochastic(14, 1, 3)}.
 *
 * <p>Flat prices: when the highest high equals the lowest low the ratio is 0/0; like TA-Lib,
 * fast %K is then 0 (not 50, not NaN), and the averages carry that 0.
 *
 * <p>Warm-up: {@code fastKPeriod + slowKPeriod + slowDPeriod − 2} bars, TA-Lib's lookback plus
 * one (9 for 5, 3, 3). All three outputs are NaN before {@link #isReady()}, as TA-Lib leaves all
 * its leading cells empty. The highest high and lowest low come from monotonic deques, the
 * averages from running sums ({@link Sma}, in TA-Lib's order of operations), so each update is
 * amortized O(1).
 */
public final class Stochastic extends StateObject implements BarIndicator {
    private int fastKPeriod;
    private int slowKPeriod;
    private int slowDPeriod;
    private MonotonicDeque highest;
    private MonotonicDeque lowest;
    private Sma slowKAverage;
    private Sma slowDAverage;
    private long count;
    private double fastK = Double.NaN;
    private double slowK = Double.NaN;
    private double slowD = Double.NaN;

    private Stochastic() {
    }

    /** TA-Lib's defaults: fast %K 5, slow %K 3, slow %D 3. */
    public static Stochastic taLibDefaults() {
        return new Stochastic(5, 3, 3);
    }

    public Stochastic(int fastKPeriod, int slowKPeriod, int slowDPeriod) {
        if (fastKPeriod < 1) {
            throw new IllegalArgumentException("fastKPeriod must be at least 1 but was " + fastKPeriod);
        }
        if (slowKPeriod < 1) {
            throw new IllegalArgumentException("slowKPeriod must be at least 1 but was " + slowKPeriod);
        }
        if (slowDPeriod < 1) {
            throw new IllegalArgumentException("slowDPeriod must be at least 1 but was " + slowDPeriod);
        }
        this.fastKPeriod = fastKPeriod;
        this.slowKPeriod = slowKPeriod;
        this.slowDPeriod = slowDPeriod;
        this.highest = MonotonicDeque.max(fastKPeriod);
        this.lowest = MonotonicDeque.min(fastKPeriod);
        this.slowKAverage = new Sma(slowKPeriod);
        this.slowDAverage = new Sma(slowDPeriod);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        update(high, low, close);
    }

    public void update(double high, double low, double close) {
        count++;
        highest.push(high);
        lowest.push(low);
        if (!highest.isFull()) {
            return;
        }
        double hh = highest.extreme();
        double ll = lowest.extreme();
        // TA-Lib divides by (range / 100) rather than multiplying by 100: same rounding as TA-Lib.
        double diff = (hh - ll) / 100.0;
        double k = diff != 0.0 ? (close - ll) / diff : 0.0;
        slowKAverage.update(k);
        if (!slowKAverage.isReady()) {
            return;
        }
        slowDAverage.update(slowKAverage.value());
        if (slowDAverage.isReady()) {
            fastK = k;
            slowK = slowKAverage.value();
            slowD = slowDAverage.value();
        }
    }

    /** Fast %K of the latest bar; NaN during the warm-up. */
    public double fastK() {
        return fastK;
    }

    /** Slow %K (= fast %D): the SMA of fast %K; NaN during the warm-up. */
    public double slowK() {
        return slowK;
    }

    /** Slow %D: the SMA of slow %K; NaN during the warm-up. */
    public double slowD() {
        return slowD;
    }

    @Override
    public boolean isReady() {
        return slowDAverage.isReady();
    }

    @Override
    public int warmUp() {
        return fastKPeriod + slowKPeriod + slowDPeriod - 2;
    }

    public long count() {
        return count;
    }
}
