package dev.trader.engine.account;

import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's risk state beyond cash and books. {@code book} is the prop-firm model's
 * {@link AccountRisk} (null under the flat model). The kill switches by strategy and the
 * attempts they blocked are kept here in both models (under the prop-firm model they mirror the
 * book, which is their source). {@code observed} is the close time of the last bar per
 * instrument whose observation changed the risk state (a bar at or before it is a replay);
 * {@code clock} is the latest event time the account has seen, the "now" of operator commands
 * and of the status; {@code flattenRequestedAt} the time of the last flatten request;
 * {@code reconciliationHolds} the instruments whose entries the last reconciliation with the venue
 * stopped (instrument → what it could not explain), until a later one finds them explained.
 */
public record RiskLedger(RiskBook book, Set<String> killedStrategies, Map<String, Long> blockedAttempts,
                         Map<String, Instant> observed, Instant clock, Instant flattenRequestedAt,
                         Map<String, String> reconciliationHolds) {
    public RiskLedger {
        // Null in a snapshot written before reconciliation holds existed.
        reconciliationHolds = reconciliationHolds == null ? Map.of() : Map.copyOf(reconciliationHolds);
        killedStrategies = killedStrategies == null ? Set.of() : Set.copyOf(killedStrategies);
        blockedAttempts = blockedAttempts == null ? Map.of() : Map.copyOf(blockedAttempts);
        observed = observed == null ? Map.of() : Map.copyOf(observed);
    }

    static RiskLedger flat() {
        return new RiskLedger(null, Set.of(), Map.of(), Map.of(), null, null, Map.of());
    }

    static RiskLedger propFirm(AccountRisk start) {
        return new RiskLedger(RiskBook.of(start), Set.of(), Map.of(), Map.of(), null, null, Map.of());
    }

    boolean propFirm() {
        return book != null;
    }

    AccountRisk risk() {
        if (book == null) {
            throw new IllegalStateException("the flat risk model keeps no risk book");
        }
        return book.risk();
    }

    /** Whether a flatten was requested and the halt that asked for it still holds. */
    boolean flattening() {
        return book != null && flattenRequestedAt != null && book.risk().halt().isPresent();
    }

    /** After the risk events, in order: the book, its kill switches and blocked attempts mirrored, the clock and the flatten request. */
    RiskLedger applied(List<? extends RiskEvent> events) {
        RiskBook next = book.apply(events);
        AccountRisk r = next.risk();
        Set<String> killed = new HashSet<>();
        r.killedStrategies().forEach(s -> killed.add(s.value()));
        Instant flatten = flattenRequestedAt;
        Instant t = clock;
        for (RiskEvent e : events) {
            t = later(t, e.time());
            if (e instanceof RiskEvent.FlattenRequested) {
                flatten = e.time();
            }
        }
        return new RiskLedger(next, killed, r.blockedAttempts(), observed, t, flatten, reconciliationHolds);
    }

    RiskLedger observed(String instrument, Instant closeTime, List<? extends RiskEvent> events) {
        RiskLedger l = applied(events);
        Map<String, Instant> o = new HashMap<>(observed);
        o.put(instrument, closeTime);
        return new RiskLedger(l.book, l.killedStrategies, l.blockedAttempts, o, later(l.clock, closeTime), l.flattenRequestedAt, reconciliationHolds);
    }

    /** Whether a bar of {@code instrument} closing at {@code closeTime} was observed before. */
    boolean seen(String instrument, Instant closeTime) {
        Instant last = observed.get(instrument);
        return last != null && !closeTime.isAfter(last);
    }

    RiskLedger at(Instant time) {
        return new RiskLedger(book, killedStrategies, blockedAttempts, observed, later(clock, time), flattenRequestedAt, reconciliationHolds);
    }

    RiskLedger withStrategyKill(String strategy, boolean on) {
        Set<String> killed = new HashSet<>(killedStrategies);
        if (on) {
            killed.add(strategy);
        } else {
            killed.remove(strategy);
        }
        return new RiskLedger(book, killed, blockedAttempts, observed, clock, flattenRequestedAt, reconciliationHolds);
    }

    RiskLedger blocked(String scope) {
        Map<String, Long> b = new HashMap<>(blockedAttempts);
        b.merge(scope, 1L, Long::sum);
        return new RiskLedger(book, killedStrategies, b, observed, clock, flattenRequestedAt, reconciliationHolds);
    }

    RiskLedger withReconciliationHolds(Map<String, String> holds) {
        return new RiskLedger(book, killedStrategies, blockedAttempts, observed, clock, flattenRequestedAt, holds);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
