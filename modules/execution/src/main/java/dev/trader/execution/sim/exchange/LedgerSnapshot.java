package dev.trader.execution.sim.exchange;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated account at one moment, taken atomically: the truth tests and the end-of-demo
 * comparison check a client's own books against. Immutable.
 *
 * @param marketTime the market clock when it was taken
 * @param balances   per asset, sorted by asset
 * @param orders     every order ever accepted, by order id
 * @param trades     every fill, by trade id
 */
public record LedgerSnapshot(long marketTime, Map<String, BalanceView> balances, List<OrderView> orders, List<TradeView> trades) {
    public LedgerSnapshot {
        // Map.copyOf would lose the order: keep the sort by asset the balances are documented to have.
        balances = Collections.unmodifiableMap(new TreeMap<>(balances));
        orders = List.copyOf(orders);
        trades = List.copyOf(trades);
    }

    public BalanceView balance(String asset) {
        return balances.getOrDefault(asset, new BalanceView(asset, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    public Optional<OrderView> order(long orderId) {
        return orders.stream().filter(o -> o.orderId() == orderId).findFirst();
    }

    public Optional<OrderView> orderByClientId(String clientOrderId) {
        return orders.stream().filter(o -> o.clientOrderId().equals(clientOrderId)).reduce((a, b) -> b);
    }

    public List<TradeView> tradesOf(long orderId) {
        return trades.stream().filter(t -> t.orderId() == orderId).toList();
    }

    public List<OrderView> openOrders() {
        return orders.stream().filter(OrderView::isOpen).toList();
    }
}
