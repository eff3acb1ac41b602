package dev.trader.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.api.StatusView.PositionView;
import dev.trader.api.security.ApiKey;
import dev.trader.api.security.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PositionScopeTest {
    private static final String HASH = "0".repeat(64);
    private static final PositionView EMA = position("p:1", "ema-cross");
    private static final PositionView RSI = position("p:2", "rsi-reversion");
    private static final PositionView UNKNOWN = position("p:3", null);
    private static final List<PositionView> ALL = List.of(EMA, RSI, UNKNOWN);

    private static PositionView position(String id, String strategy) {
        return new PositionView(id, "binance:BTCUSDT", strategy, "LONG", "0.1", "25000", "25100", "10", "0", "2.5");
    }

    private static ApiKey key(Set<String> strategies) {
        return new ApiKey("k", Role.VIEWER, HASH, Set.of(ApiKey.ALL), strategies);
    }

    @Test
    void aKeyLimitedToStrategiesSeesOnlyTheirPositions() {
        assertEquals(List.of(EMA), PositionScope.visible(key(Set.of("ema-cross")), ALL));
        assertEquals(List.of(EMA, RSI), PositionScope.visible(key(Set.of("ema-cross", "rsi-reversion")), ALL));
        assertEquals(List.of(), PositionScope.visible(key(Set.of("vwap-reversion")), ALL));
    }

    @Test
    void aKeyThatSeesEveryStrategySeesEveryPositionEvenOnesWhoseStrategyCannotBeTold() {
        assertEquals(ALL, PositionScope.visible(key(Set.of(ApiKey.ALL)), ALL));
    }
}
