package dev.trader.engine.position;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.id.TraceId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.position.Position;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.audit.AuditTag;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.settings.PersistenceTuning;
import dev.trader.risk.intrade.BarInputs;
import dev.trader.risk.intrade.ExitKind;
import dev.trader.risk.intrade.ExitOrder;
import dev.trader.risk.intrade.InTradeManager;
import dev.trader.risk.intrade.InTradePlan;
import dev.trader.risk.intrade.ManagedTrade;
import dev.trader.risk.intrade.SwingLevels;
import dev.trader.risk.intrade.TradeEvent;
import dev.trader.risk.intrade.Trailing;
import dev.trader.risk.intrade.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One position from open to close. Every fill is applied once per trade id, however often or
 * in whatever order it is delivered; the events carry the fill so P&L reconciles with fills.
 *
 * <p>With in-trade management on ({@code trader.risk.in-trade.enabled}) a position whose entry
 * came with a protective stop is managed by the risk module's {@link InTradeManager}: the stop
 * rests at the venue from the entry's own bar; at every bar's close the manager may move it
 * (break-even, trailing), ask for a time or signal exit, and keeps the scale-out rungs and the
 * target resting as limit orders. All exits are reduce-only orders in the position's name, each
 * under a client order id derived from (position, what it is for, how many of that kind ended
 * before), so a replay places nothing twice. Their fills are booked as the exit they are
 * ({@code StopHit}, {@code ScaledOut}, ...) with exact P&L, in the journaled events.
 */
public final class PositionEntity
        extends EventSourcedBehaviorWithEnforcedReplies<PositionEntity.Command, PositionEntity.Event, PositionState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Position");
    private static final Logger LOG = LoggerFactory.getLogger(PositionEntity.class);

    public sealed interface Command extends CborSerializable {
    }

    public record ApplyFill(Fill fill, ActorRef<PositionUpdated> replyTo) implements Command {
    }

    /**
     * The account approved an entry of {@code quantity} with a protective {@code stop}: journaled
     * before the entry is sent. Replies with the exit plan: the stop to send with the entry.
     */
    public record Protect(Price stop, Quantity quantity, String strategy, Instant decisionTime, ActorRef<ExitPlan> replyTo) implements Command {
    }

    /**
     * A bar of the position's instrument closed, after its fills: the manager's close step.
     * {@code atr} is the instrument's ATR at the close (null while unknown); {@code shortSignals}
     * the strategies that signalled SHORT on this bar. Replies with the exit plan.
     */
    public record ManageBar(Bar bar, Price atr, List<String> shortSignals, ActorRef<ExitPlan> replyTo) implements Command {
        public ManageBar {
            shortSignals = List.copyOf(shortSignals);
        }
    }

    /**
     * The protected entry ended without a fill (blocked before submission, rejected, cancelled):
     * the protection goes, and the plan cancels the stop sent with it.
     */
    public record DropProtection(String reason, ActorRef<ExitPlan> replyTo) implements Command {
    }

    /** What became of an exit plan: orders the venue has, and orders known to have ended (filled, cancelled, expired, rejected). */
    public record OrdersSettled(Map<String, ExitRef> placed, Set<String> ended, ActorRef<Done> replyTo) implements Command {
        public OrdersSettled {
            placed = Map.copyOf(placed);
            ended = Set.copyOf(ended);
        }
    }

    public record GetPosition(ActorRef<PositionState> replyTo) implements Command {
    }

    /**
     * The exit plan as it stands at {@code time}, nothing journaled: how a remainder no trade manages is
     * closed between bars. {@code marketPrice} is the latest price known then (the fill's), its market
     * orders' decision price; null if not known.
     */
    public record PlanExits(Instant time, Price marketPrice, ActorRef<ExitPlan> replyTo) implements Command {
        public PlanExits(Instant time, ActorRef<ExitPlan> replyTo) {
            this(time, null, replyTo);
        }
    }

    /**
     * @param remainder the position holds something no open trade manages (an exit that filled
     *                  beyond the holding, or after its trade ended): its plan closes it at market
     */
    public record PositionUpdated(boolean applied, Position position, boolean remainder) implements CborSerializable {
    }

    public sealed interface Event extends CborSerializable {
    }

    /**
     * A fill applied: the position, and for a managed one the manager's trade after it. For an exit
     * of a managed trade, {@code exit} is what it was and {@code exitPnl} its exact realized P&L.
     * {@code stopBreached}: the entry filled at or through its stop, so it is closed at market.
     */
    public sealed interface FillEvent extends Event {
        Fill fill();

        ManagedTrade managed();

        boolean stopBreached();

        /** For an exit of a managed trade, what it was; null otherwise. */
        ExitKind exit();

        /** For an exit of a managed trade, its exact realized P&L; null otherwise. */
        BigDecimal exitPnl();
    }

    public record PositionOpened(Fill fill, ManagedTrade managed, boolean stopBreached, ExitKind exit, BigDecimal exitPnl) implements FillEvent {
    }

    public record PositionChanged(Fill fill, ManagedTrade managed, boolean stopBreached, ExitKind exit, BigDecimal exitPnl) implements FillEvent {
    }

    public record PositionClosed(Fill fill, ManagedTrade managed, boolean stopBreached, ExitKind exit, BigDecimal exitPnl) implements FillEvent {
    }

    public record ProtectionSet(Protection protection) implements Event {
    }

    /**
     * The manager's close of {@code bar}: the trade after it, a stop move ({@code stopFrom} →
     * {@code stopTo} for {@code stopReason}; all null if none) and a market exit asked for (null if none).
     */
    public record BarManaged(Bar bar, ManagedTrade managed, Price stopFrom, Price stopTo, String stopReason, ExitKind exitRequested)
            implements Event {
    }

    public record ProtectionDropped(String reason) implements Event {
    }

    public record ExitOrdersSettled(Map<String, ExitRef> placed, Set<String> ended) implements Event {
    }

    private final String positionId;
    private final InstrumentId instrument;
    private final String currency;
    /** The plan of a trade in this position's instrument; null when in-trade management is off. */
    private final Function<InstrumentId, InTradePlan> plans;
    private final PersistenceTuning tuning;

    private PositionEntity(String positionId, String currency, Function<InstrumentId, InTradePlan> plans, PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), positionId), tuning.backoff());
        this.positionId = positionId;
        this.instrument = PositionIds.instrumentOf(positionId);
        this.currency = currency;
        this.plans = plans;
        this.tuning = tuning;
    }

    /** Without in-trade management. */
    public static Behavior<Command> create(String positionId, String currency, PersistenceTuning tuning) {
        return new PositionEntity(positionId, currency, null, tuning);
    }

    /** With in-trade management: {@code plans} gives the plan of a trade in an instrument. */
    public static Behavior<Command> create(String positionId, String currency, Function<InstrumentId, InTradePlan> plans, PersistenceTuning tuning) {
        return new PositionEntity(positionId, currency, plans, tuning);
    }

    @Override
    public PositionState emptyState() {
        return PositionState.empty(positionId, Position.flat(instrument, currency));
    }

    @Override
    public CommandHandlerWithReply<Command, Event, PositionState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(ApplyFill.class, this::onApplyFill)
                .onCommand(Protect.class, this::onProtect)
                .onCommand(ManageBar.class, this::onManageBar)
                .onCommand(OrdersSettled.class, this::onOrdersSettled)
                .onCommand(DropProtection.class, this::onDropProtection)
                .onCommand(GetPosition.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .onCommand(PlanExits.class, (state, cmd) -> Effect().reply(cmd.replyTo(), plan(state, cmd.time(), cmd.marketPrice())))
                .build();
    }

    private ReplyEffect<Event, PositionState> onApplyFill(PositionState state, ApplyFill cmd) {
        Fill fill = cmd.fill();
        if (state.appliedTradeIds().contains(fill.tradeId().value())) {
            return Effect().reply(cmd.replyTo(), new PositionUpdated(false, state.position(), hasRemainder(state)));
        }
        Position after = state.position().apply(fill);
        ManagedTrade managed = state.managed();
        boolean breached = state.stopBreached();
        ExitKind exit = null;
        BigDecimal exitPnl = null;
        if (fill.side() == OrderSide.BUY && plans != null && state.protection() != null && !after.isFlat()) {
            // The entry (or a later part of it, before any bar was managed) opens the managed trade at the average price.
            if (managed == null || (managed.barsInTrade() == 0 && managed.rungsDone() == 0 && managed.realizedPnl().signum() == 0)) {
                try {
                    managed = ManagedTrade.open(plans.apply(instrument), PositionSide.LONG, after.averagePrice(), state.protection().stop(), after.quantity());
                    breached = false;
                } catch (IllegalArgumentException e) {
                    log(state, () -> LOG.warn("position {}: entry filled at {} but cannot be managed ({}): closing it at market", positionId, fill.price(),
                            e.getMessage()));
                    managed = null;
                    breached = true;
                }
            }
        } else if (fill.side() == OrderSide.SELL && managed != null && !managed.isClosed()) {
            ExitRef ref = state.exitOrders().get(fill.clientOrderId().value());
            exit = ref == null ? ExitKind.OTHER : ref.kind();
            Transition t = InTradeManager.onExitFill(managed, exit, ref == null ? -1 : ref.rung(), fill.quantity(), fill.price());
            managed = t.trade();
            exitPnl = t.realizedPnlDelta();
            log(state, () -> LOG.info("position {}: {}", positionId, t.events()));
        }
        Event event = state.position().isFlat() ? new PositionOpened(fill, managed, breached, exit, exitPnl)
                : after.isFlat() ? new PositionClosed(fill, managed, breached, exit, exitPnl) : new PositionChanged(fill, managed, breached, exit, exitPnl);
        return Effect().persist(event).thenReply(cmd.replyTo(), s -> new PositionUpdated(true, s.position(), hasRemainder(s)));
    }

    private ReplyEffect<Event, PositionState> onProtect(PositionState state, Protect cmd) {
        if (plans == null) {
            return Effect().reply(cmd.replyTo(), ExitPlan.NONE);
        }
        if (state.protection() != null) {
            return Effect().reply(cmd.replyTo(), plan(state, state.protection().decisionTime(), null));
        }
        Protection p = new Protection(cmd.stop(), cmd.quantity(), cmd.strategy(), cmd.decisionTime());
        return Effect().persist(new ProtectionSet(p)).thenReply(cmd.replyTo(), s -> plan(s, p.decisionTime(), null));
    }

    private ReplyEffect<Event, PositionState> onDropProtection(PositionState state, DropProtection cmd) {
        if (state.protection() == null || state.everOpened()) {
            return Effect().reply(cmd.replyTo(), plan(state, Instant.EPOCH, null));
        }
        return Effect().persist(new ProtectionDropped(cmd.reason()))
                .thenRun(s -> log(state, () -> LOG.info("position {}: entry ended unfilled ({}): its stop is cancelled", positionId, cmd.reason())))
                .thenReply(cmd.replyTo(), s -> plan(s, Instant.EPOCH, null));
    }

    private ReplyEffect<Event, PositionState> onManageBar(PositionState state, ManageBar cmd) {
        Bar bar = cmd.bar();
        ManagedTrade trade = state.managed();
        boolean due = state.managing() && !bar.openTime().isBefore(state.protection().decisionTime())
                && (trade.lastBarOpen() == null || bar.openTime().isAfter(trade.lastBarOpen()));
        if (!due) {
            // Not managed, not yet filled, already closed, or a bar seen before: the plan as it stands.
            return Effect().reply(cmd.replyTo(), plan(state, bar.closeTime(), bar.close()));
        }
        BarInputs inputs = inputs(state, cmd, trade.plan());
        Transition t = InTradeManager.atClose(trade, bar, inputs);
        Price from = null;
        Price to = null;
        String reason = null;
        ExitKind requested = null;
        for (TradeEvent e : t.events()) {
            if (e instanceof TradeEvent.StopMoved m) {
                from = m.from();
                to = m.to();
                reason = m.reason().name();
            } else if (e instanceof TradeEvent.ExitRequested r) {
                requested = r.kind();
            }
        }
        BarManaged event = new BarManaged(bar, t.trade(), from, to, reason, requested);
        if (!t.events().isEmpty()) {
            log(state, () -> LOG.info("position {} at {}: {}", positionId, bar.closeTime(), t.events()));
        }
        return Effect().persist(event).thenReply(cmd.replyTo(), s -> plan(s, bar.closeTime(), bar.close()));
    }

    private static BarInputs inputs(PositionState state, ManageBar cmd, InTradePlan plan) {
        BarInputs inputs = new BarInputs(cmd.atr() == null ? Double.NaN : cmd.atr().toDouble(), null, null,
                cmd.shortSignals().contains(state.protection().strategy()));
        if (plan.trailing().mode() == Trailing.Mode.SWING) {
            List<Bar> bars = new ArrayList<>(state.recentBars());
            bars.add(cmd.bar());
            inputs = inputs.withSwingLow(SwingLevels.lastConfirmedLow(bars, plan.trailing().swingLookback()).orElse(null));
        }
        return inputs;
    }

    private ReplyEffect<Event, PositionState> onOrdersSettled(PositionState state, OrdersSettled cmd) {
        boolean news = cmd.placed().keySet().stream().anyMatch(id -> !state.liveOrders().contains(id) && !state.exitOrders().containsKey(id))
                || cmd.ended().stream().anyMatch(state.liveOrders()::contains);
        if (!news) {
            return Effect().reply(cmd.replyTo(), Done.getInstance());
        }
        return Effect().persist(new ExitOrdersSettled(cmd.placed(), cmd.ended())).thenReply(cmd.replyTo(), s -> Done.getInstance());
    }

    /** Something is held that no open managed trade manages (managed trades are long: a short is never one). */
    private static boolean hasRemainder(PositionState state) {
        return state.managed() != null && !state.position().isFlat()
                && (state.managed().isClosed() || state.position().side() == PositionSide.SHORT);
    }

    /**
     * The exit orders the position wants now, as requests decided at {@code time} (at {@code marketPrice},
     * when known), and its own live orders it no longer wants. Derived from the state alone, so asking
     * again is harmless.
     */
    ExitPlan plan(PositionState state, Instant time, Price marketPrice) {
        List<ExitOrder> wanted = new ArrayList<>();
        if (plans != null && state.protection() != null) {
            if (state.stopBreached() && !state.position().isFlat()) {
                wanted.add(new ExitOrder("exit-stop-breached", ExitKind.OTHER, -1, OrderType.MARKET, null, state.position().quantity()));
            } else if (hasRemainder(state)) {
                // An exit filled beyond what was held (a spot venue cannot cap a reduce-only order at the
                // holding: a rung and the stop that trade in one bar sell too much), or after the trade
                // ended (a cancel that lost the race to a fill). The remainder is nobody's trade: it is
                // closed at market.
                wanted.add(new ExitOrder("exit-overshoot", ExitKind.OTHER, -1, OrderType.MARKET, null, state.position().quantity()));
            } else if (state.managing()) {
                wanted.addAll(InTradeManager.workingOrders(state.managed(), state.marketExit()));
            } else if (!state.everOpened()) {
                Protection p = state.protection();
                wanted.add(InTradeManager.protectiveStop(plans.apply(instrument), PositionSide.LONG, p.stop(), p.quantity()));
                time = p.decisionTime();
            }
        }
        List<OrderRequest> place = new ArrayList<>();
        Map<String, ExitRef> purposes = new LinkedHashMap<>();
        // Managed trades are long: their exits sell, and only an overshoot's remainder (short) is bought back.
        OrderSide side = state.position().side() == PositionSide.SHORT ? OrderSide.BUY : OrderSide.SELL;
        for (ExitOrder o : wanted) {
            ClientOrderId id = idOf(state, o.key());
            place.add(new OrderRequest(id, new StrategyId(state.protection().strategy()), instrument, side, o.type(), o.quantity(),
                    o.price(), time, true));
            purposes.put(id.value(), new ExitRef(o.key(), o.kind(), o.rung()));
        }
        Set<String> cancel = new TreeSet<>(state.liveOrders());
        cancel.removeAll(purposes.keySet());
        return place.isEmpty() && cancel.isEmpty() ? ExitPlan.NONE : new ExitPlan(place, purposes, List.copyOf(cancel), marketPrice, trace(state));
    }

    /**
     * The decision chain of the entry that opened the position: its protection names the signal (strategy and
     * decision time), so its exits are logged under the entry's trace. Null for a position without protection.
     */
    private TraceId trace(PositionState state) {
        Protection p = state.protection();
        return p == null ? null : TraceId.ofSignal(new StrategyId(p.strategy()), instrument, p.decisionTime());
    }

    /** {@code line} with the position's entity id and the trace of its entry. */
    private void log(PositionState state, Runnable line) {
        LogScope.run(persistenceId().id(), trace(state), line);
    }

    /**
     * The client order id for the exit named {@code key}: one per (position, key, how many orders
     * under that key ended before), so an order the venue expired or refused is replaced by a new
     * one rather than "placed" again under an id the venue has closed.
     */
    private ClientOrderId idOf(PositionState state, String key) {
        long ended = state.exitOrders().entrySet().stream()
                .filter(e -> e.getValue().key().equals(key) && !state.liveOrders().contains(e.getKey())).count();
        return ClientOrderId.ofKey(positionId + "|" + key + "|" + ended);
    }

    /**
     * Fills (opened, changed, closed, with the exit and its P&L), the protective stop and the manager's
     * stop moves and exit requests go into the audit trail; quiet bars and order bookkeeping do not.
     */
    @Override
    public Set<String> tagsFor(Event event) {
        if (event instanceof BarManaged b) {
            return AuditTag.when(b.stopTo() != null || b.exitRequested() != null);
        }
        return AuditTag.when(!(event instanceof ExitOrdersSettled));
    }

    @Override
    public EventHandler<PositionState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(FillEvent.class, (state, e) -> state.apply(e.fill(), e.managed(), e.stopBreached()))
                .onEvent(ProtectionSet.class, (state, e) -> state.protectedBy(e.protection()))
                .onEvent(ProtectionDropped.class, (state, e) -> state.protectedBy(null))
                .onEvent(BarManaged.class, (state, e) -> state.managedBar(e.bar(), e.managed(), e.exitRequested()))
                .onEvent(ExitOrdersSettled.class, (state, e) -> state.settled(e.placed(), e.ended()))
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }
}
