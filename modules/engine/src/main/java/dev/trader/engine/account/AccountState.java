package dev.trader.engine.account;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.engine.CborSerializable;
import dev.trader.risk.Exposure;
import dev.trader.risk.account.RiskEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's books: cash, what is held and pending per instrument, every decision by client
 * order id, the trade ids already booked (each fill moves cash exactly once), and the risk
 * state ({@link RiskLedger}: the prop-firm book, kill switches, blocked attempts).
 */
public record AccountState(String accountId, Money initialCapital, Money cash, boolean killSwitch,
                           Map<String, InstrumentBook> books, Map<String, OpenOrder> openOrders,
                           Map<String, IntentDecision> decisions, Set<String> bookedTradeIds,
                           long approvedCount, long rejectedCount, List<IntentDecision> recentRejections,
                           RiskLedger risk)
        implements CborSerializable {
    static final int RECENT_REJECTIONS = 50;
    /** Input of a flat-model kill-switch rejection: "global" or the strategy whose switch blocked it. */
    static final String KILL_SWITCH_SCOPE = "kill_switch_scope";

    public AccountState {
        // A snapshot written before the risk ledger existed has none: it was the flat model.
        risk = risk == null ? RiskLedger.flat() : risk;
    }

    static AccountState initial(String accountId, Money initialCapital, RiskLedger risk) {
        return new AccountState(accountId, initialCapital, initialCapital, false, Map.of(), Map.of(), Map.of(), Set.of(), 0, 0, List.of(), risk);
    }

    InstrumentBook book(String instrument) {
        return books.getOrDefault(instrument, InstrumentBook.empty(instrument));
    }

    Exposure exposure(String instrument) {
        Quantity entry = Quantity.ZERO;
        Quantity exit = Quantity.ZERO;
        for (OpenOrder o : openOrders.values()) {
            if (o.instrument().equals(instrument)) {
                if (o.entry()) {
                    entry = entry.plus(o.remaining());
                } else {
                    exit = exit.plus(o.remaining());
                }
            }
        }
        return new Exposure(book(instrument).filled(), entry, exit);
    }

    /** Whether the kill switch stops orders of {@code strategy}: globally or for it. */
    boolean killSwitchOn(String strategy) {
        return killSwitch || risk.killedStrategies().contains(strategy);
    }

    AccountState approved(IntentDecision d, boolean entry, int positionSeq) {
        Map<String, IntentDecision> ds = new HashMap<>(decisions);
        ds.put(d.clientOrderId(), d);
        Map<String, OpenOrder> open = new HashMap<>(openOrders);
        open.put(d.clientOrderId(), new OpenOrder(d.clientOrderId(), d.instrument(), d.request().side(), entry, d.request().quantity(), d.positionId()));
        InstrumentBook b = book(d.instrument());
        Map<String, InstrumentBook> bs = new HashMap<>(books);
        bs.put(d.instrument(), new InstrumentBook(d.instrument(), b.filled(), positionSeq, entry ? d.request().strategy().value() : b.owner()));
        return new AccountState(accountId, initialCapital, cash, killSwitch, Map.copyOf(bs), Map.copyOf(open), Map.copyOf(ds),
                bookedTradeIds, approvedCount + 1, rejectedCount, recentRejections, risk.at(d.decisionTime()));
    }

    AccountState rejected(IntentDecision d) {
        Map<String, IntentDecision> ds = new HashMap<>(decisions);
        ds.put(d.clientOrderId(), d);
        List<IntentDecision> recent = new ArrayList<>(recentRejections);
        recent.add(d);
        if (recent.size() > RECENT_REJECTIONS) {
            recent.remove(0);
        }
        RiskLedger r = risk.at(d.decisionTime());
        // Under the flat model the account counts the attempts its kill switch blocked; the prop-firm
        // book counts its own (AttemptBlocked events).
        if (!r.propFirm() && "kill_switch".equals(d.rule())) {
            r = r.blocked(d.inputs().getOrDefault(KILL_SWITCH_SCOPE, "global"));
        }
        return new AccountState(accountId, initialCapital, cash, killSwitch, books, openOrders, Map.copyOf(ds),
                bookedTradeIds, approvedCount, rejectedCount + 1, List.copyOf(recent), r);
    }

    AccountState ignored(IntentDecision d) {
        Map<String, IntentDecision> ds = new HashMap<>(decisions);
        ds.put(d.clientOrderId(), d);
        return new AccountState(accountId, initialCapital, cash, killSwitch, books, openOrders, Map.copyOf(ds),
                bookedTradeIds, approvedCount, rejectedCount, recentRejections, risk);
    }

    AccountState booked(Fill fill, Quantity heldAfter, boolean orderDone) {
        Money notional = fill.notional();
        Money newCash = fill.side() == OrderSide.BUY ? cash.minus(notional).minus(fill.fee()) : cash.plus(notional).minus(fill.fee());
        String instrument = fill.instrument().value();
        Map<String, InstrumentBook> bs = new HashMap<>(books);
        InstrumentBook b = book(instrument);
        Map<String, OpenOrder> open = new HashMap<>(openOrders);
        OpenOrder o = open.get(fill.clientOrderId().value());
        if (o != null) {
            Quantity left = o.remaining().compareTo(fill.quantity()) > 0 ? o.remaining().minus(fill.quantity()) : Quantity.ZERO;
            if (orderDone || left.isZero()) {
                open.remove(o.clientOrderId());
            } else {
                open.put(o.clientOrderId(), new OpenOrder(o.clientOrderId(), o.instrument(), o.side(), o.entry(), left, o.positionId()));
            }
        }
        boolean pending = open.values().stream().anyMatch(x -> x.instrument().equals(instrument));
        bs.put(instrument, new InstrumentBook(instrument, heldAfter, b.positionSeq(), heldAfter.isZero() && !pending ? null : b.owner()));
        Set<String> trades = new HashSet<>(bookedTradeIds);
        trades.add(fill.tradeId().value());
        return new AccountState(accountId, initialCapital, newCash, killSwitch, Map.copyOf(bs), Map.copyOf(open), decisions,
                Set.copyOf(trades), approvedCount, rejectedCount, recentRejections, risk.at(fill.time()));
    }

    AccountState orderClosed(String clientOrderId) {
        Map<String, OpenOrder> open = new HashMap<>(openOrders);
        OpenOrder closed = open.remove(clientOrderId);
        Map<String, InstrumentBook> bs = new HashMap<>(books);
        if (closed != null) {
            InstrumentBook b = book(closed.instrument());
            boolean pending = open.values().stream().anyMatch(x -> x.instrument().equals(closed.instrument()));
            bs.put(b.instrument(), new InstrumentBook(b.instrument(), b.filled(), b.positionSeq(), b.filled().isZero() && !pending ? null : b.owner()));
        }
        return new AccountState(accountId, initialCapital, cash, killSwitch, Map.copyOf(bs), Map.copyOf(open), decisions,
                bookedTradeIds, approvedCount, rejectedCount, recentRejections, risk);
    }

    AccountState withReconciliationHolds(Map<String, String> holds) {
        return withRisk(risk.withReconciliationHolds(holds), killSwitch);
    }

    /** The instruments whose entries a reconciliation stopped: instrument → what it could not explain. */
    public Map<String, String> reconciliationHolds() {
        return risk.reconciliationHolds();
    }

    AccountState withKillSwitch(boolean on) {
        return withRisk(risk, on);
    }

    AccountState withStrategyKillSwitch(String strategy, boolean on) {
        return withRisk(risk.withStrategyKill(strategy, on), killSwitch);
    }

    /** After journaled risk events: the global kill switch mirrors the book's. */
    AccountState riskApplied(List<RiskEvent> events) {
        RiskLedger r = risk.applied(events);
        return withRisk(r, r.risk().globalKillSwitch());
    }

    AccountState barObserved(String instrument, Instant closeTime, List<RiskEvent> events) {
        RiskLedger r = risk.observed(instrument, closeTime, events);
        return withRisk(r, r.risk().globalKillSwitch());
    }

    private AccountState withRisk(RiskLedger r, boolean global) {
        return new AccountState(accountId, initialCapital, cash, global, books, openOrders, decisions,
                bookedTradeIds, approvedCount, rejectedCount, recentRejections, r);
    }
}
