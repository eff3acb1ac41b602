package dev.trader.engine.readmodel;

import static dev.trader.engine.testing.Fixtures.BTCUSDT;
import static dev.trader.engine.testing.Fixtures.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.position.Position;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.readmodel.query.TradeRow;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Round trips from fills, with every figure worked out by hand (in the comments). */
class PositionBookTest {
    private static final String ID = "account:binance:BTCUSDT:1";
    private static final ClientOrderId ENTRY = ClientOrderId.ofKey("entry");
    private static final ClientOrderId EXIT = ClientOrderId.ofKey("exit");
    private static final Instant T0 = Instant.parse("2023-03-16T13:30:00Z");

    private static PositionBook empty() {
        return PositionBook.empty(ID, Position.flat(BTCUSDT, "USDT"));
    }

    @Test
    void aLongScaledOutInTwoIsOneTradeWithItsFeesAndItsR() {
        PositionBook.Entry entry = new PositionBook.Entry("ema-cross", Price.of("95"), "trend");
        PositionBook.Step in = empty().apply(fill(ENTRY, "1", OrderSide.BUY, "100", "0.5", "0.05", T0), entry, null, null);
        assertNull(in.closed());
        PositionBook.Step half = in.book().apply(fill(EXIT, "2", OrderSide.SELL, "110", "0.2", "0.022", T0.plusSeconds(600)), null, null, null);
        assertNull(half.closed());
        PositionBook.Step out = half.book().apply(fill(EXIT, "3", OrderSide.SELL, "90", "0.3", "0.027", T0.plusSeconds(5400)), null, null, null);

        TradeRow t = out.closed();
        assertEquals(ID + "#1", t.tradeId());
        assertEquals(PositionSide.LONG, t.side());
        assertEquals("ema-cross", t.strategy());
        assertEquals(new BigDecimal("0.5"), t.quantity());
        assertEquals(new BigDecimal("100"), t.entryPrice());
        // (0.2 × 110 + 0.3 × 90) / 0.5 = 49 / 0.5
        assertEquals(new BigDecimal("98"), t.exitPrice());
        // 0.2 × 10 − 0.3 × 10
        assertEquals(new BigDecimal("-1"), t.pnl());
        assertEquals(new BigDecimal("0.099"), t.fees());
        assertEquals(new BigDecimal("-1.099"), t.pnlAfterFees());
        // (100 − 95) × 0.5 = 2.5 at risk; −1.099 / 2.5
        assertEquals(new BigDecimal("2.5"), t.initialRisk());
        assertEquals(new BigDecimal("-0.4396"), t.rMultiple());
        assertEquals(new BigDecimal("90"), t.holdMinutes());
        assertEquals(T0, t.entryTime());
        assertEquals(T0.plusSeconds(5400), t.exitTime());
        assertEquals("trend", t.regime());
        assertEquals("LONDON+NEW_YORK", t.session(), "13:30 UTC: London, and 09:30 in New York (on summer time since 12 March)");
        assertTrue(out.book().position().isFlat());
        assertNull(out.book().open());
        assertEquals(1, out.book().roundTrips());
    }

    @Test
    void anExitThatSellsMoreThanHeldClosesTheTripAndTheRemainderIsTheNext() {
        PositionBook.Step in = empty().apply(fill(ENTRY, "1", OrderSide.BUY, "100", "1", "0.1", T0), new PositionBook.Entry("ema-cross", null, null),
                null, null);
        PositionBook.Step over = in.book().apply(fill(EXIT, "2", OrderSide.SELL, "110", "1.5", "0.165", T0.plusSeconds(60)), null, null, null);
        TradeRow first = over.closed();
        assertEquals(new BigDecimal("1"), first.quantity());
        assertEquals(new BigDecimal("110"), first.exitPrice());
        assertEquals(new BigDecimal("10"), first.pnl());
        // The reversing fill's whole fee: 0.1 + 0.165.
        assertEquals(new BigDecimal("9.735"), first.pnlAfterFees());
        assertNull(first.rMultiple(), "no stop, no R");
        assertEquals(PositionSide.SHORT, over.book().position().side());

        TradeRow second = over.book().apply(fill(ClientOrderId.ofKey("buy-back"), "3", OrderSide.BUY, "105", "0.5", "0.0525", T0.plusSeconds(120)),
                null, null, null).closed();
        assertEquals(ID + "#2", second.tradeId());
        assertEquals(PositionSide.SHORT, second.side());
        assertEquals("ema-cross", second.strategy(), "the remainder is the same strategy's");
        assertEquals(new BigDecimal("0.5"), second.quantity());
        assertEquals(new BigDecimal("110"), second.entryPrice());
        assertEquals(new BigDecimal("2.5"), second.pnl());
        assertEquals(new BigDecimal("2.4475"), second.pnlAfterFees());
        // The cash the fills moved: −100 − 0.1 + 165 − 0.165 − 52.5 − 0.0525 = 12.1825.
        assertEquals(new BigDecimal("12.1825"), first.pnlAfterFees().add(second.pnlAfterFees()));
    }

    @Test
    void aStopOnTheWrongSideGivesNoRiskAndAWeekendEntryIsOutsideEverySession() {
        Instant saturday = Instant.parse("2023-03-18T12:00:00Z");
        PositionBook.Step in = empty().apply(fill(ENTRY, "1", OrderSide.BUY, "100", "1", "0", saturday),
                new PositionBook.Entry("ema-cross", Price.of("101"), null), null, null);
        TradeRow t = in.book().apply(fill(EXIT, "2", OrderSide.SELL, "102", "1", "0", saturday.plusSeconds(90)), null, null, null).closed();
        assertNull(t.initialRisk());
        assertNull(t.rMultiple());
        assertEquals(new BigDecimal("1.5"), t.holdMinutes());
        assertEquals("OUTSIDE", t.session());
    }
}
