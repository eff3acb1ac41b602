package dev.trader.strategy.route;

import dev.trader.domain.market.Bar;
import dev.trader.strategy.indicator.Adx;
import dev.trader.strategy.regime.Hurst;
import dev.trader.strategy.regime.Regime;
import dev.trader.strategy.regime.RegimeClassification;
import dev.trader.strategy.regime.RegimeClassifier;
import dev.trader.strategy.regime.VolatilityRegime;
import dev.trader.strategy.regime.VolatilityThresholds;
import dev.trader.strategy.state.StateObject;

/**
 * The market regime of one timeframe, updated on its closed bars: ADX, Hurst exponent and the
 * volatility state feed {@link RegimeClassifier}. Until all three are warm the regime is
 * unknown (null) and the description says which input is still missing.
 */
public final class RegimeTracker extends StateObject {
    private Adx adx;
    private Hurst hurst;
    private VolatilityRegime volatility;
    private String regime;
    private String description = "warming up";

    private RegimeTracker() {
    }

    public RegimeTracker(int adxPeriod, int hurstWindow, int hurstMaxLag, int volatilityWindow, int volatilityLookback) {
        this.adx = new Adx(adxPeriod);
        this.hurst = new Hurst(hurstWindow, hurstMaxLag);
        this.volatility = new VolatilityRegime(volatilityWindow, volatilityLookback, VolatilityThresholds.TERCILES);
    }

    public void onBar(Bar bar, RegimeClassifier classifier) {
        double close = bar.close().toDouble();
        adx.update(bar.open().toDouble(), bar.high().toDouble(),
                bar.low().toDouble(), close, bar.volume().toDouble());
        hurst.update(close);
        volatility.update(close);
        if (adx.isReady() && hurst.isReady() && volatility.state().isPresent()) {
            RegimeClassification c = classifier.classify(adx.adx(), hurst.value(), volatility.state().get());
            regime = c.regime().name();
            description = c.regime() + " by " + c.rule() + " (ADX " + Math.round(c.adx() * 10) / 10.0 + ", Hurst "
                    + Math.round(c.hurst() * 100) / 100.0 + ", volatility " + c.volatility() + ")";
        } else {
            regime = null;
            description = "warming up (" + (adx.isReady() ? "" : "ADX ") + (hurst.isReady() ? "" : "Hurst ")
                    + (volatility.state().isPresent() ? "" : "volatility") + ")";
        }
    }

    /** The current regime, or null while warming up. */
    public Regime regime() {
        return regime == null ? null : Regime.valueOf(regime);
    }

    public String description() {
        return description;
    }
}
