package dev.trader.api.live;

import dev.trader.api.RiskViews;
import dev.trader.api.live.FeedData.BarData;
import dev.trader.api.live.FeedData.DecisionData;
import dev.trader.api.live.FeedData.FillData;
import dev.trader.api.live.FeedData.OrderData;
import dev.trader.api.live.FeedData.OrderSubmittedData;
import dev.trader.api.live.FeedData.PositionData;
import dev.trader.api.live.FeedData.SignalData;
import dev.trader.api.live.StrategyAttribution.OrderFacts;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.position.Position;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.GuardRules;
import dev.trader.engine.account.RiskStatus;
import dev.trader.engine.instrument.InstrumentEntity.BarAccepted;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import dev.trader.engine.strategy.StrategyEntity.SignalEmitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Sequence;

/**
 * Turns a batch of journal events tagged {@link dev.trader.engine.live.LiveTag#TAG} (in journal
 * order) into the feed's updates, each with the ordering of its event:
 *
 * <ul>
 *   <li>{@code bar} (BarAccepted), {@code signal} (SignalEmitted);</li>
 *   <li>toasts: {@code guard_reject} / {@code constraint_violation} (IntentRejected, by
 *       {@link GuardRules#isGuard}), {@code order_submitted} (OrderRequested), {@code fill} (OrderFilled);</li>
 *   <li>{@code order}: every later step of an order (submitted, accepted, rejected, unknown, cancelled, expired);</li>
 *   <li>state, at most one per batch and key, at the place of the last event that changed it:
 *       {@code position} (the entity's state now) and {@code risk} (the account's risk view now, after
 *       any account event or bar: bars move the marks).</li>
 * </ul>
 *
 * The asks for state and for what an order's later events do not name run once per batch (not
 * per client); one that fails leaves its message out, or its strategy unattributed, rather than
 * holding up the feed.
 */
final class JournalUpdates {
    private final Engine engine;
    private final Duration timeout;
    private final StrategyAttribution attribution;

    record Batch(long lastOrdering, List<FeedUpdate> updates) {
    }

    JournalUpdates(Engine engine, Duration timeout, StrategyAttribution attribution) {
        this.engine = engine;
        this.timeout = timeout;
        this.attribution = attribution;
    }

    CompletionStage<Batch> of(List<EventEnvelope> envelopes) {
        for (EventEnvelope env : envelopes) {
            if (env.event() instanceof OrderEntity.OrderRequested r) {
                attribution.remember(r.request(), r.positionId());
            }
        }
        Map<String, CompletableFuture<OrderFacts>> orders = new HashMap<>();
        Map<String, CompletableFuture<PositionState>> positions = new HashMap<>();
        Map<String, Long> lastOfPosition = new HashMap<>();
        long riskAt = 0;
        for (EventEnvelope env : envelopes) {
            Object event = env.event();
            if (event instanceof OrderEntity.Event && !(event instanceof OrderEntity.OrderRequested)) {
                needOrder(orders, entityId(env));
            } else if (event instanceof PositionEntity.Event) {
                positions.computeIfAbsent(entityId(env), this::askPosition);
                lastOfPosition.put(entityId(env), ordering(env));
                if (event instanceof PositionEntity.FillEvent f) {
                    needOrder(orders, f.fill().clientOrderId().value());
                }
            }
            if (event instanceof AccountEntity.Event || event instanceof BarAccepted) {
                riskAt = ordering(env);
            }
        }
        CompletableFuture<RiskStatus> risk = riskAt > 0 ? askRisk() : CompletableFuture.completedFuture(null);
        List<CompletableFuture<?>> all = new ArrayList<>(orders.values());
        all.addAll(positions.values());
        all.add(risk);
        long riskOrdering = riskAt;
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> build(envelopes, orders, positions, lastOfPosition, risk.join(), riskOrdering));
    }

    private Batch build(List<EventEnvelope> envelopes, Map<String, CompletableFuture<OrderFacts>> asked,
                        Map<String, CompletableFuture<PositionState>> positions, Map<String, Long> lastOfPosition, RiskStatus risk, long riskAt) {
        List<FeedUpdate> out = new ArrayList<>();
        long last = 0;
        for (EventEnvelope env : envelopes) {
            long ordering = ordering(env);
            last = Math.max(last, ordering);
            Object event = env.event();
            if (event instanceof BarAccepted b) {
                BarData bar = BarData.of(b.bar());
                out.add(new FeedUpdate("bar", ordering, "bar:" + bar.instrument() + ":" + bar.timeframe(), null, bar));
            } else if (event instanceof SignalEmitted s) {
                SignalData signal = SignalData.of(s.signal());
                out.add(new FeedUpdate("signal", ordering, "signal:" + signal.strategy() + ":" + signal.instrument(), signal.strategy(), signal));
            } else if (event instanceof AccountEntity.IntentRejected r) {
                String strategy = attribution.ofDecision(r.decision());
                String rule = r.decision().rule();
                out.add(new FeedUpdate(rule != null && GuardRules.isGuard(rule) ? "guard_reject" : "constraint_violation", ordering, null, strategy,
                        DecisionData.of(r.decision(), strategy)));
            } else if (event instanceof OrderEntity.Event e) {
                out.add(order(entityId(env), e, ordering, asked));
            } else if (event instanceof PositionEntity.Event e && lastOfPosition.get(entityId(env)) == ordering) {
                PositionState state = positions.get(entityId(env)).join();
                if (state != null) {
                    out.add(position(entityId(env), e, state, ordering, asked));
                }
            }
            if (ordering == riskAt && risk != null) {
                out.add(new FeedUpdate("risk", ordering, "risk", null, RiskViews.of(risk)));
            }
        }
        return new Batch(last, out);
    }

    private FeedUpdate order(String id, OrderEntity.Event event, long ordering, Map<String, CompletableFuture<OrderFacts>> asked) {
        if (event instanceof OrderEntity.OrderRequested r) {
            return new FeedUpdate("order_submitted", ordering, null, r.request().strategy().value(),
                    OrderSubmittedData.of(r.request(), r.positionId(), r.decisionPrice()));
        }
        OrderFacts facts = facts(id, asked);
        if (event instanceof OrderEntity.OrderFilled f) {
            return new FeedUpdate("fill", ordering, null, facts.strategy(), FillData.of(f.fill(), facts.strategy(), f.statusAfter().name()));
        }
        OrderData data = step(id, facts, event);
        return new FeedUpdate("order", ordering, "order:" + id, facts.strategy(), data);
    }

    /** An order's step after its request: the status it moved to, and what the venue said. */
    private static OrderData step(String id, OrderFacts facts, OrderEntity.Event event) {
        if (event instanceof OrderEntity.OrderAccepted a) {
            return new OrderData(id, facts.strategy(), facts.instrument(), "ACCEPTED", a.venueOrderId(), FeedData.text(a.venueQuantity()), null);
        }
        String status;
        String reason = null;
        if (event instanceof OrderEntity.OrderSubmitted) {
            status = "SUBMITTED";
        } else if (event instanceof OrderEntity.OrderRejected r) {
            status = "REJECTED";
            reason = r.reason();
        } else if (event instanceof OrderEntity.OrderStatusUnknown u) {
            status = "UNKNOWN";
            reason = u.reason();
        } else if (event instanceof OrderEntity.OrderCancelled c) {
            status = "CANCELLED";
            reason = c.reason();
        } else if (event instanceof OrderEntity.OrderExpired x) {
            status = "EXPIRED";
            reason = x.reason();
        } else {
            status = event.getClass().getSimpleName();
        }
        return new OrderData(id, facts.strategy(), facts.instrument(), status, null, null, reason);
    }

    private FeedUpdate position(String id, PositionEntity.Event event, PositionState state, long ordering,
                                Map<String, CompletableFuture<OrderFacts>> asked) {
        String strategy = attribution.ofPosition(id, state);
        if (strategy.equals(StrategyAttribution.UNATTRIBUTED) && event instanceof PositionEntity.FillEvent f) {
            strategy = facts(f.fill().clientOrderId().value(), asked).strategy();
        }
        Position p = state.position();
        Object stop = state.managed() != null ? state.managed().stop() : state.protection() != null ? state.protection().stop() : null;
        PositionData data = new PositionData(id, strategy, p.instrument().value(), happened(event), p.side().name(), p.quantity().toString(),
                FeedData.text(p.averagePrice()), p.realizedPnl().toBigDecimal().toPlainString(), p.fees().toBigDecimal().toPlainString(),
                FeedData.text(stop));
        return new FeedUpdate("position", ordering, "position:" + id, strategy, data);
    }

    private static String happened(PositionEntity.Event event) {
        if (event instanceof PositionEntity.PositionOpened) {
            return "opened";
        }
        if (event instanceof PositionEntity.PositionChanged) {
            return "changed";
        }
        if (event instanceof PositionEntity.PositionClosed) {
            return "closed";
        }
        if (event instanceof PositionEntity.ProtectionSet) {
            return "protected";
        }
        if (event instanceof PositionEntity.ProtectionDropped) {
            return "unprotected";
        }
        if (event instanceof PositionEntity.BarManaged m) {
            return m.stopTo() != null ? "stop_moved" : "exit_requested";
        }
        return event.getClass().getSimpleName();
    }

    private OrderFacts facts(String id, Map<String, CompletableFuture<OrderFacts>> asked) {
        OrderFacts known = attribution.order(id).orElse(null);
        if (known == null && asked.containsKey(id)) {
            known = asked.get(id).join();
        }
        return known != null ? known : new OrderFacts(StrategyAttribution.UNATTRIBUTED, null);
    }

    private void needOrder(Map<String, CompletableFuture<OrderFacts>> orders, String id) {
        if (attribution.order(id).isEmpty()) {
            orders.computeIfAbsent(id, this::askOrder);
        }
    }

    private CompletableFuture<OrderFacts> askOrder(String id) {
        try {
            return engine.order(new ClientOrderId(id)).<OrderState>ask(OrderEntity.GetOrder::new, timeout).toCompletableFuture()
                    .thenApply(s -> {
                        if (s.request() == null) {
                            return null;
                        }
                        attribution.remember(s.request(), s.positionId());
                        return new OrderFacts(s.request().strategy().value(), s.request().instrument().value());
                    })
                    .exceptionally(e -> null);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private CompletableFuture<PositionState> askPosition(String id) {
        return engine.position(id).<PositionState>ask(PositionEntity.GetPosition::new, timeout).toCompletableFuture().exceptionally(e -> null);
    }

    private CompletableFuture<RiskStatus> askRisk() {
        return engine.account().<RiskStatus>ask(AccountEntity.GetRiskStatus::new, timeout).toCompletableFuture().exceptionally(e -> null);
    }

    private static long ordering(EventEnvelope env) {
        return ((Sequence) env.offset()).value();
    }

    /** The entity id in a persistence id ({@code Order|t0a1b…} → {@code t0a1b…}). */
    private static String entityId(EventEnvelope env) {
        String pid = env.persistenceId();
        return pid.substring(pid.indexOf('|') + 1);
    }
}
