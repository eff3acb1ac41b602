package dev.trader.domain.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChildRouteTest {
    private static final Price TICK = Price.of("0.01");
    private static final BigDecimal ONE_BPS = BigDecimal.ONE;

    @Test
    void aSpreadWiderThanTheThresholdRestsAtTheTouchOnTheOrdersOwnSide() {
        // 24,985.92 x (1 -/+ 0.75 bps): 24,984.0460556 down to the tick for the bid, 24,987.7939444 up for the ask.
        ChildRoute buy = ChildRoute.decide(OrderSide.BUY, new BigDecimal("1.5"), ONE_BPS, Price.of("24985.92"), TICK, false);
        ChildRoute sell = ChildRoute.decide(OrderSide.SELL, new BigDecimal("1.5"), ONE_BPS, Price.of("24985.92"), TICK, false);

        assertEquals(OrderType.LIMIT, buy.type());
        assertEquals(Price.of("24984.04"), buy.limitPrice());
        assertEquals("spread 1.5 bps is wider than the threshold 1 bps: limit at the bid", buy.reason());
        assertEquals(Price.of("24987.8"), sell.limitPrice());
    }

    @Test
    void aSpreadWithinTheThresholdAnUnknownSpreadAndTheLastChildGoAtMarket() {
        ChildRoute tight = ChildRoute.decide(OrderSide.BUY, new BigDecimal("0.05"), ONE_BPS, Price.of("25000"), TICK, false);
        ChildRoute unknown = ChildRoute.decide(OrderSide.BUY, null, ONE_BPS, Price.of("25000"), TICK, false);
        ChildRoute last = ChildRoute.decide(OrderSide.BUY, new BigDecimal("5"), ONE_BPS, Price.of("25000"), TICK, true);

        assertEquals(OrderType.MARKET, tight.type());
        assertNull(tight.limitPrice());
        assertEquals("spread 0.05 bps is within the threshold 1 bps: at market", tight.reason());
        assertEquals(OrderType.MARKET, unknown.type());
        assertEquals(OrderType.MARKET, last.type());
        assertEquals("the last child completes the order at market", last.reason());
    }
}
