package dev.trader.domain.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final ClientOrderId ORDER = new ClientOrderId("t1");
    private static int trades;

    private static Fill fill(InstrumentId instrument, OrderSide side, String price, String quantity, String fee) {
        return new Fill(ORDER, new TradeId("trade-" + ++trades), instrument, side, Price.of(price), Quantity.of(quantity),
                Money.of(fee, "USDT"), Instant.parse("2024-01-01T00:00:00Z"));
    }

    private static Fill buy(String price, String quantity) {
        return fill(BTC, OrderSide.BUY, price, quantity, "0");
    }

    private static Fill sell(String price, String quantity) {
        return fill(BTC, OrderSide.SELL, price, quantity, "0");
    }

    private static Money usdt(String amount) {
        return Money.of(amount, "USDT");
    }

    private static Position flat() {
        return Position.flat(BTC, "USDT");
    }

    @Test
    void flatPositionHasNothing() {
        Position p = flat();
        assertTrue(p.isFlat());
        assertEquals(Quantity.ZERO, p.quantity());
        assertNull(p.averagePrice());
        assertEquals(Money.zero("USDT"), p.realizedPnl());
        assertEquals(Money.zero("USDT"), p.unrealizedPnl(Price.of("123")));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.signedQuantity()));
    }

    @Test
    void buyFromFlatOpensLongAtFillPrice() {
        Position p = flat().apply(buy("100", "2"));
        assertEquals(PositionSide.LONG, p.side());
        assertEquals(Quantity.of("2"), p.quantity());
        assertEquals(Price.of("100"), p.averagePrice());
        assertEquals(Money.zero("USDT"), p.realizedPnl());
        assertEquals(0, new BigDecimal("2").compareTo(p.signedQuantity()));
    }

    @Test
    void sellFromFlatOpensShort() {
        Position p = flat().apply(sell("100", "0.5"));
        assertEquals(PositionSide.SHORT, p.side());
        assertEquals(Quantity.of("0.5"), p.quantity());
        assertEquals(0, new BigDecimal("-0.5").compareTo(p.signedQuantity()));
    }

    @Test
    void addingToLongWeightsTheAverageByQuantity() {
        // (1 * 100 + 3 * 120) / 4 = 460 / 4 = 115
        Position p = flat().apply(buy("100", "1")).apply(buy("120", "3"));
        assertEquals(Quantity.of("4"), p.quantity());
        assertEquals(Price.of("115"), p.averagePrice());
        assertEquals(Money.zero("USDT"), p.realizedPnl());
    }

    @Test
    void nonTerminatingAverageIsRoundedHalfEvenToTenDecimals() {
        // (1 * 100 + 2 * 101) / 3 = 302 / 3 = 100.666666666666...
        Position p = flat().apply(buy("100", "1")).apply(buy("101", "2"));
        assertEquals(Price.of("100.6666666667"), p.averagePrice());
    }

    @Test
    void partialReduceRealizesPnlAtAverageAndKeepsAverage() {
        // long 4 @ 115, sell 1 @ 130: realized (130 - 115) * 1 = 15
        Position p = flat().apply(buy("100", "1")).apply(buy("120", "3")).apply(sell("130", "1"));
        assertEquals(PositionSide.LONG, p.side());
        assertEquals(Quantity.of("3"), p.quantity());
        assertEquals(Price.of("115"), p.averagePrice());
        assertEquals(usdt("15"), p.realizedPnl());
    }

    @Test
    void fullCloseGoesFlatAndBooksPnl() {
        // long 4 @ 115; sell 1 @ 130 (+15), then 3 @ 110 (-15): net 0, flat
        Position p = flat().apply(buy("100", "1")).apply(buy("120", "3")).apply(sell("130", "1")).apply(sell("110", "3"));
        assertTrue(p.isFlat());
        assertEquals(PositionSide.FLAT, p.side());
        assertEquals(Quantity.ZERO, p.quantity());
        assertNull(p.averagePrice());
        assertEquals(Money.zero("USDT"), p.realizedPnl());
    }

    @Test
    void fractionalCloseIsExact() {
        // long 0.3 @ 0.1 sold at 0.2: (0.2 - 0.1) * 0.3 = 0.03 exactly
        Position p = flat().apply(buy("0.1", "0.3")).apply(sell("0.2", "0.3"));
        assertTrue(p.isFlat());
        assertEquals(usdt("0.03"), p.realizedPnl());
    }

    @Test
    void fillLargerThanPositionReversesThroughZero() {
        // long 2 @ 100, sell 5 @ 90: closes 2 for (90 - 100) * 2 = -20, then short 3 @ 90
        Position p = flat().apply(buy("100", "2")).apply(sell("90", "5"));
        assertEquals(PositionSide.SHORT, p.side());
        assertEquals(Quantity.of("3"), p.quantity());
        assertEquals(Price.of("90"), p.averagePrice());
        assertEquals(usdt("-20"), p.realizedPnl());
        assertEquals(0, new BigDecimal("-3").compareTo(p.signedQuantity()));
    }

    @Test
    void shortReduceRealizesInverseDifference() {
        // short 3 @ 90, buy 1 @ 80: (90 - 80) * 1 = 10; then buy 4 @ 95: closes 2 for (90 - 95) * 2 = -10, long 2 @ 95
        Position shortThree = flat().apply(sell("90", "3"));
        Position reduced = shortThree.apply(buy("80", "1"));
        assertEquals(PositionSide.SHORT, reduced.side());
        assertEquals(Quantity.of("2"), reduced.quantity());
        assertEquals(usdt("10"), reduced.realizedPnl());
        Position reversed = reduced.apply(buy("95", "4"));
        assertEquals(PositionSide.LONG, reversed.side());
        assertEquals(Quantity.of("2"), reversed.quantity());
        assertEquals(Price.of("95"), reversed.averagePrice());
        assertEquals(Money.zero("USDT"), reversed.realizedPnl());
    }

    @Test
    void feesAccumulateOnEveryFillAndAreNotInRealizedPnl() {
        Position p = flat()
                .apply(fill(BTC, OrderSide.BUY, "100", "1", "0.1"))
                .apply(fill(BTC, OrderSide.BUY, "110", "1", "0.11"))
                .apply(fill(BTC, OrderSide.SELL, "120", "2", "0.24"));
        assertTrue(p.isFlat());
        assertEquals(usdt("0.45"), p.fees());
        // average 105, sold 2 @ 120: 30 before fees
        assertEquals(usdt("30"), p.realizedPnl());
    }

    @Test
    void unrealizedPnlMarksOpenQuantityAgainstAverage() {
        Position longTwo = flat().apply(buy("100", "2"));
        assertEquals(usdt("10"), longTwo.unrealizedPnl(Price.of("105")));
        assertEquals(usdt("-0.02"), longTwo.unrealizedPnl(Price.of("99.99")));
        Position shortTwo = flat().apply(sell("100", "2"));
        assertEquals(usdt("-10"), shortTwo.unrealizedPnl(Price.of("105")));
        assertEquals(usdt("0.02"), shortTwo.unrealizedPnl(Price.of("99.99")));
    }

    @Test
    void realizedPnlIsRoundedHalfEvenToEightDecimals() {
        // avg 100.6666666667 (3 units), sell 1 @ 101: 0.3333333333 -> 0.33333333
        Position p = flat().apply(buy("100", "1")).apply(buy("101", "2")).apply(sell("101", "1"));
        assertEquals(usdt("0.33333333"), p.realizedPnl());
        assertEquals(Quantity.of("2"), p.quantity());
    }

    @Test
    void fillForAnotherInstrumentIsRejected() {
        Position p = flat().apply(buy("100", "1"));
        Fill eth = fill(InstrumentId.parse("binance:ETHUSDT"), OrderSide.BUY, "100", "1", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.apply(eth));
        assertTrue(e.getMessage().contains("binance:ETHUSDT") && e.getMessage().contains("binance:BTCUSDT"), e.getMessage());
    }

    @Test
    void sideAndQuantityMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> new Position(BTC, PositionSide.FLAT, Quantity.of("1"), null,
                Money.zero("USDT"), Money.zero("USDT")));
        assertThrows(IllegalArgumentException.class, () -> new Position(BTC, PositionSide.LONG, Quantity.ZERO, Price.of("1"),
                Money.zero("USDT"), Money.zero("USDT")));
    }
}
