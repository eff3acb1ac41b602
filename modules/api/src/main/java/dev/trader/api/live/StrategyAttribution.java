package dev.trader.api.live;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.order.OrderRequest;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.position.PositionState;
import dev.trader.engine.settings.StrategyBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which strategy a journal event belongs to, for keys limited to some strategies. Signals and
 * order requests name it; an order's later events and a position's do not, so the strategy of every
 * order requested is remembered (a bounded memory: what it has forgotten the caller asks the entity
 * for); a refused intent's client order id is derived from its strategy, instrument and signal
 * time, so it is found by deriving the id of each strategy configured on the instrument.
 */
final class StrategyAttribution {
    /** A strategy that could not be told: only keys that see every strategy are sent it (fail closed). */
    static final String UNATTRIBUTED = "";
    /** The account decides one order per signal: leg 0 (AccountEntity). */
    private static final int LEG = 0;
    private static final int REMEMBERED = 20_000;

    /** What an order's later events do not repeat. */
    record OrderFacts(String strategy, String instrument) {
    }

    private final List<StrategyBinding> bindings;
    private final Map<String, OrderFacts> orders = lru();
    private final Map<String, String> positions = lru();

    StrategyAttribution(List<StrategyBinding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    void remember(OrderRequest request, String positionId) {
        synchronized (this) {
            orders.put(request.clientOrderId().value(), new OrderFacts(request.strategy().value(), request.instrument().value()));
            if (positionId != null) {
                positions.put(positionId, request.strategy().value());
            }
        }
    }

    synchronized Optional<OrderFacts> order(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    /** The strategy whose signal the decision answered, or {@link #UNATTRIBUTED}. */
    String ofDecision(IntentDecision d) {
        if (d.request() != null) {
            return d.request().strategy().value();
        }
        if (d.decisionTime() == null || d.instrument() == null) {
            return UNATTRIBUTED;
        }
        InstrumentId instrument = InstrumentId.parse(d.instrument());
        for (StrategyBinding b : bindings) {
            if (b.instruments().contains(instrument)
                    && ClientOrderId.derive(b.strategy().id(), instrument, d.decisionTime(), LEG).value().equals(d.clientOrderId())) {
                return b.strategy().id().value();
            }
        }
        return UNATTRIBUTED;
    }

    /** The position's owner: the strategy its protective stop was approved for, else the one that requested its orders. */
    String ofPosition(String positionId, PositionState state) {
        if (state != null && state.protection() != null) {
            return state.protection().strategy();
        }
        synchronized (this) {
            return positions.getOrDefault(positionId, UNATTRIBUTED);
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
