package dev.trader.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slippage against the decision price: positive is worse for us, whatever the side; exact over partial fills. */
class SlippageTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final ClientOrderId ID = new ClientOrderId("t0123456789abcdef");

    private static Fill fill(OrderSide side, String price, String quantity) {
        return new Fill(ID, new TradeId("t-" + price + "-" + quantity), BTC, side, Price.of(price), Quantity.of(quantity), Money.of("0", "USDT"),
                Instant.parse("2023-03-16T00:07:00Z"));
    }

    @Test
    void aBuyFilledAboveItsDecisionPriceSlippedAgainstUs() {
        Slippage s = Slippage.of(OrderSide.BUY, Price.of("25000"), List.of(fill(OrderSide.BUY, "25005", "0.04")));
        assertEquals(Price.of("25005"), s.averagePrice());
        assertEquals(Money.of("0.2", "USDT"), s.quote(), "5 × 0.04");
        assertEquals(new BigDecimal("2.000000"), s.bps(), "5 / 25000 × 10000");
    }

    @Test
    void aSellFilledBelowItsDecisionPriceSlippedAgainstUsToo() {
        Slippage s = Slippage.of(OrderSide.SELL, Price.of("25000"), List.of(fill(OrderSide.SELL, "24995", "0.04")));
        assertEquals(Money.of("0.2", "USDT"), s.quote());
        assertEquals(new BigDecimal("2.000000"), s.bps());
    }

    @Test
    void aFillBetterThanTheDecisionIsNegative() {
        Slippage buy = Slippage.of(OrderSide.BUY, Price.of("25000"), List.of(fill(OrderSide.BUY, "24990", "1")));
        assertEquals(Money.of("-10", "USDT"), buy.quote());
        assertEquals(new BigDecimal("-4.000000"), buy.bps());
        Slippage sell = Slippage.of(OrderSide.SELL, Price.of("25000"), List.of(fill(OrderSide.SELL, "25010", "1")));
        assertEquals(Money.of("-10", "USDT"), sell.quote());
        assertEquals(new BigDecimal("-4.000000"), sell.bps());
    }

    @Test
    void partialFillsAreWeightedByQuantityExactly() {
        // 0.01 at 24901.37 and 0.03016 at 24901.40 against a decision at 24899.99:
        // notional 249.0137 + 751.0262240 = 1000.0399240; decision notional 24899.99 × 0.04016 = 999.9835984
        List<Fill> fills = List.of(fill(OrderSide.BUY, "24901.37", "0.01"), fill(OrderSide.BUY, "24901.40", "0.03016"));
        Slippage s = Slippage.of(OrderSide.BUY, Price.of("24899.99"), fills);
        assertEquals(Quantity.of("0.04016"), s.quantity());
        // 1000.0399240 / 0.04016 = 24901.39253 (24901.392529880478...)
        assertEquals(Price.of("24901.3925298805"), s.averagePrice());
        assertEquals(Price.of("24901.3925298805"), Slippage.averagePrice(fills));
        assertEquals(Money.of("0.0563256", "USDT"), s.quote(), "1000.0399240 − 999.9835984, exact");
        // 0.0563256 × 10000 / 999.9835984 = 0.563265238...
        assertEquals(new BigDecimal("0.563265"), s.bps());
    }

    @Test
    void roundingHappensOnceAtTheEndFromTheExactDifference() {
        // 3 at 100.000000015 against 100: 4.5e-8 above. Money rounds half-even to 8 decimals: 0.00000004.
        // The bps come from the exact difference, 4.5e-8 × 10000 / 300 = 0.0000015 → 0.000002, not from the
        // rounded money (which would give 0.000001).
        Slippage s = Slippage.of(OrderSide.BUY, Price.of("100"), List.of(fill(OrderSide.BUY, "100.000000015", "3")));
        assertEquals(Money.of("0.00000004", "USDT"), s.quote());
        assertEquals(new BigDecimal("0.000002"), s.bps());
        assertEquals(Price.of("100.000000015"), s.averagePrice());
    }

    @Test
    void nothingFilledHasNoSlippageAndABadDecisionPriceIsRefused() {
        assertNull(Slippage.of(OrderSide.BUY, Price.of("25000"), List.of()));
        assertNull(Slippage.averagePrice(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Slippage.of(OrderSide.BUY, Price.of("0"), List.of(fill(OrderSide.BUY, "1", "1"))));
    }

    @Test
    void anOrdersOwnPriceIsItsDecisionPriceAMarketOrderTakesTheMarketPrice() {
        OrderRequest market = new OrderRequest(ID, new dev.trader.domain.id.StrategyId("s"), BTC, OrderSide.BUY, OrderType.MARKET,
                Quantity.of("1"), null, Instant.EPOCH);
        OrderRequest stop = new OrderRequest(ID, new dev.trader.domain.id.StrategyId("s"), BTC, OrderSide.SELL, OrderType.STOP_MARKET,
                Quantity.of("1"), Price.of("24000"), Instant.EPOCH);
        assertEquals(Price.of("25000"), DecisionPrice.of(market, Price.of("25000")));
        assertNull(DecisionPrice.of(market, null));
        assertEquals(Price.of("24000"), DecisionPrice.of(stop, Price.of("25000")), "a stop is measured against its trigger");
    }
}
