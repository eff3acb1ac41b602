package dev.trader.strategy.indicator;

import static dev.trader.strategy.indicator.Snapshots.assertSurvivesSnapshot;
import static dev.trader.strategy.indicator.Snapshots.bars;
import static dev.trader.strategy.indicator.Snapshots.closes;

import org.junit.jupiter.api.Test;

/** One recovery test per indicator: see {@link Snapshots#assertSurvivesSnapshot}. */
class IndicatorSnapshotTest {

    @Test
    void sma() {
        assertSurvivesSnapshot(() -> new Sma(20), closes(), i -> new double[] {i.value()});
    }

    @Test
    void ema() {
        assertSurvivesSnapshot(() -> new Ema(20), closes(), i -> new double[] {i.value()});
    }

    @Test
    void wma() {
        assertSurvivesSnapshot(() -> new Wma(9), closes(), i -> new double[] {i.value()});
    }

    @Test
    void hma() {
        assertSurvivesSnapshot(() -> new Hma(16), closes(), i -> new double[] {i.value()});
    }

    @Test
    void rsi() {
        assertSurvivesSnapshot(() -> new Rsi(14), closes(), i -> new double[] {i.value()});
    }

    @Test
    void trueRange() {
        assertSurvivesSnapshot(TrueRange::new, bars(), i -> new double[] {i.value()});
    }

    @Test
    void atr() {
        assertSurvivesSnapshot(() -> new Atr(14), bars(), i -> new double[] {i.value(), i.trueRange()});
    }

    @Test
    void adx() {
        assertSurvivesSnapshot(() -> new Adx(14), bars(), i -> new double[] {i.adx(), i.plusDi(), i.minusDi()});
    }

    @Test
    void bollingerBands() {
        assertSurvivesSnapshot(() -> new BollingerBands(20, 2.0), closes(),
                i -> new double[] {i.upper(), i.middle(), i.lower()});
    }

    @Test
    void macd() {
        assertSurvivesSnapshot(() -> new Macd(12, 26, 9), closes(),
                i -> new double[] {i.line(), i.signal(), i.histogram()});
    }
}
