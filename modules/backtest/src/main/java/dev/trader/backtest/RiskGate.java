package dev.trader.backtest;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderSide;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.limits.Correlations;
import dev.trader.risk.rules.EntryRequest;
import dev.trader.risk.rules.Evaluation;
import dev.trader.risk.rules.PreTradeDecision;
import dev.trader.risk.rules.PreTradeRisk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link RiskMode#PROP_FIRM} in the loop: the engine's pure pre-trade risk, fed the run's own
 * events. Entries are decided by {@link PreTradeRisk#evaluate}; fills, order ends and marks
 * become {@link RiskEvent}s applied to one {@link AccountRisk}; {@link PreTradeRisk#observe}
 * runs at each bar close (rolling the day at Prague midnight, halting, asking to flatten).
 * No correlations and no news calendar: the backtester has neither.
 *
 * <p>{@code observe} is skipped at a close where nothing it looks at changed (flat, no fill since
 * the last observation, same day): its outcome there equals the previous one's.
 */
final class RiskGate {
    /** An approved entry: the id risk reserved it under, the quantity and the stop. */
    record Approval(ClientOrderId orderId, Quantity quantity, Price stop) {
    }

    private final PreTradeRisk risk;
    private final StrategyId strategy;
    private final Map<String, Long> rejections = new TreeMap<>();
    private final List<RiskEvent.Halted> halts = new ArrayList<>();
    private AccountRisk state;
    private Instant nextMidnight;
    private boolean dirty;
    private long approved;
    private long flattens;

    RiskGate(BacktestRisk settings, List<InstrumentId> instruments, String currency, StrategyId strategy, Instant start) {
        List<InstrumentRules> rules = new ArrayList<>();
        for (InstrumentId id : instruments) {
            rules.add(settings.rulesFor(id, currency));
        }
        this.risk = new PreTradeRisk(settings.config(), rules);
        this.strategy = strategy;
        this.state = risk.start(start);
        this.nextMidnight = risk.tradingDays().startOf(state.tradingDay().plusDays(1));
    }

    /**
     * Decides a LONG entry at {@code decisionTime} (the bar's close) at {@code reference}: the
     * stop is the signal's {@code stopPrice} when it has one (passed as the structure level, no
     * ATR buffer), else the risk settings' ATR stop on {@code atr}. Null when rejected.
     */
    Approval evaluate(InstrumentId instrument, Instant decisionTime, Price reference, Price stopPrice, Price atr) {
        OrderIntent intent = new OrderIntent(strategy, instrument, OrderSide.BUY, decisionTime, 0, reference, false, "backtest signal");
        EntryRequest request = new EntryRequest(intent, null, null, stopPrice != null ? null : atr, stopPrice, null);
        Evaluation e = risk.evaluate(state, request, Correlations.NONE, null);
        apply(e.events());
        if (e.decision() instanceof PreTradeDecision.Approved a) {
            approved++;
            return new Approval(intent.clientOrderId(), a.quantity(), a.stop());
        }
        rejections.merge(((PreTradeDecision.Rejected) e.decision()).rule(), 1L, Long::sum);
        return null;
    }

    /** A fill: of the entry reserved as {@code orderId} with its {@code stop}, or of an exit ({@code stop} null). */
    void fill(Fill fill, ClientOrderId orderId, Price stop) {
        apply(List.of(RiskEvent.Filled.of(new Fill(orderId, fill.tradeId(), fill.instrument(), fill.side(), fill.price(), fill.quantity(),
                fill.fee(), fill.time()), strategy, stop)));
        dirty = true;
    }

    /** The order {@code orderId} is done: what it still reserved is released (nothing if it reserved nothing). */
    void closed(ClientOrderId orderId, Instant time) {
        if (orderId != null && state.pending().containsKey(orderId)) {
            apply(List.of(new RiskEvent.OrderClosed(time, orderId)));
        }
    }

    /** A bar close of an instrument the account may hold. */
    void mark(InstrumentId instrument, Price close, Instant time) {
        if (state.position(instrument).isPresent()) {
            apply(List.of(new RiskEvent.Marked(time, instrument, close)));
        }
    }

    /** The close of a timestamp: true when risk asks for every position to be flattened. */
    boolean observe(Instant time) {
        if (!dirty && state.positions().isEmpty() && time.isBefore(nextMidnight)) {
            return false;
        }
        dirty = false;
        List<RiskEvent> events = risk.observe(state, time);
        apply(events);
        nextMidnight = risk.tradingDays().startOf(state.tradingDay().plusDays(1));
        boolean flatten = false;
        for (RiskEvent e : events) {
            if (e instanceof RiskEvent.FlattenRequested) {
                flatten = true;
            }
        }
        if (flatten) {
            flattens++;
        }
        return flatten;
    }

    private void apply(List<RiskEvent> events) {
        for (RiskEvent e : events) {
            if (e instanceof RiskEvent.Halted h) {
                halts.add(h);
            }
        }
        state = state.applyAll(events);
    }

    RiskSummary summary() {
        return new RiskSummary(approved, rejections, halts.size(), flattens, state.tradingDays());
    }
}
