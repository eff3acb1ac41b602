package dev.trader.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.strategy.emacross.EmaCrossState;
import dev.trader.strategy.emacross.EmaCrossStrategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyCatalogTest {
    private static final StrategyId ID = new StrategyId("trend");
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");

    private static EmaCrossState initial(Strategy s) {
        return assertInstanceOf(EmaCrossState.class, s.initialState(BTC));
    }

    @Test
    void createsEmaCrossWithDefaults() {
        Strategy s = StrategyCatalog.create(ID, "ema-cross", Map.of());
        assertInstanceOf(EmaCrossStrategy.class, s);
        assertEquals(ID, s.id());
        assertEquals(12, initial(s).fast().period());
        assertEquals(26, initial(s).slow().period());
    }

    @Test
    void createsEmaCrossWithGivenPeriods() {
        Strategy s = StrategyCatalog.create(ID, "ema-cross", Map.of("fast", "5", "slow", " 20 "));
        assertEquals(5, initial(s).fast().period());
        assertEquals(20, initial(s).slow().period());
    }

    @Test
    void unknownTypeIsRejectedNamingItAndTheKnownTypes() {
        StrategyConfigException e = assertThrows(StrategyConfigException.class, () -> StrategyCatalog.create(ID, "ema_cross", Map.of()));
        assertTrue(e.getMessage().contains("strategy trend"), e.getMessage());
        assertTrue(e.getMessage().contains("'ema_cross'"), e.getMessage());
        assertTrue(e.getMessage().contains("ema-cross") && e.getMessage().contains("r1"), e.getMessage());
    }

    @Test
    void unknownParameterIsRejectedNamingTheKey() {
        StrategyConfigException e = assertThrows(StrategyConfigException.class,
                () -> StrategyCatalog.create(ID, "ema-cross", Map.of("fsat", "5", "slow", "20")));
        assertEquals("strategies.trend has unknown parameter(s) [fsat]; known are [fast, gate, slow, timeframe]", e.getMessage());
    }

    @Test
    void outOfRangeParameterIsRejectedNamingTheKey() {
        StrategyConfigException low = assertThrows(StrategyConfigException.class,
                () -> StrategyCatalog.create(ID, "ema-cross", Map.of("fast", "0")));
        assertEquals("strategies.trend.fast must be within 1..500 but was 0", low.getMessage());
        StrategyConfigException high = assertThrows(StrategyConfigException.class,
                () -> StrategyCatalog.create(ID, "ema-cross", Map.of("fast", "5", "slow", "1001")));
        assertEquals("strategies.trend.slow must be within 2..1000 but was 1001", high.getMessage());
    }

    @Test
    void nonNumericParameterIsRejectedNamingTheKey() {
        StrategyConfigException e = assertThrows(StrategyConfigException.class,
                () -> StrategyCatalog.create(ID, "ema-cross", Map.of("slow", "twenty")));
        assertEquals("strategies.trend.slow must be a whole number but was 'twenty'", e.getMessage());
    }

    @Test
    void fastNotBelowSlowIsRejected() {
        StrategyConfigException e = assertThrows(StrategyConfigException.class,
                () -> StrategyCatalog.create(ID, "ema-cross", Map.of("fast", "30", "slow", "30")));
        assertEquals("strategies.trend.fast (30) must be below slow (30)", e.getMessage());
        // the default slow (26) is below an explicit fast of 40
        assertThrows(StrategyConfigException.class, () -> StrategyCatalog.create(ID, "ema-cross", Map.of("fast", "40")));
    }

    @Test
    void configErrorsAreIllegalArgumentExceptions() {
        assertThrows(IllegalArgumentException.class, () -> StrategyCatalog.create(ID, "nope", Map.of()));
    }
}
