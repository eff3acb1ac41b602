package dev.trader.execution.sim.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The simulated account: balances (free and locked per asset), every order and every fill. It is
 * the truth tests compare a client's view with, so it only moves by whole operations of the
 * {@link MatchingEngine} under this object's lock, and it can be read at any time as an atomic
 * {@link LedgerSnapshot}. Amounts are exact decimals of at most 8 places; nothing goes through
 * double. Conservation: per asset, total (free + locked) changes only by fills — base by the
 * quantity bought or sold, quote by the quote amount sold minus bought minus commissions.
 */
public final class SimLedger {
    private final Map<String, BigDecimal[]> balances = new TreeMap<>();
    private final Map<Long, WorkingOrder> orders = new LinkedHashMap<>();
    /** symbol NUL clientOrderId → the newest order with that id (ended ones too: the id may be reused once an order is closed). */
    private final Map<String, WorkingOrder> newestByClientId = new HashMap<>();
    private final List<TradeView> trades = new ArrayList<>();
    private long lastUpdate;

    public SimLedger(Map<String, BigDecimal> initial) {
        initial.forEach((asset, amount) -> balances.put(asset, new BigDecimal[] {amount, BigDecimal.ZERO}));
    }

    public synchronized LedgerSnapshot snapshot(long marketTime) {
        Map<String, BalanceView> b = new TreeMap<>();
        balances.keySet().forEach(a -> b.put(a, balance(a)));
        return new LedgerSnapshot(marketTime, b, orders.values().stream().map(WorkingOrder::view).toList(), trades);
    }

    public synchronized BalanceView balance(String asset) {
        BigDecimal[] fl = balances.get(asset);
        return fl == null ? new BalanceView(asset, BigDecimal.ZERO, BigDecimal.ZERO) : new BalanceView(asset, fl[0], fl[1]);
    }

    public synchronized List<BalanceView> balances() {
        return balances.keySet().stream().map(this::balance).toList();
    }

    /** Market time of the last balance change (the account's updateTime). */
    public synchronized long lastUpdate() {
        return lastUpdate;
    }

    public synchronized List<OrderView> orders(Predicate<OrderView> filter) {
        return orders.values().stream().map(WorkingOrder::view).filter(filter).toList();
    }

    public synchronized List<TradeView> trades(Predicate<TradeView> filter) {
        return trades.stream().filter(filter).toList();
    }

    /** Fills so far: what a poll for "every trade delivered" needs, without copying the ledger into a snapshot. */
    public synchronized int tradeCount() {
        return trades.size();
    }

    // Mutators: package-private, called by the engine holding this object's lock.

    void ensureAsset(String asset) {
        balances.computeIfAbsent(asset, a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    BigDecimal free(String asset) {
        BigDecimal[] fl = balances.get(asset);
        return fl == null ? BigDecimal.ZERO : fl[0];
    }

    /** Moves {@code amount} of {@code asset} from free to locked (amount ≤ free, checked by the caller). */
    void lock(String asset, BigDecimal amount, long time) {
        move(asset, amount.negate(), amount, time);
    }

    void unlock(String asset, BigDecimal amount, long time) {
        move(asset, amount, amount.negate(), time);
    }

    /** Adds {@code delta} (positive or negative) to the free balance: the settlement of a fill. */
    void credit(String asset, BigDecimal delta, long time) {
        move(asset, delta, BigDecimal.ZERO, time);
    }

    /** Takes {@code amount} out of the locked balance for good (base sold from a SELL order's lock). */
    void spendLocked(String asset, BigDecimal amount, long time) {
        move(asset, BigDecimal.ZERO, amount.negate(), time);
    }

    private void move(String asset, BigDecimal freeDelta, BigDecimal lockedDelta, long time) {
        ensureAsset(asset);
        BigDecimal[] fl = balances.get(asset);
        BigDecimal free = fl[0].add(freeDelta);
        BigDecimal locked = fl[1].add(lockedDelta);
        if (free.signum() < 0 || locked.signum() < 0) {
            // A bug in the engine, never a client error: refuse rather than corrupt the truth.
            throw new IllegalStateException("ledger would go negative on " + asset + ": free " + free.toPlainString() + ", locked " + locked.toPlainString());
        }
        fl[0] = free;
        fl[1] = locked;
        lastUpdate = Math.max(lastUpdate, time);
    }

    void add(WorkingOrder o) {
        orders.put(o.orderId, o);
        // Order ids only grow as orders are added, so the last one added under an id is the newest.
        newestByClientId.put(clientIdKey(o.symbol, o.clientOrderId), o);
    }

    WorkingOrder get(long orderId) {
        return orders.get(orderId);
    }

    /** The most recent order of {@code symbol} with {@code clientOrderId}. */
    Optional<WorkingOrder> byClientId(String symbol, String clientOrderId) {
        return Optional.ofNullable(newestByClientId.get(clientIdKey(symbol, clientOrderId)));
    }

    private static String clientIdKey(String symbol, String clientOrderId) {
        return symbol + '\u0000' + clientOrderId;
    }

    List<WorkingOrder> open(String symbol) {
        return orders.values().stream().filter(o -> o.status.isOpen() && o.symbol.equals(symbol)).toList();
    }

    void addTrade(TradeView t) {
        trades.add(t);
    }
}
