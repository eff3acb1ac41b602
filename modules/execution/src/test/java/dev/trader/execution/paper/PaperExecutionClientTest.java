package dev.trader.execution.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.cost.LatencyPenalty;
import dev.trader.domain.cost.TakerCost;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.order.SubmitOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PaperExecutionClientTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final Instant T0 = Instant.parse("2023-03-17T10:00:00Z");

    private static Bar bar(int minute, String open) {
        Price o = Price.of(open);
        return new Bar(BTC, Timeframe.M1, T0.plusSeconds(60L * minute), o, o.plus(Price.of("5")), o.minus(Price.of("5")), o, Quantity.of("10"));
    }

    private static OrderRequest buy(String id) {
        return new OrderRequest(new ClientOrderId(id), new StrategyId("ema-cross"), BTC, OrderSide.BUY, OrderType.MARKET,
                Quantity.of("0.04016"), null, T0.plusSeconds(60));
    }

    @Test
    void aMarketOrderFillsAtTheNextBarsOpenWithTheFeeAndSubmissionIsIdempotent() {
        PaperExecutionClient venue = new PaperExecutionClient("paper", new BigDecimal("0.001"), "USDT");
        List<Fill> fills = new ArrayList<>();
        venue.setFillListener(f -> {
            fills.add(f);
            return CompletableFuture.completedFuture(null);
        });
        assertEquals(SubmitOutcome.ACCEPTED, venue.submit(buy("t1")).toCompletableFuture().join().outcome());
        assertEquals(SubmitOutcome.ACCEPTED, venue.submit(buy("t1")).toCompletableFuture().join().outcome());
        venue.onBar(bar(0, "24900.00")).toCompletableFuture().join();
        assertTrue(fills.isEmpty(), "decided at 10:01: the 10:00 bar is before the decision");
        venue.onBar(bar(1, "24901.37")).toCompletableFuture().join();
        venue.onBar(bar(2, "24950.00")).toCompletableFuture().join();
        assertEquals(1, fills.size(), "one order, one fill, whatever was sent twice");
        assertEquals(Price.of("24901.37"), fills.get(0).price());
        // 24901.37 x 0.04016 = 1000.0390192; x 0.001 = 1.0000390192 -> 1.00003902 half-even
        assertEquals(Money.of("1.00003902", "USDT"), fills.get(0).fee());
    }

    /** 1 bps as usual, 4 bps for a late decision. */
    private static final TakerCosts MEASURED = new TakerCosts() {
        @Override
        public TakerCost at(InstrumentId instrument, Instant time) {
            return new TakerCost(BigDecimal.ZERO, BigDecimal.ONE);
        }

        @Override
        public TakerCost late(InstrumentId instrument, Instant time) {
            return new TakerCost(BigDecimal.ZERO, new BigDecimal("4"));
        }
    };

    private static List<Fill> fillsWithLatency(long latencyMs) {
        PaperExecutionClient venue = new PaperExecutionClient("paper", BigDecimal.ZERO, "USDT", MEASURED,
                new LatencyPenalty(Duration.ofMillis(latencyMs), Duration.ofMillis(500)));
        List<Fill> fills = new ArrayList<>();
        venue.setFillListener(f -> {
            fills.add(f);
            return CompletableFuture.completedFuture(null);
        });
        venue.submit(buy("t3"));
        venue.submit(new OrderRequest(new ClientOrderId("t4"), new StrategyId("ema-cross"), BTC, OrderSide.SELL, OrderType.STOP_MARKET,
                Quantity.of("0.01"), Price.of("24898"), T0.plusSeconds(60)));
        venue.onBar(bar(1, "24901.37")).toCompletableFuture().join(); // low 24896.37: the stop triggers in the range
        assertEquals(2, fills.size());
        return fills;
    }

    @Test
    void aLateMarketOrderPaysTheLateCostAStopDoesNot() {
        List<Fill> late = fillsWithLatency(600);
        assertEquals(Price.of("24911.330548"), late.get(0).price(), "24901.37 × 1.0004: the late 4 bps");
        assertEquals(Price.of("24895.5102"), late.get(1).price(), "24898 × 0.9999: a stop pays the usual 1 bps");

        List<Fill> onTime = fillsWithLatency(500);
        assertEquals(Price.of("24903.860137"), onTime.get(0).price(), "at the threshold: 24901.37 × 1.0001");
        assertEquals(Price.of("24895.5102"), onTime.get(1).price());
    }

    @Test
    void aFillWhoseDeliveryFailedIsSentAgainUnchangedOnTheNextBar() {
        PaperExecutionClient venue = new PaperExecutionClient("paper", new BigDecimal("0.001"), "USDT");
        List<Fill> delivered = new ArrayList<>();
        int[] calls = {0};
        venue.setFillListener(f -> {
            calls[0]++;
            if (calls[0] == 1) {
                return CompletableFuture.failedFuture(new IllegalStateException("ask timed out"));
            }
            delivered.add(f);
            return CompletableFuture.completedFuture(null);
        });
        venue.submit(buy("t2")).toCompletableFuture().join();
        assertTrue(venue.onBar(bar(1, "24901.37")).toCompletableFuture().isCompletedExceptionally());
        venue.onBar(bar(2, "24950.00")).toCompletableFuture().join();
        venue.onBar(bar(3, "24960.00")).toCompletableFuture().join();
        assertEquals(1, delivered.size(), "sent again once, then done");
        assertEquals(Price.of("24901.37"), delivered.get(0).price(), "the same fill, not a new one at a later open");
        assertEquals("paper-t2-1", delivered.get(0).tradeId().value());
    }
}
