package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.SyntheticBars;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.pipeline.BarOutcome;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import dev.trader.risk.intrade.ExitKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardrail's crash again, on the production wiring, with in-trade management on (as
 * shipped): the protective stop approved with the entry rests at the paper venue from the
 * entry's bar, the crash fills it at its price, and the loss is the one risk sized for (0.5% of
 * equity, fees included) instead of a floor breach. Position, order, account and venue agree on
 * every figure.
 */
class RestingStopEndToEndTest {
    private static final Instant T0 = Instant.parse("2024-05-06T08:00:00Z");
    private static final Duration ASK = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    @Test
    void theRestingStopFillsAtItsPriceAndLimitsTheCrashToTheRiskSizedFor() throws Exception {
        // 20 falling closes, 20 LONG at 115, 21 the entry fills at 115, 22 crashes to 70 through the stop.
        List<String> closes = new ArrayList<>(SyntheticBars.falling("120", 20));
        closes.addAll(List.of("115", "116", "70", "69", "80", "79"));
        List<Bar> bars = SyntheticBars.bars(T0, closes, null);

        try (TraderNode node = TraderNode.start(SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("resting_stop", workDir))))) {
            List<BarOutcome> outcomes = SyntheticBars.feed(node, bars);
            IntentDecision entry = outcomes.get(20).decisions().get(0);
            assertTrue(entry.approved(), entry.reason() + " " + entry.inputs());
            Price stop = entry.protectiveStop();
            assertNotNull(stop, "the risk rules approved the entry with a stop: " + entry.inputs());

            PositionState position = node.engine().position(entry.positionId()).<PositionState>ask(PositionEntity.GetPosition::new, ASK)
                    .toCompletableFuture().get();
            assertTrue(position.isClosed(), "closed by its stop");
            assertTrue(position.managed().isClosed());
            String stopOrder = position.exitOrders().entrySet().stream().filter(e -> e.getValue().kind() == ExitKind.STOP)
                    .map(e -> e.getKey()).findFirst().orElseThrow();
            OrderState order = node.engine().order(new ClientOrderId(stopOrder))
                    .<OrderState>ask(OrderEntity.GetOrder::new, ASK).toCompletableFuture().get();
            assertEquals(OrderType.STOP_MARKET, order.request().type());
            assertTrue(order.request().reduceOnly());
            assertEquals(1, order.fills().size());
            Fill exit = order.fills().get(0);
            assertEquals(bars.get(22).openTime(), exit.time(), "the crash bar");
            assertEquals(position.managed().initialStop(), exit.price(), "filled at the stop, not at the crash's low");
            assertTrue(bars.get(22).open().compareTo(exit.price()) > 0, "the bar opened above the stop: no gap");

            // Realized P&L of the trade = (stop − entry) × quantity exactly, as the manager booked it.
            BigDecimal perUnit = exit.price().toBigDecimal().subtract(position.managed().entry().toBigDecimal());
            assertEquals(0, perUnit.multiply(exit.quantity().toBigDecimal()).compareTo(position.managed().realizedPnl()));

            OrderState entryOrder = node.engine().order(entry.request().clientOrderId()).<OrderState>ask(OrderEntity.GetOrder::new, ASK)
                    .toCompletableFuture().get();
            Money fees = entryOrder.fills().get(0).fee().plus(exit.fee());
            BigDecimal loss = position.managed().realizedPnl().negate().add(fees.toBigDecimal());
            // 0.5% of the 10,000 equity was put at risk at the stop, both fees included: the loss is exactly within it.
            assertTrue(loss.signum() > 0 && loss.compareTo(new BigDecimal("50")) <= 0, "lost " + loss);
            assertEquals(0L, outcomes.stream().flatMap(o -> o.decisions().stream()).filter(d -> "flatten".equals(d.rule())).count(),
                    "no floor was reached, so nothing was flattened");
            AccountState account = node.engine().account().<AccountState>ask(AccountEntity.GetStatus::new, ASK).toCompletableFuture().get();
            assertTrue(account.bookedTradeIds().contains(exit.tradeId().value()), "the account booked the stop's fill");
            System.out.printf("[resting-stop] entry %s, stop %s filled at %s on the crash bar (low %s): lost %s (fees included) of %s%n",
                    position.managed().entry(), stop, exit.price(), bars.get(22).low(), loss.toPlainString(), account.initialCapital());
        }
    }
}
