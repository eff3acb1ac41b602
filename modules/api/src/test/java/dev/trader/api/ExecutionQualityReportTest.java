package dev.trader.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trader.api.ExecutionQualityView.InstrumentQuality;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.order.OrderState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-instrument summary over orders' states, and the nearest-rank statistics it is stated in. */
class ExecutionQualityReportTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final InstrumentId ETH = InstrumentId.parse("binance:ETHUSDT");
    private static final Instant DECIDED = Instant.parse("2026-11-21T09:30:00Z");
    private static int ids;

    /** An order decided at 100 and acked {@code ackMs} later, filled at {@code fillPrice} {@code fillMs} later (null: unfilled). */
    private static OrderState order(InstrumentId instrument, OrderSide side, long ackMs, String fillPrice, long fillMs) {
        ClientOrderId id = new ClientOrderId("t" + ids++);
        OrderRequest r = new OrderRequest(id, new StrategyId("s"), instrument, side, OrderType.MARKET, Quantity.of("2"), null, Instant.EPOCH);
        List<Fill> fills = new ArrayList<>();
        if (fillPrice != null) {
            fills.add(new Fill(id, new TradeId("x" + id), instrument, side, Price.of(fillPrice), Quantity.of("2"), Money.of("0", "USDT"), Instant.EPOCH));
        }
        Instant filledAt = fillPrice == null ? null : DECIDED.plusMillis(fillMs);
        return new OrderState(r, "p", fillPrice == null ? OrderStatus.ACCEPTED : OrderStatus.FILLED, "v", fills.isEmpty() ? Quantity.ZERO
                : Quantity.of("2"), fills, "", Price.of("100"), DECIDED, DECIDED.plusMillis(ackMs), filledAt, filledAt);
    }

    @Test
    void eachInstrumentGetsCountsLatenciesAndSlippageWithTheSignThatMeansWorseForUs() {
        List<OrderState> orders = List.of(
                order(BTC, OrderSide.BUY, 4, "100.1", 60_000), // 10 bps worse
                order(BTC, OrderSide.SELL, 2, "100.05", 60_010), // a sell above: 5 bps better
                order(BTC, OrderSide.BUY, 9, null, 0), // resting
                order(ETH, OrderSide.SELL, 3, "99.8", 30)); // a sell below: 20 bps worse

        ExecutionQualityView view = ExecutionQualityReport.of(orders);

        assertEquals(4, view.orders());
        assertEquals(List.of("binance:BTCUSDT", "binance:ETHUSDT"), view.instruments().stream().map(InstrumentQuality::instrument).toList());
        InstrumentQuality btc = view.instruments().get(0);
        assertEquals(3, btc.orders());
        assertEquals(2, btc.filled());
        assertEquals(new DecimalStats(3, "5.000000", "4", "9"), btc.decisionToAckMs());
        assertEquals(new DecimalStats(2, "60005.000000", "60000", "60010"), btc.decisionToFirstFillMs());
        assertEquals(new DecimalStats(2, "60005.000000", "60000", "60010"), btc.decisionToFillMs());
        assertEquals(new DecimalStats(2, "2.500000", "-5.000000", "10.000000"), btc.slippageBps());
        assertEquals("0.1", btc.slippageQuote(), "0.2 lost on the buy, 0.1 gained on the sell");
        assertEquals("USDT", btc.currency());
        InstrumentQuality eth = view.instruments().get(1);
        assertEquals(new DecimalStats(1, "20.000000", "20.000000", "20.000000"), eth.slippageBps());
        assertEquals("0.4", eth.slippageQuote());
    }

    @Test
    void aRestingStopCountsForSlippageNotForHowFastDecisionsFill() {
        OrderState market = order(BTC, OrderSide.BUY, 4, "100.1", 50);
        ClientOrderId id = new ClientOrderId("tstop");
        OrderRequest r = new OrderRequest(id, new StrategyId("s"), BTC, OrderSide.SELL, OrderType.STOP_MARKET, Quantity.of("2"), Price.of("100"),
                Instant.EPOCH, true);
        Fill fill = new Fill(id, new TradeId("xstop"), BTC, OrderSide.SELL, Price.of("99.9"), Quantity.of("2"), Money.of("0", "USDT"), Instant.EPOCH);
        Instant hoursLater = DECIDED.plusSeconds(3 * 3600);
        OrderState stop = new OrderState(r, "p", OrderStatus.FILLED, "v", Quantity.of("2"), List.of(fill), "", Price.of("100"), DECIDED,
                DECIDED.plusMillis(2), hoursLater, hoursLater);

        InstrumentQuality btc = ExecutionQualityReport.of(List.of(market, stop)).instruments().get(0);

        assertEquals(2, btc.filled());
        assertEquals(new DecimalStats(1, "50.000000", "50", "50"), btc.decisionToFirstFillMs(), "the stop rested for hours: not a latency");
        assertEquals(new DecimalStats(1, "50.000000", "50", "50"), btc.decisionToFillMs());
        assertEquals(new DecimalStats(2, "3.000000", "2", "4"), btc.decisionToAckMs());
        assertEquals(new DecimalStats(2, "10.000000", "10.000000", "10.000000"), btc.slippageBps(), "the stop filled 10 bps below its trigger");
        assertEquals("0.4", btc.slippageQuote());
    }

    @Test
    void anOrderJournaledBeforeTheMeasurementsCountsButAddsNoFigure() {
        OrderState measured = order(BTC, OrderSide.BUY, 4, "100.1", 50);
        OrderState old = new OrderState(measured.request(), "p", OrderStatus.FILLED, "v", Quantity.of("2"), measured.fills(), "", null, null, null,
                null, null);

        InstrumentQuality btc = ExecutionQualityReport.of(List.of(measured, old)).instruments().get(0);

        assertEquals(2, btc.orders());
        assertEquals(2, btc.filled());
        assertEquals(1, btc.decisionToAckMs().n());
        assertEquals(1, btc.slippageBps().n());
        assertEquals("0.2", btc.slippageQuote());
    }

    @Test
    void noOrdersNoInstruments() {
        assertEquals(new ExecutionQualityView(0, List.of()), ExecutionQualityReport.of(List.of()));
        assertNull(DecimalStats.of(List.of()).mean());
    }

    @Test
    void percentilesAreNearestRankValuesOfTheSample() {
        List<BigDecimal> ten = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            ten.add(BigDecimal.valueOf(i));
        }
        assertEquals(new DecimalStats(10, "5.500000", "5", "9"), DecimalStats.of(ten));
        assertEquals(new DecimalStats(1, "7.000000", "7", "7"), DecimalStats.of(List.of(BigDecimal.valueOf(7))));
        // 11 values: p50 is the 6th (⌈5.5⌉), p90 the 10th (⌈9.9⌉)
        List<BigDecimal> eleven = new ArrayList<>(ten);
        eleven.add(BigDecimal.valueOf(11));
        assertEquals("6", DecimalStats.of(eleven).p50());
        assertEquals("10", DecimalStats.of(eleven).p90());
        assertEquals("0.333333", DecimalStats.of(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE)).mean(), "half-even to 6 decimals");
    }
}
