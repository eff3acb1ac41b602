package dev.trader.domain.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one taker-price formula the backtest and the paper venue share. */
class ExecMetricsTakerCostTest {
    private static TakerCost cost(String spread, String slippage) {
        return new TakerCost(new BigDecimal(spread), new BigDecimal(slippage));
    }

    @Test
    void aTakerPaysSlippagePlusHalfTheSpreadRoundedAgainstIt() {
        TakerCost c = cost("4", "10"); // 12 bps
        assertEquals(new BigDecimal("12"), c.bps());
        assertEquals(Price.of("100.12"), c.fillPrice(OrderSide.BUY, Price.of("100"), null));
        assertEquals(Price.of("99.88"), c.fillPrice(OrderSide.SELL, Price.of("100"), null));
        assertEquals(Price.of("100.15"), c.fillPrice(OrderSide.BUY, Price.of("100.01"), Price.of("0.05")), "100.130012 up to the step");
        assertEquals(Price.of("99.85"), c.fillPrice(OrderSide.SELL, Price.of("100.01"), Price.of("0.05")), "99.889988 down to the step");
        // 61837.64 × (1 + 0.1171/10000) = 61838.364118764..., up to 8 decimals
        assertEquals(Price.of("61838.36411877"), cost("0.0342", "0.1").fillPrice(OrderSide.BUY, Price.of("61837.64"), null));
        assertEquals(Price.of("61836.91588123"), cost("0.0342", "0.1").fillPrice(OrderSide.SELL, Price.of("61837.64"), null));
    }

    @Test
    void noCostIsTheReferenceItself() {
        Price p = Price.of("123.456789123");
        assertSame(p, TakerCost.ZERO.fillPrice(OrderSide.BUY, p, null));
        assertTrue(TakerCost.ZERO.isZero());
        assertEquals(TakerCost.ZERO, TakerCosts.NONE.at(InstrumentId.parse("binance:BTCUSDT"), Instant.EPOCH));
    }

    @Test
    void negativeOrAbsurdCostsAreRefused() {
        assertEquals("spread (bps) must not be negative but was -1",
                assertThrows(IllegalArgumentException.class, () -> cost("-1", "0")).getMessage());
        assertEquals("slippage (bps) must not be negative but was -0.5",
                assertThrows(IllegalArgumentException.class, () -> cost("0", "-0.5")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> cost("2", "9999"), "a buy may not pay 100%");
    }
}
