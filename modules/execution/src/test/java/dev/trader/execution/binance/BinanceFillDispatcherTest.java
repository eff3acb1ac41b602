package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceFillDispatcherTest {
    private final ScheduledExecutorService executor = TestSetup.timer();
    private final FillDispatcher dispatcher = new FillDispatcher(executor, 3, 3, Duration.ofMillis(10));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static Fill fill(long tradeId) {
        return new Fill(new ClientOrderId("t1"), new TradeId("BTCUSDT-" + tradeId), TestSetup.BTC, OrderSide.BUY, Price.of("25000"),
                Quantity.of("0.001"), Money.zero("USDT"), Instant.EPOCH);
    }

    @Test
    void eachTradeIsDeliveredOnceWhicheverWayItArrives() {
        List<Fill> got = new CopyOnWriteArrayList<>();
        dispatcher.setListener(f -> {
            got.add(f);
            return CompletableFuture.completedFuture(null);
        });
        assertTrue(dispatcher.offer("BTCUSDT", 7, fill(7)));
        assertFalse(dispatcher.offer("BTCUSDT", 7, fill(7)), "the same trade from the repair");
        assertTrue(dispatcher.offer("ETHUSDT", 7, fill(7)), "trade ids are per symbol");
        TestSetup.join(dispatcher.idle());
        assertEquals(2, got.size());
        assertEquals(7, dispatcher.lastTradeId("BTCUSDT").getAsLong());
    }

    @Test
    void theNextFillWaitsForTheListenersStageAndOrderIsKept() {
        List<CompletableFuture<Void>> stages = new CopyOnWriteArrayList<>();
        List<Fill> got = new CopyOnWriteArrayList<>();
        dispatcher.setListener(f -> {
            got.add(f);
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        });
        dispatcher.offer("BTCUSDT", 2, fill(2));
        dispatcher.offer("BTCUSDT", 1, fill(1)); // reordered: delivered as accepted
        dispatcher.offer("BTCUSDT", 3, fill(3));
        TestSetup.waitUntil("the first is delivered", () -> got.size() == 1);
        sleep(50);
        assertEquals(1, got.size(), "the second waits for the first stage");
        stages.get(0).complete(null);
        TestSetup.waitUntil("the second is delivered", () -> got.size() == 2);
        stages.get(1).complete(null);
        TestSetup.waitUntil("the third is delivered", () -> got.size() == 3);
        stages.get(2).complete(null);
        TestSetup.join(dispatcher.idle());
        assertEquals(List.of("BTCUSDT-2", "BTCUSDT-1", "BTCUSDT-3"), got.stream().map(f -> f.tradeId().value()).toList());
    }

    @Test
    void aFailedStageIsRetriedWithTheSameFill() {
        AtomicInteger calls = new AtomicInteger();
        dispatcher.setListener(f -> calls.incrementAndGet() == 1 ? CompletableFuture.failedFuture(new IllegalStateException("ask timed out"))
                : CompletableFuture.completedFuture(null));
        dispatcher.offer("BTCUSDT", 1, fill(1));
        TestSetup.join(dispatcher.idle());
        assertEquals(2, calls.get());
        assertEquals(1, dispatcher.delivered());
        assertEquals(0, dispatcher.abandoned());
    }

    @Test
    void fillsWaitForAListenerAndTheSeenSetIsBounded() {
        for (long id = 1; id <= 5; id++) {
            dispatcher.offer("BTCUSDT", id, fill(id));
        }
        List<Fill> got = new CopyOnWriteArrayList<>();
        dispatcher.setListener(f -> {
            got.add(f);
            return CompletableFuture.completedFuture(null);
        });
        TestSetup.join(dispatcher.idle());
        assertEquals(5, got.size());
        assertFalse(dispatcher.seen("BTCUSDT", 1), "capacity 3: the oldest are forgotten");
        assertTrue(dispatcher.seen("BTCUSDT", 5));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
