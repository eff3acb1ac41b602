package dev.trader.risk.account;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account as pre-trade risk sees it: balances (closed P&L, fees included), the balance at
 * the start of the trading day, the highest end-of-day balance, trading days, open positions
 * with their stops and marks, reserved (approved, unfilled) entries, kill switches and the
 * attempts they blocked, halts and locks, recent closed trades and today's losses, the hourly
 * signal and order windows per tier, and the trader's self-reported state.
 *
 * <p>Immutable: {@link #apply} returns the next state and is a pure function of this state
 * and the event. It takes no settings: decisions that depend on settings (rolling the day,
 * engaging a lock, halting) are made by {@code PreTradeRisk} and arrive here as events.
 */
public final class AccountRisk {
    /** How many closed trades are kept for the governor. */
    public static final int CLOSED_TRADES_KEPT = 200;
    /** The rate-limit window. */
    public static final Duration RATE_WINDOW = Duration.ofHours(1);
    /** Scope key of the global kill switch in {@link #blockedAttempts()}. */
    public static final String GLOBAL = "global";

    private static final Comparator<InstrumentId> BY_ID = Comparator.comparing(InstrumentId::value);
    private static final int AVERAGE_SCALE = 10;
    private static final int R_SCALE = 4;

    private final B s;

    private AccountRisk(B b) {
        this.s = b;
    }

    /** A fresh account on {@code tradingDay}: balance, day-start and highest EOD balance all at the initial capital. */
    public static AccountRisk start(Money initialCapital, LocalDate tradingDay) {
        Objects.requireNonNull(initialCapital, "initialCapital");
        Objects.requireNonNull(tradingDay, "tradingDay");
        if (initialCapital.isNegative() || initialCapital.raw() == 0) {
            throw new IllegalArgumentException("initial capital must be positive but was " + initialCapital);
        }
        B b = new B();
        b.initial = initialCapital;
        b.balance = initialCapital;
        b.dayStart = initialCapital;
        b.highestEod = initialCapital;
        b.tradingDay = tradingDay;
        return new AccountRisk(b);
    }

    /** The state as a plain value: {@code restore(s.snapshot())} decides and evolves exactly like {@code s}. */
    public Snapshot snapshot() {
        return new Snapshot(s.initial, s.balance, s.dayStart, s.highestEod, s.tradingDay, s.tradingDays, s.lastFillDay,
                new ArrayList<>(s.positions.values()), new ArrayList<>(s.pending.values()), s.globalKill, new ArrayList<>(s.strategyKills),
                s.blocked, s.halt, s.lockUntil, s.lockDay, s.closed, s.lossesToday, s.selfState, s.selfAt, s.signals, s.orders);
    }

    /** The state a {@link #snapshot()} was taken of. */
    public static AccountRisk restore(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (snapshot.initial().isNegative() || snapshot.initial().raw() == 0) {
            throw new IllegalArgumentException("initial capital must be positive but was " + snapshot.initial());
        }
        B b = new B();
        b.initial = snapshot.initial();
        b.balance = snapshot.balance();
        b.dayStart = snapshot.dayStart();
        b.highestEod = snapshot.highestEod();
        b.tradingDay = snapshot.tradingDay();
        b.tradingDays = snapshot.tradingDays();
        b.lastFillDay = snapshot.lastFillDay();
        for (OpenPosition p : snapshot.positions()) {
            if (b.positions.put(p.instrument(), p) != null) {
                throw new IllegalArgumentException("two positions of " + p.instrument() + " in " + snapshot);
            }
        }
        for (PendingEntry p : snapshot.pending()) {
            if (b.pending.put(p.orderId(), p) != null) {
                throw new IllegalArgumentException("two reservations of " + p.orderId() + " in " + snapshot);
            }
        }
        b.globalKill = snapshot.globalKill();
        for (StrategyId k : snapshot.strategyKills()) {
            if (!b.strategyKills.add(k)) {
                throw new IllegalArgumentException("the kill switch of " + k + " twice in " + snapshot);
            }
        }
        b.blocked.putAll(snapshot.blocked());
        b.halt = snapshot.halt();
        b.lockUntil = snapshot.lockUntil();
        b.lockDay = snapshot.lockDay();
        b.closed.addAll(snapshot.closed());
        b.lossesToday.addAll(snapshot.lossesToday());
        b.selfState = snapshot.selfState();
        b.selfAt = snapshot.selfAt();
        // apply replaces a window list by list, never changes one in place: fresh lists are what it would hold.
        snapshot.signals().forEach((tier, times) -> b.signals.put(tier, new ArrayList<>(times)));
        snapshot.orders().forEach((tier, times) -> b.orders.put(tier, new ArrayList<>(times)));
        return new AccountRisk(b);
    }

    /**
     * Everything an {@link AccountRisk} holds, as immutable plain values with value equality (the
     * form to persist and to compare it by). Positions (ordered by instrument id) and reservations
     * (in the order they were approved) are lists keyed by their own instrument and order id; every
     * map is keyed by a string and ordered by it. {@code lastFillDay}, {@code halt},
     * {@code lockUntil}, {@code lockDay}, {@code selfState} and {@code selfAt} may be null.
     */
    public record Snapshot(Money initial, Money balance, Money dayStart, Money highestEod, LocalDate tradingDay, int tradingDays,
                           LocalDate lastFillDay, List<OpenPosition> positions, List<PendingEntry> pending, boolean globalKill,
                           List<StrategyId> strategyKills, Map<String, Long> blocked, Halt halt, Instant lockUntil, LocalDate lockDay,
                           List<ClosedTrade> closed, List<Instant> lossesToday, Integer selfState, Instant selfAt,
                           Map<String, List<Instant>> signals, Map<String, List<Instant>> orders) {
        public Snapshot {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(balance, "balance");
            Objects.requireNonNull(dayStart, "dayStart");
            Objects.requireNonNull(highestEod, "highestEod");
            Objects.requireNonNull(tradingDay, "tradingDay");
            positions = positions == null ? List.of() : List.copyOf(positions);
            pending = pending == null ? List.of() : List.copyOf(pending);
            strategyKills = strategyKills == null ? List.of() : List.copyOf(strategyKills);
            blocked = sorted(blocked);
            closed = closed == null ? List.of() : List.copyOf(closed);
            lossesToday = lossesToday == null ? List.of() : List.copyOf(lossesToday);
            signals = windows(signals);
            orders = windows(orders);
        }

        private static <V> Map<String, V> sorted(Map<String, V> m) {
            Map<String, V> out = new TreeMap<>();
            if (m != null) {
                m.forEach((k, v) -> out.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
            }
            return Collections.unmodifiableMap(out);
        }

        private static Map<String, List<Instant>> windows(Map<String, List<Instant>> m) {
            Map<String, List<Instant>> out = new TreeMap<>();
            if (m != null) {
                m.forEach((k, v) -> out.put(Objects.requireNonNull(k, "tier"), List.copyOf(v)));
            }
            return Collections.unmodifiableMap(out);
        }
    }

    // ---- queries

    public String currency() {
        return s.initial.currency();
    }

    public Money initialCapital() {
        return s.initial;
    }

    /** Closed P&L and fees included, floating P&L not. */
    public Money balance() {
        return s.balance;
    }

    /** Balance plus floating P&L at the marks. */
    public Money equity() {
        BigDecimal floating = BigDecimal.ZERO;
        for (OpenPosition p : s.positions.values()) {
            floating = floating.add(p.unrealized());
        }
        return s.balance.plus(Money.of(floating, currency()));
    }

    public LocalDate tradingDay() {
        return s.tradingDay;
    }

    /** The balance at the start of the current trading day (previous local midnight). */
    public Money dayStartBalance() {
        return s.dayStart;
    }

    /** The highest balance at any day end so far (the initial capital to start with). */
    public Money highestEodBalance() {
        return s.highestEod;
    }

    /** Days with at least one fill. */
    public int tradingDays() {
        return s.tradingDays;
    }

    public Map<InstrumentId, OpenPosition> positions() {
        return Collections.unmodifiableMap(s.positions);
    }

    public Optional<OpenPosition> position(InstrumentId instrument) {
        return Optional.ofNullable(s.positions.get(instrument));
    }

    public Map<ClientOrderId, PendingEntry> pending() {
        return Collections.unmodifiableMap(s.pending);
    }

    public boolean globalKillSwitch() {
        return s.globalKill;
    }

    public Set<StrategyId> killedStrategies() {
        return Collections.unmodifiableSet(s.strategyKills);
    }

    /** Whether the kill switch stops orders of {@code strategy}: globally or for it. */
    public boolean killSwitchOn(StrategyId strategy) {
        return s.globalKill || s.strategyKills.contains(strategy);
    }

    /** Attempts the kill switch blocked, by scope ("global" or a strategy id). */
    public Map<String, Long> blockedAttempts() {
        return Collections.unmodifiableMap(s.blocked);
    }

    public long blockedAttemptsTotal() {
        long n = 0;
        for (long v : s.blocked.values()) {
            n += v;
        }
        return n;
    }

    public Optional<Halt> halt() {
        return Optional.ofNullable(s.halt);
    }

    /** Until when the daily drawdown lock holds (maybe in the past). */
    public Optional<Instant> drawdownLockUntil() {
        return Optional.ofNullable(s.lockUntil);
    }

    /** The trading day the drawdown lock last engaged on: it engages at most once a day. */
    public Optional<LocalDate> drawdownLockDay() {
        return Optional.ofNullable(s.lockDay);
    }

    public boolean drawdownLocked(Instant time) {
        return s.lockUntil != null && time.isBefore(s.lockUntil);
    }

    /** The last closed trades, oldest first. */
    public List<ClosedTrade> closedTrades() {
        return Collections.unmodifiableList(s.closed);
    }

    /** Times of today's losing closed trades. */
    public List<Instant> lossesToday() {
        return Collections.unmodifiableList(s.lossesToday);
    }

    public Optional<Instant> lastLossAt() {
        for (int i = s.closed.size() - 1; i >= 0; i--) {
            if (s.closed.get(i).loss()) {
                return Optional.of(s.closed.get(i).time());
            }
        }
        return Optional.empty();
    }

    public Optional<Integer> selfReportedState() {
        return Optional.ofNullable(s.selfState);
    }

    public Optional<Instant> selfReportedAt() {
        return Optional.ofNullable(s.selfAt);
    }

    /** Signals of {@code tier} within the hour up to and including {@code time}. */
    public int signalsInWindow(String tier, Instant time) {
        return countWindow(s.signals.get(tier), time);
    }

    /** Approved orders of {@code tier} within the hour up to and including {@code time}. */
    public int ordersInWindow(String tier, Instant time) {
        return countWindow(s.orders.get(tier), time);
    }

    private static int countWindow(List<Instant> times, Instant time) {
        if (times == null) {
            return 0;
        }
        Instant from = time.minus(RATE_WINDOW);
        int n = 0;
        for (Instant t : times) {
            if (t.isAfter(from) && !t.isAfter(time)) {
                n++;
            }
        }
        return n;
    }

    // ---- events

    public AccountRisk applyAll(List<? extends RiskEvent> events) {
        AccountRisk a = this;
        for (RiskEvent e : events) {
            a = a.apply(e);
        }
        return a;
    }

    public AccountRisk apply(RiskEvent event) {
        B b = s.copy();
        if (event instanceof RiskEvent.DayRolled e) {
            b.dayStart = b.balance;
            if (b.balance.compareTo(b.highestEod) > 0) {
                b.highestEod = b.balance;
            }
            b.tradingDay = e.day();
            b.lossesToday = new ArrayList<>();
            if (b.halt != null && b.halt.untilNextDay()) {
                b.halt = null;
            }
        } else if (event instanceof RiskEvent.Marked e) {
            OpenPosition p = b.positions.get(e.instrument());
            if (p != null) {
                b.positions.put(e.instrument(), new OpenPosition(p.instrument(), p.strategy(), p.side(), p.quantity(), p.averagePrice(),
                        p.stop(), e.mark(), p.initialRisk(), p.netPnl()));
            }
        } else if (event instanceof RiskEvent.Filled e) {
            fill(b, e);
        } else if (event instanceof RiskEvent.OrderClosed e) {
            b.pending.remove(e.orderId());
        } else if (event instanceof RiskEvent.StopMoved e) {
            OpenPosition p = b.positions.get(e.instrument());
            if (p != null) {
                b.positions.put(e.instrument(), new OpenPosition(p.instrument(), p.strategy(), p.side(), p.quantity(), p.averagePrice(),
                        e.stop(), p.mark(), p.initialRisk(), p.netPnl()));
            }
        } else if (event instanceof RiskEvent.KillSwitchSet e) {
            if (e.strategy() == null) {
                b.globalKill = e.on();
            } else if (e.on()) {
                b.strategyKills.add(e.strategy());
            } else {
                b.strategyKills.remove(e.strategy());
            }
        } else if (event instanceof RiskEvent.AttemptBlocked e) {
            b.blocked.merge(e.scope(), 1L, Long::sum);
        } else if (event instanceof RiskEvent.SelfReported e) {
            b.selfState = e.state();
            b.selfAt = e.time();
        } else if (event instanceof RiskEvent.IntentDecided e) {
            addToWindow(b.signals, e.tier(), e.time());
            if (e.approved()) {
                addToWindow(b.orders, e.tier(), e.time());
                b.pending.put(e.orderId(), new PendingEntry(e.orderId(), e.instrument(), e.strategy(), e.side(), e.quantity(), e.price(),
                        e.stop(), e.time()));
            }
        } else if (event instanceof RiskEvent.LockEngaged e) {
            b.lockUntil = e.until();
            b.lockDay = b.tradingDay;
        } else if (event instanceof RiskEvent.Halted e) {
            if (b.halt == null || (b.halt.untilNextDay() && !e.untilNextDay())) {
                b.halt = new Halt(e.rule(), e.time(), e.untilNextDay(), e.inputs());
            }
        } else if (event instanceof RiskEvent.FlattenRequested) {
            return this;
        } else if (event instanceof RiskEvent.HaltCleared) {
            b.halt = null;
        } else {
            throw new IllegalArgumentException("unknown risk event " + event);
        }
        return new AccountRisk(b);
    }

    private static void addToWindow(Map<String, List<Instant>> windows, String tier, Instant time) {
        List<Instant> list = new ArrayList<>();
        Instant from = time.minus(RATE_WINDOW);
        for (Instant t : windows.getOrDefault(tier, List.of())) {
            if (t.isAfter(from)) {
                list.add(t);
            }
        }
        list.add(time);
        windows.put(tier, list);
    }

    private void fill(B b, RiskEvent.Filled e) {
        String ccy = b.initial.currency();
        if (!e.fee().currency().equals(ccy)) {
            throw new IllegalArgumentException("fee of " + e.orderId() + " is in " + e.fee().currency() + " but the account books " + ccy);
        }
        if (!b.tradingDay.equals(b.lastFillDay)) {
            b.tradingDays++;
            b.lastFillDay = b.tradingDay;
        }
        PendingEntry pe = b.pending.get(e.orderId());
        if (pe != null) {
            Quantity left = pe.remaining().compareTo(e.quantity()) > 0 ? pe.remaining().minus(e.quantity()) : Quantity.ZERO;
            if (left.isZero()) {
                b.pending.remove(e.orderId());
            } else {
                b.pending.put(e.orderId(), new PendingEntry(pe.orderId(), pe.instrument(), pe.strategy(), pe.side(), left, pe.price(), pe.stop(), pe.time()));
            }
        }
        b.balance = b.balance.minus(e.fee());
        OpenPosition p = b.positions.get(e.instrument());
        if (p == null) {
            b.positions.put(e.instrument(), open(e, e.quantity(), e.fee(), ccy));
            return;
        }
        if (p.side() == e.side()) {
            Quantity total = p.quantity().plus(e.quantity());
            BigDecimal average = p.averagePrice().toBigDecimal().multiply(p.quantity().toBigDecimal())
                    .add(e.price().toBigDecimal().multiply(e.quantity().toBigDecimal()))
                    .divide(total.toBigDecimal(), AVERAGE_SCALE, RoundingMode.HALF_EVEN);
            Price stop = e.stop() != null ? e.stop() : p.stop();
            Money risk = p.initialRisk().plus(risk(e.price(), stop, e.quantity(), ccy));
            b.positions.put(e.instrument(), new OpenPosition(p.instrument(), p.strategy(), p.side(), total, Price.of(average), stop, e.price(),
                    risk, p.netPnl().minus(e.fee())));
            return;
        }
        Quantity closed = p.quantity().min(e.quantity());
        Money realized = Money.of(e.price().toBigDecimal().subtract(p.averagePrice().toBigDecimal())
                .multiply(closed.toBigDecimal()).multiply(BigDecimal.valueOf(p.sign())), ccy);
        b.balance = b.balance.plus(realized);
        Money net = p.netPnl().plus(realized).minus(e.fee());
        if (closed.compareTo(p.quantity()) < 0) {
            b.positions.put(e.instrument(), new OpenPosition(p.instrument(), p.strategy(), p.side(), p.quantity().minus(closed), p.averagePrice(),
                    p.stop(), e.price(), p.initialRisk(), net));
            return;
        }
        b.positions.remove(e.instrument());
        BigDecimal r = p.initialRisk().raw() == 0 ? null
                : net.toBigDecimal().divide(p.initialRisk().toBigDecimal(), R_SCALE, RoundingMode.HALF_EVEN);
        ClosedTrade trade = new ClosedTrade(e.time(), e.instrument(), net, r);
        b.closed.add(trade);
        if (b.closed.size() > CLOSED_TRADES_KEPT) {
            b.closed.remove(0);
        }
        if (trade.loss()) {
            b.lossesToday.add(e.time());
        }
        Quantity reversed = e.quantity().minus(closed);
        if (!reversed.isZero()) {
            b.positions.put(e.instrument(), open(e, reversed, Money.zero(ccy), ccy));
        }
    }

    private static OpenPosition open(RiskEvent.Filled e, Quantity quantity, Money fee, String ccy) {
        return new OpenPosition(e.instrument(), e.strategy(), e.side(), quantity, e.price(), e.stop(), e.price(),
                risk(e.price(), e.stop(), quantity, ccy), fee.negate());
    }

    private static Money risk(Price entry, Price stop, Quantity quantity, String ccy) {
        if (stop == null) {
            return Money.zero(ccy);
        }
        return Money.of(entry.toBigDecimal().subtract(stop.toBigDecimal()).abs().multiply(quantity.toBigDecimal()), ccy);
    }

    @Override
    public String toString() {
        return "AccountRisk[balance=" + s.balance + ", equity=" + equity() + ", day=" + s.tradingDay + ", dayStart=" + s.dayStart
                + ", highestEod=" + s.highestEod + ", positions=" + s.positions.values() + ", pending=" + s.pending.size()
                + ", kill=" + s.globalKill + "/" + s.strategyKills + ", halt=" + s.halt + ", lockUntil=" + s.lockUntil + "]";
    }

    /** The mutable working copy behind one state: never shared once the state is built. */
    private static final class B {
        Money initial;
        Money balance;
        Money dayStart;
        Money highestEod;
        LocalDate tradingDay;
        int tradingDays;
        LocalDate lastFillDay;
        Map<InstrumentId, OpenPosition> positions = new TreeMap<>(BY_ID);
        Map<ClientOrderId, PendingEntry> pending = new LinkedHashMap<>();
        boolean globalKill;
        Set<StrategyId> strategyKills = new LinkedHashSet<>();
        Map<String, Long> blocked = new TreeMap<>();
        Halt halt;
        Instant lockUntil;
        LocalDate lockDay;
        List<ClosedTrade> closed = new ArrayList<>();
        List<Instant> lossesToday = new ArrayList<>();
        Integer selfState;
        Instant selfAt;
        Map<String, List<Instant>> signals = new TreeMap<>();
        Map<String, List<Instant>> orders = new TreeMap<>();

        B copy() {
            B c = new B();
            c.initial = initial;
            c.balance = balance;
            c.dayStart = dayStart;
            c.highestEod = highestEod;
            c.tradingDay = tradingDay;
            c.tradingDays = tradingDays;
            c.lastFillDay = lastFillDay;
            c.positions = new TreeMap<>(BY_ID);
            c.positions.putAll(positions);
            c.pending = new LinkedHashMap<>(pending);
            c.globalKill = globalKill;
            c.strategyKills = new LinkedHashSet<>(strategyKills);
            c.blocked = new TreeMap<>(blocked);
            c.halt = halt;
            c.lockUntil = lockUntil;
            c.lockDay = lockDay;
            c.closed = new ArrayList<>(closed);
            c.lossesToday = new ArrayList<>(lossesToday);
            c.selfState = selfState;
            c.selfAt = selfAt;
            c.signals = new TreeMap<>(signals);
            c.orders = new TreeMap<>(orders);
            return c;
        }
    }
}
