package dev.trader.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.strategy.regime.GoldenHourly.Hour;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegimeClassifierTest {
    private static final RegimeClassifier DEFAULTS = RegimeClassifier.withDefaults();

    @Test
    void trendWhenAdxAndHurstBothSayTrendWhateverTheVolatility() {
        for (VolatilityState v : VolatilityState.values()) {
            RegimeClassification c = DEFAULTS.classify(30, 0.6, v);
            assertEquals(Regime.TREND, c.regime(), v.name());
            assertEquals(RegimeClassifier.RULE_TREND, c.rule());
        }
        assertEquals(Regime.TREND, DEFAULTS.classify(25, 0.55, VolatilityState.LOW).regime(), "thresholds are inclusive");
    }

    @Test
    void volatileWhenHighVolatilityComesWithoutAConfirmedTrend() {
        assertEquals(Regime.VOLATILE, DEFAULTS.classify(40, 0.45, VolatilityState.HIGH).regime(), "strong ADX, but returns revert");
        assertEquals(Regime.VOLATILE, DEFAULTS.classify(15, 0.70, VolatilityState.HIGH).regime(), "persistent, but no directional movement");
        assertEquals(Regime.VOLATILE, DEFAULTS.classify(24.99, 0.55, VolatilityState.HIGH).regime());
        assertEquals(RegimeClassifier.RULE_VOLATILE, DEFAULTS.classify(10, 0.4, VolatilityState.HIGH).rule());
    }

    @Test
    void rangeOtherwise() {
        assertEquals(Regime.RANGE, DEFAULTS.classify(15, 0.42, VolatilityState.LOW).regime());
        assertEquals(Regime.RANGE, DEFAULTS.classify(40, 0.45, VolatilityState.MEDIUM).regime(), "ADX alone is not a trend");
        assertEquals(Regime.RANGE, DEFAULTS.classify(20, 0.65, VolatilityState.MEDIUM).regime(), "Hurst alone is not a trend");
        assertEquals(Regime.RANGE, DEFAULTS.classify(25, 0.5499, VolatilityState.LOW).regime());
        assertEquals(RegimeClassifier.RULE_RANGE, DEFAULTS.classify(15, 0.42, VolatilityState.LOW).rule());
    }

    @Test
    void thresholdsAreConfigurable() {
        RegimeClassifier strict = new RegimeClassifier(new RegimeThresholds(40, 0.6));
        assertEquals(Regime.RANGE, strict.classify(30, 0.6, VolatilityState.LOW).regime());
        assertEquals(Regime.TREND, strict.classify(40, 0.6, VolatilityState.LOW).regime());
        assertEquals(new RegimeThresholds(40, 0.6), strict.thresholds());
        assertThrows(IllegalArgumentException.class, () -> new RegimeThresholds(101, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new RegimeThresholds(25, Double.NaN));
    }

    @Test
    void eachClassificationCarriesItsInputsForTheAuditTrail() {
        RegimeClassification c = DEFAULTS.classify(31.5, 0.58, VolatilityState.MEDIUM);
        assertEquals(31.5, c.adx());
        assertEquals(0.58, c.hurst());
        assertEquals(VolatilityState.MEDIUM, c.volatility());
        assertEquals(RegimeThresholds.DEFAULTS, c.thresholds());
        Map<String, String> m = c.auditMetadata();
        assertEquals("TREND", m.get("regime"));
        assertEquals("31.5", m.get("regime_adx"));
        assertEquals("0.58", m.get("regime_hurst"));
        assertEquals("MEDIUM", m.get("regime_volatility"));
        assertEquals("25.0", m.get("regime_trend_adx"));
        assertEquals("0.55", m.get("regime_trend_hurst"));
        assertEquals(RegimeClassifier.RULE_TREND, m.get("regime_rule"));
    }

    @Test
    void rejectsInputsThatAreNotReadings() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.classify(Double.NaN, 0.5, VolatilityState.LOW), "ADX warming up");
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.classify(-1, 0.5, VolatilityState.LOW));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.classify(100.5, 0.5, VolatilityState.LOW));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.classify(20, Double.NaN, VolatilityState.LOW), "Hurst warming up");
        assertThrows(NullPointerException.class, () -> DEFAULTS.classify(20, 0.5, null));
    }

    /**
     * The whole pipeline on real hourly BTCUSDT (2022-01-01 to 03-25): TA-Lib's ADX(14) from the
     * golden file, Hurst over a week (168 returns, lags 1-8), volatility as the tercile of the
     * 24-hour realized volatility within a week. What it says on two well-known days:
     * 21 January 2022, the sell-off, starts VOLATILE (big moves, Hurst still below 0.5) and
     * becomes a TREND by midday; 28 February, the rebound, is a quiet RANGE in the morning, then
     * VOLATILE as the jump starts at 14:00 and a TREND by the evening.
     */
    @Test
    void onRealHourlyBarsWithTaLibAdx() {
        List<Hour> hours = GoldenHourly.read();
        Hurst hurst = new Hurst(168, 8);
        VolatilityRegime volatility = new VolatilityRegime(24, 168, VolatilityThresholds.TERCILES);
        Map<Regime, Integer> counts = new EnumMap<>(Regime.class);
        Map<Instant, Regime> byHour = new HashMap<>();
        for (Hour h : hours) {
            hurst.update(h.close());
            volatility.update(h.close());
            if (!Double.isNaN(h.adx14()) && hurst.isReady() && volatility.isReady()) {
                RegimeClassification c = DEFAULTS.classify(h.adx14(), hurst.value(), volatility.state().orElseThrow());
                counts.merge(c.regime(), 1, Integer::sum);
                byHour.put(h.openTime(), c.regime());
            }
        }
        assertEquals(Regime.VOLATILE, byHour.get(Instant.parse("2022-01-21T00:00:00Z")));
        assertEquals(Regime.TREND, byHour.get(Instant.parse("2022-01-21T12:00:00Z")));
        assertEquals(Regime.RANGE, byHour.get(Instant.parse("2022-02-28T10:00:00Z")));
        assertEquals(Regime.VOLATILE, byHour.get(Instant.parse("2022-02-28T15:00:00Z")));
        assertEquals(Regime.TREND, byHour.get(Instant.parse("2022-02-28T22:00:00Z")));
        // all three occur, range most of the time, as expected of an hourly market
        assertEquals(1809, counts.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(counts.get(Regime.RANGE) > counts.get(Regime.VOLATILE) && counts.get(Regime.VOLATILE) > counts.get(Regime.TREND), counts.toString());
        assertTrue(counts.get(Regime.TREND) > 100, counts.toString());
    }
}
