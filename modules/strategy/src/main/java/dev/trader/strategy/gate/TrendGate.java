package dev.trader.strategy.gate;

import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.strategy.indicator.Adx;
import dev.trader.strategy.indicator.Ema;
import dev.trader.strategy.state.StateObject;
import java.util.Locale;

/**
 * A higher-timeframe trend filter: entries in a direction are allowed only while the EMA of the
 * higher timeframe's close slopes that way (this closed bar's EMA against the previous one) and
 * the ADX of that timeframe is at least {@code adxMin} (there is a trend at all). Fed only
 * closed higher-timeframe bars, so it never knows more than the strategy may.
 */
public final class TrendGate extends StateObject {
    private String timeframe;
    private Ema ema;
    private Adx adx;
    private double adxMin;
    private double previousEma = Double.NaN;
    private double slope = Double.NaN;

    private TrendGate() {
    }

    public TrendGate(Timeframe timeframe, int emaPeriod, int adxPeriod, double adxMin) {
        this.timeframe = timeframe.label();
        this.ema = new Ema(emaPeriod);
        this.adx = new Adx(adxPeriod);
        this.adxMin = adxMin;
    }

    public Timeframe timeframe() {
        return Timeframe.ofLabel(timeframe);
    }

    public void onBar(Bar bar) {
        double close = bar.close().toDouble();
        ema.update(close);
        adx.update(bar.open().toDouble(), bar.high().toDouble(),
                bar.low().toDouble(), close, bar.volume().toDouble());
        if (ema.isReady()) {
            slope = previousEma == previousEma ? ema.value() - previousEma : Double.NaN;
            previousEma = ema.value();
        }
    }

    /** Null when a long entry is allowed now, else why not (with the values that decided it). */
    public String blocksLong() {
        return blocks(1);
    }

    /** Null when a short entry is allowed now, else why not. */
    public String blocksShort() {
        return blocks(-1);
    }

    private String blocks(int direction) {
        String tf = timeframe;
        if (slope != slope || !adx.isReady()) {
            return String.format(Locale.ROOT, "%s trend gate still warming up", tf);
        }
        if (Math.signum(slope) != direction) {
            return String.format(Locale.ROOT, "%s EMA%d slopes %s (%.4f)", tf, ema.period(), slope > 0 ? "up" : slope < 0 ? "down" : "flat", slope);
        }
        if (adx.adx() < adxMin) {
            return String.format(Locale.ROOT, "%s ADX %.1f below %.1f", tf, adx.adx(), adxMin);
        }
        return null;
    }
}
