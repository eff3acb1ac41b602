package dev.trader.execution.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stop and limit orders resting at the paper venue, and reduce-only exits. */
class PaperRestingOrdersTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final Instant T0 = Instant.parse("2023-03-17T10:00:00Z");
    private PaperExecutionClient venue;
    private final List<Fill> fills = new ArrayList<>();

    @BeforeEach
    void venue() {
        venue = new PaperExecutionClient("paper", BigDecimal.ZERO, "USDT");
        venue.setFillListener(f -> {
            fills.add(f);
            return CompletableFuture.completedFuture(null);
        });
    }

    private static Bar bar(int minute, String open, String high, String low, String close) {
        return new Bar(BTC, Timeframe.M1, T0.plusSeconds(60L * minute), Price.of(open), Price.of(high), Price.of(low), Price.of(close),
                Quantity.of("10"));
    }

    private void send(String id, OrderSide side, OrderType type, String quantity, String price, boolean reduceOnly) {
        OrderRequest r = new OrderRequest(new ClientOrderId(id), new StrategyId("s"), BTC, side, type, Quantity.of(quantity),
                price == null ? null : Price.of(price), T0, reduceOnly);
        venue.submit(r).toCompletableFuture().join();
    }

    private OrderStatus status(String id) {
        return venue.query(new ClientOrderId(id)).toCompletableFuture().join().orElseThrow();
    }

    private void hold(String quantity) {
        send("entry", OrderSide.BUY, OrderType.MARKET, quantity, null, false);
        venue.onBar(bar(0, "100", "100", "100", "100")).toCompletableFuture().join();
        fills.clear();
    }

    @Test
    void aSellStopFillsAtItsPriceWhenTheRangeReachesItAndAtTheOpenAfterAGap() {
        hold("2");
        send("stop-a", OrderSide.SELL, OrderType.STOP_MARKET, "1", "95", true);
        send("stop-b", OrderSide.SELL, OrderType.STOP_MARKET, "1", "90", true);
        venue.onBar(bar(1, "99", "101", "96", "97")).toCompletableFuture().join();
        assertTrue(fills.isEmpty(), "96 is above both stops");
        venue.onBar(bar(2, "97", "98", "94", "95")).toCompletableFuture().join();
        assertEquals(1, fills.size());
        assertEquals(Price.of("95"), fills.get(0).price(), "reached inside the bar: at the stop");
        venue.onBar(bar(3, "85", "86", "80", "84")).toCompletableFuture().join();
        assertEquals(Price.of("85"), fills.get(1).price(), "gapped through 90: at the open, not the stop");
        assertEquals(OrderStatus.FILLED, status("stop-b"));
    }

    @Test
    void aSellLimitFillsAtItsPriceOrAtABetterOpen() {
        hold("2");
        send("tp-a", OrderSide.SELL, OrderType.LIMIT, "1", "105", true);
        send("tp-b", OrderSide.SELL, OrderType.LIMIT, "1", "110", true);
        venue.onBar(bar(1, "101", "106", "100", "104")).toCompletableFuture().join();
        assertEquals(List.of(Price.of("105")), fills.stream().map(Fill::price).toList());
        venue.onBar(bar(2, "112", "113", "111", "112")).toCompletableFuture().join();
        assertEquals(Price.of("112"), fills.get(1).price(), "the open is better than the limit");
    }

    @Test
    void aBarThatReachesTheStopAndTheTargetFillsTheStopAndTheTargetExpires() {
        hold("1");
        send("tp", OrderSide.SELL, OrderType.LIMIT, "1", "105", true);
        send("stop", OrderSide.SELL, OrderType.STOP_MARKET, "1", "95", true);
        venue.onBar(bar(1, "100", "106", "94", "100")).toCompletableFuture().join();
        assertEquals(1, fills.size(), "one position, one exit");
        assertEquals(Price.of("95"), fills.get(0).price(), "the adverse case: the stop first");
        assertEquals(OrderStatus.EXPIRED, status("tp"), "nothing held: the reduce-only target can never fill");
        assertEquals(0, venue.holding(BTC).signum());
    }

    @Test
    void reduceOnlyExitsNeverSellMoreThanIsHeld() {
        hold("1");
        send("rung", OrderSide.SELL, OrderType.LIMIT, "0.6", "105", true);
        send("stop", OrderSide.SELL, OrderType.STOP_MARKET, "1", "95", true);
        venue.onBar(bar(1, "100", "106", "99", "104")).toCompletableFuture().join();
        venue.onBar(bar(2, "104", "104", "90", "91")).toCompletableFuture().join();
        assertEquals(List.of(Quantity.of("0.6"), Quantity.of("0.4")), fills.stream().map(Fill::quantity).toList());
        assertEquals(OrderStatus.EXPIRED, status("stop"), "the stop sold what was left (0.4 of 1); the rest expired");
        assertEquals(0, venue.holding(BTC).signum());
    }

    @Test
    void marketOrdersTradeBeforeRestingOrdersAtTheOpen() {
        hold("1");
        send("stop", OrderSide.SELL, OrderType.STOP_MARKET, "1", "95", true);
        send("exit", OrderSide.SELL, OrderType.MARKET, "1", null, true);
        venue.onBar(bar(1, "94", "95", "93", "94")).toCompletableFuture().join();
        assertEquals(List.of("exit"), fills.stream().map(f -> f.clientOrderId().value()).toList());
        assertEquals(OrderStatus.EXPIRED, status("stop"));
    }

    @Test
    void aRestoredHoldingLetsExitsFillAfterARestart() {
        venue.restoreHolding(BTC, Quantity.of("0.5"));
        send("stop", OrderSide.SELL, OrderType.STOP_MARKET, "0.5", "95", true);
        venue.onBar(bar(1, "96", "97", "94", "95")).toCompletableFuture().join();
        assertEquals(Quantity.of("0.5"), fills.get(0).quantity());
    }

    @Test
    void aCancelledStopNeverFills() {
        hold("1");
        send("stop", OrderSide.SELL, OrderType.STOP_MARKET, "1", "95", true);
        venue.cancel(new ClientOrderId("stop")).toCompletableFuture().join();
        venue.onBar(bar(1, "96", "97", "90", "95")).toCompletableFuture().join();
        assertTrue(fills.isEmpty());
        assertEquals(OrderStatus.CANCELLED, status("stop"));
    }
}
