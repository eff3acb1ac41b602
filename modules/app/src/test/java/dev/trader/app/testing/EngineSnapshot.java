package dev.trader.app.testing;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.InstrumentBook;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.instrument.InstrumentEntity;
import dev.trader.engine.instrument.InstrumentState;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionIds;
import dev.trader.engine.position.PositionState;
import dev.trader.engine.settings.StrategyBinding;
import dev.trader.engine.strategy.StrategyEntity;
import dev.trader.engine.strategy.StrategyEntityId;
import dev.trader.engine.strategy.StrategyEntityState;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The state of every entity the engine holds, read through the entities' own protocols. */
public record EngineSnapshot(Map<String, InstrumentState> instruments, Map<String, StrategyEntityState> strategies,
                             AccountState account, Map<String, OrderState> orders, Map<String, PositionState> positions) {
    private static final Duration T = Duration.ofSeconds(20);

    public static EngineSnapshot of(Engine engine) throws Exception {
        Map<String, InstrumentState> instruments = new TreeMap<>();
        for (String id : engine.settings().instruments().keySet()) {
            instruments.put(id, engine.instrument(InstrumentId.parse(id)).ask(InstrumentEntity.GetStatus::new, T).toCompletableFuture().get());
        }
        Map<String, StrategyEntityState> strategies = new TreeMap<>();
        for (StrategyBinding b : engine.settings().strategies()) {
            for (InstrumentId i : b.instruments()) {
                StrategyEntityId id = new StrategyEntityId(b.strategy().id(), i);
                strategies.put(id.value(), engine.strategy(id).ask(StrategyEntity.GetStatus::new, T).toCompletableFuture().get());
            }
        }
        AccountState account = engine.account().ask(AccountEntity.GetStatus::new, T).toCompletableFuture().get();
        Map<String, OrderState> orders = new TreeMap<>();
        for (IntentDecision d : account.decisions().values()) {
            if (d.approved()) {
                orders.put(d.clientOrderId(), engine.order(new ClientOrderId(d.clientOrderId())).ask(OrderEntity.GetOrder::new, T).toCompletableFuture().get());
            }
        }
        Map<String, PositionState> positions = new TreeMap<>();
        for (InstrumentBook book : account.books().values()) {
            for (int n = 1; n <= book.positionSeq(); n++) {
                String id = PositionIds.of(account.accountId(), InstrumentId.parse(book.instrument()), n);
                positions.put(id, engine.position(id).ask(PositionEntity.GetPosition::new, T).toCompletableFuture().get());
            }
        }
        return new EngineSnapshot(instruments, strategies, account, orders, positions);
    }
}
