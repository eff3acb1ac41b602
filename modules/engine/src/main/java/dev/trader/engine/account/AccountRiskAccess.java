package dev.trader.engine.account;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Money;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.ClosedTrade;
import dev.trader.risk.account.Halt;
import dev.trader.risk.account.OpenPosition;
import dev.trader.risk.account.PendingEntry;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads every field of an {@link AccountRisk} into {@link RiskBook.Fields} and builds one back.
 *
 * <p>Why reflection: an {@code AccountRisk} can only be made by {@code start} and then events,
 * and it has no value equality, but the account's snapshots must hold it (snapshots are what
 * bound recovery time) and recovery must be checkable for equality. Until the risk module offers
 * a value form of its state, this class reaches into the private state holder by field name. It
 * refuses to load if the holder's fields are not exactly the ones it knows, so a change in the
 * risk module fails the first test or boot that touches the account, never silently drops state.
 * Collections are filled into the holder's own instances (its sorted maps keep their comparators).
 */
final class AccountRiskAccess {
    private static final List<String> KNOWN = List.of("initial", "balance", "dayStart", "highestEod", "tradingDay", "tradingDays",
            "lastFillDay", "positions", "pending", "globalKill", "strategyKills", "blocked", "halt", "lockUntil", "lockDay", "closed",
            "lossesToday", "selfState", "selfAt", "signals", "orders");

    private static final Field STATE;
    private static final Constructor<AccountRisk> WRAP;
    private static final Constructor<?> NEW_HOLDER;
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        try {
            STATE = AccountRisk.class.getDeclaredField("s");
            STATE.setAccessible(true);
            Class<?> holder = STATE.getType();
            WRAP = AccountRisk.class.getDeclaredConstructor(holder);
            WRAP.setAccessible(true);
            NEW_HOLDER = holder.getDeclaredConstructor();
            NEW_HOLDER.setAccessible(true);
            Set<String> actual = new TreeSet<>();
            for (Field f : holder.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    actual.add(f.getName());
                }
            }
            if (!actual.equals(new TreeSet<>(KNOWN))) {
                throw new IllegalStateException("AccountRisk's state holds " + actual + " but the account's snapshot form knows " + new TreeSet<>(KNOWN)
                        + ": update RiskBook.Fields and AccountRiskAccess with the risk module");
            }
            for (String name : KNOWN) {
                Field f = holder.getDeclaredField(name);
                f.setAccessible(true);
                FIELDS.put(name, f);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read AccountRisk's state: " + e, e);
        }
    }

    private AccountRiskAccess() {
    }

    static RiskBook.Fields read(AccountRisk risk) {
        try {
            Object b = STATE.get(risk);
            return new RiskBook.Fields((Money) get(b, "initial"), (Money) get(b, "balance"), (Money) get(b, "dayStart"),
                    (Money) get(b, "highestEod"), (LocalDate) get(b, "tradingDay"), (Integer) get(b, "tradingDays"),
                    (LocalDate) get(b, "lastFillDay"), new ArrayList<>(RiskBook.<InstrumentId, OpenPosition>map(get(b, "positions")).values()),
                    new ArrayList<>(RiskBook.<ClientOrderId, PendingEntry>map(get(b, "pending")).values()), (Boolean) get(b, "globalKill"),
                    new ArrayList<>(RiskBook.<StrategyId>collection(get(b, "strategyKills"))), RiskBook.<String, Long>map(get(b, "blocked")),
                    (Halt) get(b, "halt"), (Instant) get(b, "lockUntil"), (LocalDate) get(b, "lockDay"),
                    new ArrayList<>(RiskBook.<ClosedTrade>collection(get(b, "closed"))), new ArrayList<>(RiskBook.<Instant>collection(get(b, "lossesToday"))),
                    (Integer) get(b, "selfState"), (Instant) get(b, "selfAt"), RiskBook.<String, List<Instant>>map(get(b, "signals")),
                    RiskBook.<String, List<Instant>>map(get(b, "orders")));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read AccountRisk's state: " + e, e);
        }
    }

    static AccountRisk build(RiskBook.Fields f) {
        try {
            Object b = NEW_HOLDER.newInstance();
            set(b, "initial", f.initial());
            set(b, "balance", f.balance());
            set(b, "dayStart", f.dayStart());
            set(b, "highestEod", f.highestEod());
            set(b, "tradingDay", f.tradingDay());
            set(b, "tradingDays", f.tradingDays());
            set(b, "lastFillDay", f.lastFillDay());
            Map<InstrumentId, OpenPosition> positions = RiskBook.map(get(b, "positions"));
            f.positions().forEach(p -> positions.put(p.instrument(), p));
            Map<ClientOrderId, PendingEntry> pending = RiskBook.map(get(b, "pending"));
            f.pending().forEach(p -> pending.put(p.orderId(), p));
            set(b, "globalKill", f.globalKill());
            RiskBook.<StrategyId>collection(get(b, "strategyKills")).addAll(f.strategyKills());
            RiskBook.<String, Long>map(get(b, "blocked")).putAll(f.blocked());
            set(b, "halt", f.halt());
            set(b, "lockUntil", f.lockUntil());
            set(b, "lockDay", f.lockDay());
            RiskBook.<ClosedTrade>collection(get(b, "closed")).addAll(f.closed());
            RiskBook.<Instant>collection(get(b, "lossesToday")).addAll(f.lossesToday());
            set(b, "selfState", f.selfState());
            set(b, "selfAt", f.selfAt());
            // The windows are replaced list by list in apply, never changed in place: fresh lists are what it would hold.
            Map<String, List<Instant>> signals = RiskBook.map(get(b, "signals"));
            f.signals().forEach((tier, times) -> signals.put(tier, new ArrayList<>(times)));
            Map<String, List<Instant>> orders = RiskBook.map(get(b, "orders"));
            f.orders().forEach((tier, times) -> orders.put(tier, new ArrayList<>(times)));
            return WRAP.newInstance(b);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild AccountRisk: " + e, e);
        }
    }

    private static Object get(Object holder, String name) throws IllegalAccessException {
        return FIELDS.get(name).get(holder);
    }

    private static void set(Object holder, String name, Object value) throws IllegalAccessException {
        FIELDS.get(name).set(holder, value);
    }
}
