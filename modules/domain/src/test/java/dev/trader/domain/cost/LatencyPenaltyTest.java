package dev.trader.domain.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A decision that reaches the market later than the threshold pays the late (p90) slippage; one at or below it the usual. */
class LatencyPenaltyTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final Instant OPEN = Instant.parse("2024-07-01T14:00:00Z");
    private static final TakerCost USUAL = new TakerCost(new BigDecimal("0.2"), new BigDecimal("0.4")); // 0.5 bps
    private static final TakerCost LATE = new TakerCost(new BigDecimal("0.2"), new BigDecimal("2.9")); // 3 bps

    /** Measured costs with a worse tail: the usual cost, and the late one. */
    private static final TakerCosts MEASURED = new TakerCosts() {
        @Override
        public TakerCost at(InstrumentId instrument, Instant time) {
            return USUAL;
        }

        @Override
        public TakerCost late(InstrumentId instrument, Instant time) {
            return LATE;
        }
    };

    private static LatencyPenalty penalty(long latencyMs, long thresholdMs) {
        return new LatencyPenalty(Duration.ofMillis(latencyMs), Duration.ofMillis(thresholdMs));
    }

    @Test
    void aboveTheThresholdAMarketOrderPaysTheLateCost() {
        LatencyPenalty p = penalty(501, 500);
        assertTrue(p.late());
        assertSame(LATE, p.marketCost(MEASURED, BTC, OPEN));
    }

    @Test
    void atOrBelowTheThresholdItPaysTheUsualCost() {
        assertFalse(penalty(500, 500).late(), "exactly at the threshold is not late");
        assertSame(USUAL, penalty(500, 500).marketCost(MEASURED, BTC, OPEN));
        assertSame(USUAL, penalty(499, 500).marketCost(MEASURED, BTC, OPEN));
        assertSame(USUAL, LatencyPenalty.NONE.marketCost(MEASURED, BTC, OPEN), "no latency: never late");
        assertSame(USUAL, penalty(0, 0).marketCost(MEASURED, BTC, OPEN), "a zero threshold penalises only a positive latency");
        assertSame(LATE, penalty(1, 0).marketCost(MEASURED, BTC, OPEN));
    }

    @Test
    void theLateCostMovesABuyUpAndASellDownExactly() {
        TakerCost late = penalty(750, 500).marketCost(MEASURED, BTC, OPEN);
        // 61837.64 × (1 ± 3/10000) = 61837.64 ± 18.551292: exact, no rounding needed
        assertEquals(Price.of("61856.191292"), late.fillPrice(OrderSide.BUY, Price.of("61837.64"), null));
        assertEquals(Price.of("61819.088708"), late.fillPrice(OrderSide.SELL, Price.of("61837.64"), null));
        // the usual 0.5 bps: 61837.64 ± 3.091882
        TakerCost usual = penalty(500, 500).marketCost(MEASURED, BTC, OPEN);
        assertEquals(Price.of("61840.731882"), usual.fillPrice(OrderSide.BUY, Price.of("61837.64"), null));
        assertEquals(Price.of("61834.548118"), usual.fillPrice(OrderSide.SELL, Price.of("61837.64"), null));
    }

    @Test
    void costsWithoutADistributionHaveNoWorseFigure() {
        TakerCosts fixed = TakerCosts.fixed(USUAL);
        assertSame(USUAL, penalty(10_000, 500).marketCost(fixed, BTC, OPEN));
        assertEquals(TakerCost.ZERO, penalty(10_000, 500).marketCost(TakerCosts.NONE, BTC, OPEN));
    }

    @Test
    void negativeDurationsAreRefusedNamingThem() {
        assertEquals("latency must not be negative but was -1 ms",
                assertThrows(IllegalArgumentException.class, () -> penalty(-1, 500)).getMessage());
        assertEquals("latency penalty threshold must not be negative but was -5 ms",
                assertThrows(IllegalArgumentException.class, () -> penalty(0, -5)).getMessage());
    }
}
