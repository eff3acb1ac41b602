package dev.trader.ml.feature;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.strategy.indicator.Adx;
import dev.trader.strategy.indicator.Atr;
import dev.trader.strategy.indicator.BollingerBands;
import dev.trader.strategy.indicator.Ema;
import dev.trader.strategy.indicator.Macd;
import dev.trader.strategy.indicator.Rsi;
import dev.trader.strategy.indicator.Sma;
import dev.trader.strategy.regime.RealizedVolatility;
import dev.trader.strategy.regime.Regime;
import dev.trader.strategy.regime.RegimeClassifier;
import dev.trader.strategy.route.RegimeTracker;
import dev.trader.strategy.session.Session;
import dev.trader.strategy.session.SessionClock;
import dev.trader.strategy.session.SessionFeatures;
import dev.trader.strategy.state.StateObject;
import dev.trader.strategy.timeframe.MultiTimeframe;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The features of one instrument, one closed 1m bar at a time, with the strategy module's
 * incremental indicators: what a model sees at a bar's close is computed from that bar and the
 * bars before it only (the 15m and 1h values from their last <em>closed</em> bars), by the same
 * object in training, in the backtester and live. Columns as {@link FeatureNames#ALL}; empty
 * until every indicator has warmed up (about a day of 1m bars: the 15m regime is the slowest).
 *
 * <p>Returns are over bar counts, not clock time: after a gap in the data they span the gap.
 * Every value is scale-free (ratios, returns, bounded oscillators) so one model can serve
 * instruments of any price.
 */
public final class FeatureExtractor extends StateObject {
    private static final int RETURNS = 61;
    private static final RegimeClassifier REGIMES = RegimeClassifier.withDefaults();
    private static final SessionClock SESSIONS = SessionClock.defaults();

    private MultiTimeframe timeframes;
    private CloseHistory closes;
    private Rsi rsi;
    private Rsi rsi15m;
    private Rsi rsi1h;
    private Macd macd;
    private Atr atr;
    private Atr atr15m;
    private BollingerBands bands;
    private Adx adx;
    private Ema ema50;
    private Ema ema200;
    private Ema ema20of15m;
    private Ema ema20of1h;
    private RealizedVolatility volatility;
    private Sma volume;
    private RegimeTracker regime;

    private FeatureExtractor() {
    }

    public FeatureExtractor(InstrumentId instrument) {
        this.timeframes = new MultiTimeframe(instrument, Timeframe.M1, Set.of(Timeframe.M15, Timeframe.H1), 1);
        this.closes = new CloseHistory(RETURNS);
        this.rsi = new Rsi(14);
        this.rsi15m = new Rsi(14);
        this.rsi1h = new Rsi(14);
        this.macd = new Macd(12, 26, 9);
        this.atr = new Atr(14);
        this.atr15m = new Atr(14);
        this.bands = new BollingerBands(20, 2.0);
        this.adx = new Adx(14);
        this.ema50 = new Ema(50);
        this.ema200 = new Ema(200);
        this.ema20of15m = new Ema(20);
        this.ema20of1h = new Ema(20);
        this.volatility = new RealizedVolatility(60);
        this.volume = new Sma(60);
        this.regime = regimeOf15m();
    }

    /**
     * The regime tracker the features use, on 15m bars: a day of them for the volatility
     * percentile, so it is ready after ~28 hours. Other research that speaks of "the regime"
     * (the bandits' contexts) uses the same one.
     */
    public static RegimeTracker regimeOf15m() {
        return new RegimeTracker(14, 64, 16, 16, 96);
    }

    /**
     * Takes the next closed 1m bar; answers the features as of its close, or empty while warming
     * up. Bars must come in time order, as they close.
     */
    public Optional<double[]> onBar(Bar bar) {
        if (bar.timeframe() != Timeframe.M1) {
            throw new IllegalArgumentException("features are computed from 1m bars, not " + bar.timeframe() + " (" + bar.instrument() + ")");
        }
        for (Bar closed : timeframes.onBaseBar(bar)) {
            double o = closed.open().toDouble();
            double h = closed.high().toDouble();
            double l = closed.low().toDouble();
            double c = closed.close().toDouble();
            double v = closed.volume().toDouble();
            switch (closed.timeframe()) {
                case M1 -> {
                    closes.add(c);
                    rsi.update(c);
                    macd.update(c);
                    atr.update(o, h, l, c, v);
                    bands.update(c);
                    adx.update(o, h, l, c, v);
                    ema50.update(c);
                    ema200.update(c);
                    volatility.update(c);
                    volume.update(v);
                }
                case M15 -> {
                    rsi15m.update(c);
                    atr15m.update(o, h, l, c, v);
                    ema20of15m.update(c);
                    regime.onBar(closed, REGIMES);
                }
                case H1 -> {
                    rsi1h.update(c);
                    ema20of1h.update(c);
                }
                default -> throw new IllegalStateException("unexpected timeframe " + closed.timeframe());
            }
        }
        if (!ready()) {
            return Optional.empty();
        }
        return Optional.of(values(bar));
    }

    private boolean ready() {
        return closes.has(RETURNS - 1) && rsi.isReady() && rsi15m.isReady() && rsi1h.isReady() && macd.isReady() && atr.isReady()
                && atr15m.isReady() && bands.isReady() && adx.isReady() && ema50.isReady() && ema200.isReady() && ema20of15m.isReady()
                && ema20of1h.isReady() && volatility.isReady() && volume.isReady() && regime.regime() != null;
    }

    private double[] values(Bar bar) {
        double close = bar.close().toDouble();
        double high = bar.high().toDouble();
        double low = bar.low().toDouble();
        double[] f = new double[FeatureNames.count()];
        int i = 0;
        f[i++] = closes.logReturn(1, 0);
        f[i++] = closes.logReturn(5, 0);
        f[i++] = closes.logReturn(15, 0);
        f[i++] = closes.logReturn(60, 0);
        f[i++] = closes.logReturn(2, 1);
        f[i++] = closes.logReturn(3, 2);
        f[i++] = closes.logReturn(4, 3);
        f[i++] = rsi.value() / 100.0;
        f[i++] = rsi15m.value() / 100.0;
        f[i++] = rsi1h.value() / 100.0;
        f[i++] = macd.histogram() / close;
        f[i++] = atr.value() / close;
        f[i++] = atr15m.value() / close;
        double width = bands.upper() - bands.lower();
        f[i++] = width > 0 ? (close - bands.lower()) / width : 0.5;
        f[i++] = width / bands.middle();
        f[i++] = adx.adx() / 100.0;
        f[i++] = (adx.plusDi() - adx.minusDi()) / 100.0;
        f[i++] = close / ema50.value() - 1;
        f[i++] = close / ema200.value() - 1;
        f[i++] = close / ema20of15m.value() - 1;
        f[i++] = close / ema20of1h.value() - 1;
        f[i++] = volatility.value();
        double meanVolume = volume.value();
        f[i++] = meanVolume > 0 ? bar.volume().toDouble() / meanVolume : 1.0;
        f[i++] = high > low ? (close - low) / (high - low) : 0.5;
        Regime r = regime.regime();
        f[i++] = r == Regime.TREND ? 1 : 0;
        f[i++] = r == Regime.RANGE ? 1 : 0;
        f[i++] = r == Regime.VOLATILE ? 1 : 0;
        Instant at = bar.closeTime();
        SessionFeatures s = SESSIONS.features(at);
        f[i++] = s.in(Session.ASIA) ? 1 : 0;
        f[i++] = s.in(Session.LONDON) ? 1 : 0;
        f[i++] = s.in(Session.NEW_YORK) ? 1 : 0;
        double hour = (s.hourOfDayUtc() + at.atZone(java.time.ZoneOffset.UTC).getMinute() / 60.0) * 2 * Math.PI / 24;
        f[i++] = Math.sin(hour);
        f[i++] = Math.cos(hour);
        double weekday = (s.dayOfWeekUtc().getValue() - 1) * 2 * Math.PI / 7;
        f[i++] = Math.sin(weekday);
        f[i++] = Math.cos(weekday);
        for (int k = 0; k < f.length; k++) {
            if (!Double.isFinite(f[k])) {
                throw new IllegalStateException("feature " + FeatureNames.ALL.get(k) + " is " + f[k] + " at " + bar.instrument() + " " + at
                        + ": every indicator reported ready, so this is a bug in its definition");
            }
        }
        return f;
    }
}
