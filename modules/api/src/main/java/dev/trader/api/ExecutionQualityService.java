package dev.trader.api;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.ChildOrder;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.ParentOrderEntity;
import dev.trader.engine.order.ParentOrderState;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Orders and their execution quality, from the entities. The orders this node has placed are the
 * account's approved decisions (entries, signal exits, flatten exits) and the exit orders of every
 * position (stops, rungs, targets, market exits), each asked for its state; asking is bounded to
 * {@value #PARALLELISM} at a time so a long history does not wake every entity at once.
 */
public final class ExecutionQualityService {
    static final int PARALLELISM = 8;
    private final Engine engine;
    private final Duration timeout;

    public ExecutionQualityService(Engine engine, Duration timeout) {
        this.engine = engine;
        this.timeout = timeout;
    }

    /** The order, if it was ever placed here. */
    public CompletionStage<Optional<OrderState>> order(ClientOrderId id) {
        return engine.order(id).<OrderState>ask(OrderEntity.GetOrder::new, timeout).thenApply(o -> o.exists() ? Optional.of(o) : Optional.empty());
    }

    public CompletionStage<ExecutionQualityView> report() {
        return engine.account().<AccountState>ask(AccountEntity.GetStatus::new, timeout)
                .thenCompose(this::orderIds)
                .thenCompose(ids -> orders(ids).thenCompose(found -> {
                    // An approved entry an execution algorithm sliced has no order of its own: its children are the orders.
                    List<String> parents = ids.stream().filter(id -> !found.containsKey(id)).toList();
                    return Source.from(parents)
                            .mapAsync(PARALLELISM, id -> engine.parentOrder(new ClientOrderId(id)).<ParentOrderState>ask(ParentOrderEntity.GetParent::new, timeout))
                            .runWith(Sink.seq(), engine.system())
                            .thenCompose(ps -> orders(ps.stream().filter(ParentOrderState::exists).flatMap(p -> p.children().stream())
                                    .map(ChildOrder::clientOrderId).toList()))
                            .thenApply(children -> {
                                List<OrderState> all = new ArrayList<>(found.values());
                                all.addAll(children.values());
                                return all;
                            });
                }))
                .thenApply(ExecutionQualityReport::of);
    }

    /** The orders of these ids that exist, by id. */
    private CompletionStage<Map<String, OrderState>> orders(java.util.Collection<String> ids) {
        Map<String, OrderState> found = new java.util.concurrent.ConcurrentHashMap<>();
        return Source.from(List.copyOf(ids))
                .mapAsync(PARALLELISM, id -> engine.order(new ClientOrderId(id)).<OrderState>ask(OrderEntity.GetOrder::new, timeout)
                        .thenApply(o -> Map.entry(id, o)))
                .runWith(Sink.foreach(e -> {
                    if (e.getValue().exists()) {
                        found.put(e.getKey(), e.getValue());
                    }
                }), engine.system())
                .thenApply(done -> new java.util.TreeMap<>(found));
    }

    private CompletionStage<Set<String>> orderIds(AccountState account) {
        Set<String> ids = new TreeSet<>();
        account.decisions().values().stream().filter(d -> d.approved() && d.request() != null).map(IntentDecision::clientOrderId)
                .forEach(ids::add);
        List<String> positions = account.books().values().stream().flatMap(b -> b.positionIds(account.accountId()).stream()).toList();
        return Source.from(positions)
                .mapAsync(PARALLELISM, id -> engine.position(id).<PositionState>ask(PositionEntity.GetPosition::new, timeout))
                .runWith(Sink.foreach(p -> ids.addAll(p.exitOrders().keySet())), engine.system())
                .thenApply(done -> ids);
    }
}
