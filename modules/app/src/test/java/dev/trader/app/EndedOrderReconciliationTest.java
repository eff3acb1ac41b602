package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order the account holds open that ended at the venue without the account hearing of it
 * (here: cancelled straight at its order entity, as a venue's own cancel or a late query answer
 * ends it) is closed in the account when the session reconciles its open orders; before that it
 * holds the account's reservation. The CI chaos run found such an order after a failover.
 */
class EndedOrderReconciliationTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");

    @TempDir
    Path workDir;

    @Test
    void anOrderThatEndedAtTheVenueIsClosedInTheAccountWhenTheSessionReconciles() throws Exception {
        try (TraderNode node = TraderNode.start(TestNodes.config(new H2Backend().freshJournal("ended_order", workDir)))) {
            Engine engine = node.engine();
            Duration t = engine.settings().askTimeout();
            Instant at = Instant.parse("2023-03-17T10:00:00Z");
            engine.account().<dev.trader.engine.account.Observation>ask(r -> new AccountEntity.ObserveBar(BTC, Price.of("25000"), at, r), t)
                    .toCompletableFuture().get();
            Signal entry = new Signal(new StrategyId("ema-cross"), BTC, Timeframe.M1, at, SignalDirection.LONG, 0.5, Price.of("25000"), "test entry",
                    Map.of("stop_price", "24800"));
            IntentDecision d = engine.account().<IntentDecision>ask(r -> new AccountEntity.EvaluateSignal(entry, Price.of("100"), r), t)
                    .toCompletableFuture().get();
            assertEquals(IntentDecision.Outcome.APPROVED, d.outcome(), d.reason());
            String id = d.clientOrderId();
            OrderState placed = engine.order(d.request().clientOrderId()).<OrderState>ask(r -> new OrderEntity.Place(d.request(), d.positionId(), r), t)
                    .toCompletableFuture().get();
            assertEquals(OrderStatus.ACCEPTED, placed.status(), "the paper venue fills a market order at the next bar");
            OrderState ended = engine.order(d.request().clientOrderId()).<OrderState>ask(r -> new OrderEntity.Cancel("the venue ended it", r), t)
                    .toCompletableFuture().get();
            assertEquals(OrderStatus.CANCELLED, ended.status());
            assertTrue(account(engine, t).openOrders().containsKey(id), "the account was not told: it still reserves for the order");

            node.session().reconcileOpenOrders();

            assertFalse(account(engine, t).openOrders().containsKey(id), "closed in the account by the reconciliation");
            node.session().reconcileOpenOrders();
            assertFalse(account(engine, t).openOrders().containsKey(id), "and a second reconciliation changes nothing");
        }
    }

    private static AccountState account(Engine engine, Duration t) throws Exception {
        return engine.account().<AccountState>ask(AccountEntity.GetStatus::new, t).toCompletableFuture().get();
    }
}
