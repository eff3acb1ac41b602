package dev.trader.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.engine.position.PositionEntity;
import dev.trader.risk.intrade.ExitKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The export's arithmetic on hand-made fills and closes: round trips, the equity curve, CSV quoting. */
class ExportRowsTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final Instant T0 = Instant.parse("2023-03-17T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2023-03-17");

    private static Fill fill(String id, OrderSide side, String price, String qty, String fee, int minute) {
        return new Fill(new ClientOrderId("c-" + id), new TradeId(id), BTC, side, Price.of(price), Quantity.of(qty), Money.of(fee, "USDT"),
                T0.plusSeconds(60L * minute));
    }

    private static PositionEntity.FillEvent event(Fill f, ExitKind exit) {
        return new PositionEntity.PositionChanged(f, null, false, exit, null);
    }

    @Test
    void aRoundTripWithAScaleOutIsOneTradeWithTheWeightedExitPrice() {
        RoundTrips trips = new RoundTrips("paper:binance:BTCUSDT:1", "USDT");
        trips.apply(event(fill("1", OrderSide.BUY, "100", "2", "0.2", 0), null));
        trips.apply(event(fill("2", OrderSide.SELL, "110", "1", "0.11", 3), ExitKind.RUNG));
        assertEquals(List.of(), trips.closed(), "still open");
        trips.apply(event(fill("3", OrderSide.SELL, "95", "1", "0.095", 7), ExitKind.STOP));

        TradeRow t = trips.closed().get(0);
        assertEquals("LONG", t.side());
        assertEquals(T0, t.openedAt());
        assertEquals(T0.plusSeconds(420), t.closedAt());
        assertEquals(Quantity.of("2"), t.quantity());
        assertEquals(Price.of("100"), t.entryPrice());
        assertEquals(Price.of("102.5"), t.exitPrice());
        assertEquals(Money.of("5", "USDT"), t.realizedPnl(), "+10 on the rung, -5 at the stop");
        assertEquals(Money.of("0.405", "USDT"), t.fees());
        assertEquals(Money.of("4.595", "USDT"), t.netPnl());
        assertEquals("STOP", t.exit());
        assertEquals(3, t.fills());
    }

    @Test
    void aReversingFillClosesOneTradeAndOpensTheNext() {
        RoundTrips trips = new RoundTrips("p", "USDT");
        trips.apply(event(fill("1", OrderSide.BUY, "100", "1", "0", 0), null));
        trips.apply(event(fill("2", OrderSide.SELL, "104", "3", "0", 1), null));
        trips.apply(event(fill("3", OrderSide.BUY, "101", "2", "0", 2), null));
        assertEquals(2, trips.closed().size());
        assertEquals(Money.of("4", "USDT"), trips.closed().get(0).realizedPnl());
        assertEquals("SHORT", trips.closed().get(1).side());
        assertEquals(Quantity.of("2"), trips.closed().get(1).quantity());
        assertEquals(Money.of("6", "USDT"), trips.closed().get(1).realizedPnl());
    }

    @Test
    void equityIsCashPlusHoldingsAtTheLatestCloseExactly() {
        Money initial = Money.of("1000", "USDT");
        // Bought at the open of the 10:01 bar (its time 10:01), sold at the open of the 10:03 bar.
        List<Fill> fills = List.of(fill("1", OrderSide.BUY, "100.01", "0.3", "0.030003", 1), fill("2", OrderSide.SELL, "101.02", "0.3", "0.030306", 3));
        List<EquityCurve.Close> closes = List.of(
                new EquityCurve.Close(T0.plusSeconds(60), DAY, Map.of(BTC.value(), Price.of("100"))),
                new EquityCurve.Close(T0.plusSeconds(120), DAY, Map.of(BTC.value(), Price.of("100.5"))),
                new EquityCurve.Close(T0.plusSeconds(180), DAY, Map.of()),
                new EquityCurve.Close(T0.plusSeconds(240), DAY, Map.of(BTC.value(), Price.of("99"))));
        List<EquityRow> rows = EquityCurve.of(initial, fills, Map.of(), closes);

        assertEquals(Money.of("1000", "USDT"), rows.get(0).equity(), "the fill at 10:01 is not before the 10:01 close");
        assertEquals(Money.of("969.966997", "USDT"), rows.get(1).cash());
        assertEquals(Money.of("30.15", "USDT"), rows.get(1).marketValue());
        assertEquals(Money.of("1000.116997", "USDT"), rows.get(1).equity());
        assertEquals(rows.get(1).equity(), rows.get(2).equity(), "no close of its own: the latest one marks it");
        assertEquals(Money.of("1000.242691", "USDT"), rows.get(3).equity(), "flat again: cash only");
        assertEquals(Money.zero("USDT"), rows.get(3).marketValue());
        assertEquals(List.of("2023-03-17T10:04:00Z", "1000.242691", "0", "1000.242691", "USDT"), rows.get(3).cells());
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertEquals("plain", CsvFile.quoted("plain"));
        assertEquals("", CsvFile.quoted(null));
        assertEquals("\"a,b\"", CsvFile.quoted("a,b"));
        assertEquals("\"say \"\"no\"\"\"", CsvFile.quoted("say \"no\""));
        assertEquals("\"two\nlines\"", CsvFile.quoted("two\nlines"));
        assertEquals("", Decimals.of((Object) null));
        assertEquals("0.00000001", Decimals.of(Money.of(new BigDecimal("0.00000001"), "USDT")));
    }
}
