package dev.trader.engine.account;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.FixedPoint;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.signal.Signal;
import dev.trader.engine.account.AccountEntity.BarObserved;
import dev.trader.engine.account.AccountEntity.Event;
import dev.trader.engine.account.AccountEntity.IntentApproved;
import dev.trader.engine.account.AccountEntity.IntentRejected;
import dev.trader.engine.account.AccountEntity.RiskRecorded;
import dev.trader.engine.position.PositionIds;
import dev.trader.risk.Exposure;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.OpenPosition;
import dev.trader.risk.account.PendingEntry;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.governor.GovernorOutput;
import dev.trader.risk.limits.Correlations;
import dev.trader.risk.propfirm.Floors;
import dev.trader.risk.rules.EntryRequest;
import dev.trader.risk.rules.Evaluation;
import dev.trader.risk.rules.PreTradeDecision;
import dev.trader.risk.rules.PreTradeRisk;
import dev.trader.risk.sizing.StopMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the account does under the prop-firm model, as pure functions of its state to the events
 * to journal: the risk module decides ({@link PreTradeRisk}), every {@link RiskEvent} it returns
 * is journaled (in {@link RiskRecorded} or {@link BarObserved}) with the decision, and applied
 * by the event handler, so recovery replays them.
 */
final class PropFirmDesk {
    /** Signals place leg 0; a flatten places leg 1 of the position owner's intent at the bar's close time. */
    static final int FLATTEN_LEG = 1;
    /** The rule of an approved flatten exit (an approval otherwise says "approved"). */
    static final String FLATTEN = "flatten";
    /** Before the first bar the account's trading day is unknown: the first observation rolls from this day to the bar's. */
    static final LocalDate BEFORE_TRADING = LocalDate.EPOCH;
    private static final int LAST_REJECTIONS = 10;

    private final PreTradeRisk risk;
    private final NewsCalendar news;

    PropFirmDesk(PreTradeRisk risk, NewsCalendar news) {
        this.risk = risk;
        this.news = news;
    }

    /** An intent of a signal: entries through {@code evaluate}, reduce-only exits through {@code evaluateExit}. */
    List<Event> decide(AccountState state, Signal signal, OrderIntent intent, InstrumentRules rules, Price atr, Correlations correlations,
                       String accountId) {
        AccountRisk r = state.risk().risk();
        Exposure exposure = state.exposure(intent.instrument().value());
        if (!intent.reduceOnly() && intent.side() == OrderSide.SELL) {
            // The engine's books (positions, exits) are long-only: a spot venue cannot sell what it does not hold.
            return List.of(new IntentRejected(AccountEntity.rejection(intent, "long_only",
                    "short entries are not enabled: the engine's books are long-only", Map.of())));
        }
        Map<String, String> engineInputs = new LinkedHashMap<>();
        Evaluation e;
        if (intent.reduceOnly()) {
            e = risk.evaluateExit(r, intent);
        } else {
            EntryRequest request = entryRequest(signal, intent, atr, engineInputs);
            // The correlations the cap will see, with the held instruments, as inputs of the decision.
            state.books().values().stream().filter(b -> !b.filled().isZero() && !b.instrument().equals(intent.instrument().value()))
                    .sorted(Comparator.comparing(InstrumentBook::instrument))
                    .forEach(b -> engineInputs.put("correlation_" + b.instrument(), correlations.correlation(intent.instrument(), InstrumentId.parse(b.instrument()))
                            .stream().mapToObj(c -> String.format(Locale.ROOT, "%.4f", c)).findFirst().orElse("unknown")));
            e = risk.evaluate(r, request, correlations, news.calendar());
        }
        List<Event> events = new ArrayList<>(2);
        if (!e.events().isEmpty()) {
            events.add(new RiskRecorded(e.events()));
        }
        Map<String, String> inputs = new LinkedHashMap<>(e.decision().inputs());
        inputs.putAll(engineInputs);
        if (e.decision() instanceof PreTradeDecision.Rejected rejected) {
            events.add(new IntentRejected(AccountEntity.rejection(intent, rejected.rule(), rejected.reason(), inputs)));
            return events;
        }
        Quantity quantity = ((PreTradeDecision.Approved) e.decision()).quantity();
        if (intent.reduceOnly()) {
            // Never more than the engine holds and has not already sent an exit for.
            Quantity free = free(exposure, rules);
            if (free.isZero()) {
                events.add(new IntentRejected(AccountEntity.rejection(intent, "nothing_to_reduce",
                        "no filled quantity left to sell: an exit of " + exposure.pendingExit() + " is already pending", inputs)));
                return events;
            }
            quantity = quantity.min(free);
            inputs.put("quantity", quantity.toString());
        }
        events.add(approval(state, intent, quantity, "approved", intent.reason(), inputs, accountId));
        return events;
    }

    /**
     * The stop: a signal's {@code stop_price} when it has one (as the structure level with no ATR
     * buffer, so the stop is the strategy's, on the tick grid); otherwise the swing levels the
     * signal carries and the simple ATR(14) of the instrument's 1m bars, placed as
     * {@code trader.risk.sizing.stop-method} says. With {@code stop-method = atr}, swing levels and
     * {@code stop_price} are not used.
     */
    private EntryRequest entryRequest(Signal signal, OrderIntent intent, Price atr, Map<String, String> inputs) {
        Map<String, String> md = signal.metadata();
        Price stop = price(md.get("stop_price"));
        Price swingLow = price(md.get("swing_low"));
        Price swingHigh = price(md.get("swing_high"));
        boolean buy = intent.side() == OrderSide.BUY;
        if (stop != null && risk.config().sizing().stopMethod() != StopMethod.ATR) {
            inputs.put("stop_source", "signal stop_price " + stop);
            return new EntryRequest(intent, md.get("regime"), md.get("session"), null, buy ? stop : swingLow, buy ? swingHigh : stop);
        }
        inputs.put("stop_source", "sizing.stop-method with the simple ATR(14) of the 1m bars" + (swingLow != null || swingHigh != null ? " and the signal's swing levels" : ""));
        return new EntryRequest(intent, md.get("regime"), md.get("session"), atr, swingLow, swingHigh);
    }

    /** The second clamp on an approved order about to be sent. */
    Evaluation recheck(AccountState state, OrderRequest request, Correlations correlations) {
        return risk.recheck(state.risk().risk(), request, correlations, news.calendar());
    }

    /** A fill booked: the risk book opens, adds to or reduces the position, and releases what a finished order still reserved. */
    List<RiskEvent> fill(AccountState state, Fill fill, boolean orderDone) {
        AccountRisk r = state.risk().risk();
        PendingEntry reserved = r.pending().get(fill.clientOrderId());
        List<RiskEvent> out = new ArrayList<>(2);
        out.add(RiskEvent.Filled.of(fill, strategyOf(state, fill.clientOrderId(), fill.instrument()), reserved == null ? null : reserved.stop()));
        if (orderDone && reserved != null && reserved.remaining().compareTo(fill.quantity()) > 0) {
            out.add(new RiskEvent.OrderClosed(fill.time(), fill.clientOrderId()));
        }
        return out;
    }

    /** An order ended without (further) fills: its reservation, if any, is released. */
    List<RiskEvent> close(AccountState state, String clientOrderId) {
        ClientOrderId id = new ClientOrderId(clientOrderId);
        if (!state.risk().risk().pending().containsKey(id)) {
            return List.of();
        }
        return List.of(new RiskEvent.OrderClosed(now(state), id));
    }

    /**
     * A bar of {@code instrument} closed at {@code time}: the mark of a held position moves to the
     * close (persisted only then: marks of instruments not held change nothing), then the risk
     * module observes the account (day roll at Prague midnight, halt and flatten on a floor, the
     * drawdown lock). While a flatten is under way, every held position without an exit on its
     * way gets a reduce-only exit at this bar's time. A bar at or before the last observed one of
     * its instrument is a replay and changes nothing.
     */
    List<Event> observe(AccountState state, InstrumentId instrument, Price close, Instant time, Map<String, InstrumentRules> rules,
                        String accountId) {
        news.refresh();
        if (state.risk().seen(instrument.value(), time)) {
            return List.of();
        }
        AccountRisk r = state.risk().risk();
        List<RiskEvent> changes = new ArrayList<>();
        Optional<OpenPosition> held = r.position(instrument);
        if (held.isPresent() && !held.get().mark().equals(close)) {
            RiskEvent.Marked m = new RiskEvent.Marked(time, instrument, close);
            changes.add(m);
            r = r.apply(m);
        }
        changes.addAll(risk.observe(r, time));
        List<Event> events = new ArrayList<>();
        RiskLedger after = state.risk();
        if (!changes.isEmpty()) {
            events.add(new BarObserved(instrument.value(), time, changes));
            after = after.observed(instrument.value(), time, changes);
        }
        if (after.flattening()) {
            events.addAll(flatten(state, after, time, rules, accountId));
        }
        return events;
    }

    private List<Event> flatten(AccountState state, RiskLedger ledger, Instant time, Map<String, InstrumentRules> rules, String accountId) {
        AccountRisk r = ledger.risk();
        String rule = r.halt().map(h -> h.rule()).orElse("halt");
        List<Event> out = new ArrayList<>();
        List<InstrumentBook> books = state.books().values().stream().sorted(Comparator.comparing(InstrumentBook::instrument)).toList();
        for (InstrumentBook b : books) {
            InstrumentRules ir = rules.get(b.instrument());
            InstrumentId instrument = InstrumentId.parse(b.instrument());
            Optional<OpenPosition> p = r.position(instrument);
            if (b.filled().isZero() || b.owner() == null || ir == null || p.isEmpty()) {
                continue;
            }
            Quantity free = free(state.exposure(b.instrument()), ir);
            StrategyId owner = new StrategyId(b.owner());
            // The kill switch stops every order, a flatten's too: the exits follow once it is off.
            if (free.isZero() || r.killSwitchOn(owner)) {
                continue;
            }
            OrderIntent intent = new OrderIntent(owner, instrument, OrderSide.SELL, time, FLATTEN_LEG, p.get().mark(), true,
                    "flatten after " + rule);
            if (state.decisions().containsKey(intent.clientOrderId().value())) {
                continue;
            }
            Evaluation e = risk.evaluateExit(r, intent);
            if (!e.events().isEmpty()) {
                out.add(new RiskRecorded(e.events()));
                r = e.applyTo(r);
            }
            if (e.decision() instanceof PreTradeDecision.Approved a) {
                Map<String, String> inputs = new LinkedHashMap<>(a.inputs());
                inputs.put("halt_rule", rule);
                Quantity q = a.quantity().min(free);
                inputs.put("quantity", q.toString());
                out.add(approval(state, intent, q, FLATTEN, "flatten after " + rule + ": sell " + q + " " + instrument + " at market", inputs,
                        accountId));
            }
        }
        return out;
    }

    /** The flatten work still open: exits to (re)place and, while the flatten holds, entry orders to cancel. */
    Observation observation(AccountState state) {
        List<IntentDecision> place = new ArrayList<>();
        List<String> cancel = new ArrayList<>();
        state.openOrders().values().stream().sorted(Comparator.comparing(OpenOrder::clientOrderId)).forEach(o -> {
            IntentDecision d = state.decisions().get(o.clientOrderId());
            if (!o.entry() && d != null && FLATTEN.equals(d.rule())) {
                place.add(d);
            } else if (o.entry() && state.risk().flattening()) {
                cancel.add(o.clientOrderId());
            }
        });
        return place.isEmpty() && cancel.isEmpty() ? Observation.NONE : new Observation(place, cancel);
    }

    /** The kill switch, globally ({@code strategy} null) or for one strategy; nothing if it is already so. */
    List<RiskEvent> killSwitch(AccountState state, StrategyId strategy, boolean on, String reason) {
        AccountRisk r = state.risk().risk();
        boolean now = strategy == null ? r.globalKillSwitch() : r.killedStrategies().contains(strategy);
        if (now == on) {
            return List.of();
        }
        return List.of(new RiskEvent.KillSwitchSet(now(state), strategy, on, reason));
    }

    /** The trader's self-reported state at {@code time}; nothing if the same report at the same time is already in the book. */
    List<RiskEvent> selfReport(AccountState state, int selfState, Instant time) {
        AccountRisk r = state.risk().risk();
        if (r.selfReportedState().orElse(0) == selfState && time.equals(r.selfReportedAt().orElse(null))) {
            return List.of();
        }
        return List.of(new RiskEvent.SelfReported(time, selfState));
    }

    /** The rule of a flatten an operator asked for. */
    static final String OPERATOR_FLATTEN = "operator_flatten";

    /**
     * An operator flattens the account: it halts (no new entry) and closes every position at market
     * from the next bar, as a floor does; nothing if a flatten is already under way.
     */
    List<RiskEvent> flattenAll(AccountState state, String reason) {
        if (state.risk().flattening()) {
            return List.of();
        }
        Instant at = now(state);
        return List.of(new RiskEvent.Halted(at, OPERATOR_FLATTEN, false, java.util.Map.of("reason", reason)),
                new RiskEvent.FlattenRequested(at, OPERATOR_FLATTEN));
    }

    /** An operator lifts the halt; nothing if the account is not halted. */
    List<RiskEvent> clearHalt(AccountState state, String reason) {
        if (state.risk().risk().halt().isEmpty()) {
            return List.of();
        }
        return List.of(new RiskEvent.HaltCleared(now(state), reason));
    }

    /** The risk as of {@code asOf} (null before any event: the epoch then). */
    RiskStatus status(AccountState state, Instant asOf) {
        RiskLedger l = state.risk();
        AccountRisk r = l.risk();
        Instant now = asOf != null ? asOf : Instant.EPOCH;
        Floors f = risk.floors(r);
        GovernorOutput g = risk.governor(r, now);
        return new RiskStatus("prop-firm", asOf, r.tradingDay(), r.equity(), r.balance(), r.dayStartBalance(), f.daily(), f.overall(),
                r.halt().orElse(null), r.drawdownLockUntil().orElse(null), r.drawdownLocked(now), g.multiplier(), g.rule(), g.cooldownUntil(),
                r.selfReportedState().orElse(null), r.selfReportedAt().orElse(null),
                risk.progress(r), l.flattening(), r.globalKillSwitch(), l.killedStrategies(), r.blockedAttempts(), lastRejections(state));
    }

    static List<IntentDecision> lastRejections(AccountState state) {
        List<IntentDecision> all = state.recentRejections();
        List<IntentDecision> out = new ArrayList<>(all.subList(Math.max(0, all.size() - LAST_REJECTIONS), all.size()));
        Collections.reverse(out);
        return out;
    }

    private IntentApproved approval(AccountState state, OrderIntent intent, Quantity quantity, String rule, String reason,
                                    Map<String, String> inputs, String accountId) {
        boolean entry = !intent.reduceOnly();
        InstrumentBook book = state.book(intent.instrument().value());
        int seq = entry ? book.positionSeq() + 1 : book.positionSeq();
        OrderRequest request = new OrderRequest(intent.clientOrderId(), intent.strategy(), intent.instrument(), intent.side(), OrderType.MARKET,
                quantity, null, intent.decisionTime(), intent.reduceOnly());
        IntentDecision d = new IntentDecision(IntentDecision.Outcome.APPROVED, intent.clientOrderId().value(), intent.instrument().value(),
                intent.decisionTime(), request, PositionIds.of(accountId, intent.instrument(), seq), rule, reason, inputs);
        return new IntentApproved(d, entry, seq);
    }

    private static Quantity free(Exposure exposure, InstrumentRules rules) {
        return exposure.filled().compareTo(exposure.pendingExit()) > 0 ? rules.roundQuantityDown(exposure.filled().minus(exposure.pendingExit()))
                : Quantity.ZERO;
    }

    private static StrategyId strategyOf(AccountState state, ClientOrderId order, InstrumentId instrument) {
        IntentDecision d = state.decisions().get(order.value());
        if (d != null && d.request() != null) {
            return d.request().strategy();
        }
        String owner = state.book(instrument.value()).owner();
        return new StrategyId(owner != null ? owner : "unattributed");
    }

    /** The account's event time: the latest it has seen (the epoch before anything happened; never the wall clock). */
    static Instant now(AccountState state) {
        return state.risk().clock() != null ? state.risk().clock() : Instant.EPOCH;
    }

    /** A decimal from signal metadata, or null if absent or not a positive number. */
    private static Price price(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(text.trim());
            return v.signum() > 0 ? Price.of(v.setScale(Math.min(v.scale(), FixedPoint.MAX_SCALE), RoundingMode.HALF_EVEN)) : null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }
}
