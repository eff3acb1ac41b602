package dev.trader.app;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.InstrumentBook;
import dev.trader.engine.account.OpenOrder;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.ParentOrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.execution.sim.exchange.LedgerSnapshot;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.TradeView;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Our books against the exchange simulator's ledger, the truth: one exchange order per client
 * order id (nothing sent twice), every order the exchange has is
 * ours with the same status and filled quantity, every exchange trade is a fill of that order
 * (same price, quantity and fee) and no fill is extra, every order we hold open is open there,
 * and each balance moved by exactly what our books say (cash by the quote, each position by its
 * base asset).
 */
final class LedgerCheck {
    /**
     * @param warnings what agrees with the exchange but needs an operator: a position that is not
     *                 the instrument's latest yet holds something (an exit that filled after its
     *                 position closed, when a cancel lost the race), which nothing manages yet
     */
    record Result(int orders, int trades, List<String> differences, List<String> warnings) {
        boolean equal() {
            return differences.isEmpty();
        }
    }

    private LedgerCheck() {
    }

    static Result compare(Engine engine, LedgerSnapshot ledger, Map<String, BigDecimal> initialBalances) throws Exception {
        Duration timeout = engine.settings().askTimeout();
        List<String> differences = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Long, List<TradeView>> tradesByOrder = new HashMap<>();
        ledger.trades().forEach(t -> tradesByOrder.computeIfAbsent(t.orderId(), k -> new ArrayList<>()).add(t));
        Map<String, Integer> perClientId = new HashMap<>();
        ledger.orders().forEach(o -> perClientId.merge(o.clientOrderId(), 1, Integer::sum));
        perClientId.forEach((id, n) -> {
            if (n > 1) {
                differences.add(n + " exchange orders under client order id " + id + ": an order was sent twice");
            }
        });
        for (OrderView o : ledger.orders()) {
            OrderState ours = engine.order(new ClientOrderId(o.clientOrderId())).ask(OrderEntity.GetOrder::new, timeout).toCompletableFuture().get();
            String name = "order " + o.clientOrderId() + " (" + o.symbol() + " #" + o.orderId() + ")";
            if (!ours.exists()) {
                differences.add(name + " is at the exchange but not ours");
                continue;
            }
            OrderStatus expected = switch (o.status()) {
                case NEW -> OrderStatus.ACCEPTED;
                case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
                case FILLED -> OrderStatus.FILLED;
                case CANCELED -> OrderStatus.CANCELLED;
                case EXPIRED -> OrderStatus.EXPIRED;
                case REJECTED -> OrderStatus.REJECTED;
            };
            if (ours.status() != expected) {
                differences.add(name + ": exchange " + o.status() + ", ours " + ours.status());
            }
            if (ours.filledQuantity().toBigDecimal().compareTo(o.executedQty()) != 0) {
                differences.add(name + ": exchange executed " + o.executedQty().toPlainString() + ", ours filled " + ours.filledQuantity());
            }
            compareFills(name, o, tradesByOrder.getOrDefault(o.orderId(), List.of()), ours.fills(), differences);
        }
        AccountState account = engine.account().ask(AccountEntity.GetStatus::new, timeout).toCompletableFuture().get();
        for (OpenOrder open : account.openOrders().values()) {
            boolean parent = engine.parentOrder(new ClientOrderId(open.clientOrderId())).ask(ParentOrderEntity.GetParent::new, timeout)
                    .toCompletableFuture().get().exists();
            // A parent order's own id never reaches the exchange (between two slices nothing of it rests there); its children are compared above.
            if (!parent && ledger.orderByClientId(open.clientOrderId()).filter(v -> v.status().isOpen()).isEmpty()) {
                differences.add("order " + open.clientOrderId() + " is open in our account but not at the exchange");
            }
        }
        String quote = engine.settings().currency();
        BigDecimal cashMoved = account.cash().toBigDecimal().subtract(account.initialCapital().toBigDecimal());
        compareBalance(quote, cashMoved, ledger, initialBalances, differences);
        for (InstrumentBook book : account.books().values()) {
            // The base asset moved by what all the instrument's positions hold, signed: a late exit fill
            // (a cancel that lost a race) lands on the position it belonged to, closed or not.
            BigDecimal held = BigDecimal.ZERO;
            List<String> positionIds = book.positionIds(account.accountId());
            for (String positionId : positionIds) {
                PositionState p = engine.position(positionId).ask(PositionEntity.GetPosition::new, timeout).toCompletableFuture().get();
                if (!p.position().isFlat()) {
                    if (!positionId.equals(positionIds.get(positionIds.size() - 1))) {
                        warnings.add("position " + positionId + " is not the latest but holds " + p.position().signedQuantity().toPlainString()
                                + " (an exit filled after it closed): nobody manages it");
                    }
                    held = held.add(p.position().signedQuantity());
                }
            }
            String base = engine.settings().instruments().get(book.instrument()).baseAsset();
            compareBalance(base, held, ledger, initialBalances, differences);
        }
        return new Result(ledger.orders().size(), ledger.trades().size(), List.copyOf(differences), List.copyOf(warnings));
    }

    private static void compareFills(String name, OrderView order, List<TradeView> trades, List<Fill> fills, List<String> differences) {
        Map<String, Fill> ours = new HashMap<>();
        fills.forEach(f -> ours.put(f.tradeId().value(), f));
        for (TradeView t : trades) {
            String tradeId = order.symbol() + "-" + t.id();
            Fill f = ours.remove(tradeId);
            if (f == null) {
                differences.add(name + ": exchange trade " + tradeId + " is not among our fills");
            } else if (f.price().toBigDecimal().compareTo(t.price()) != 0 || f.quantity().toBigDecimal().compareTo(t.qty()) != 0
                    || f.fee().toBigDecimal().compareTo(t.commission()) != 0 || !Objects.equals(f.fee().currency(), t.commissionAsset())) {
                differences.add(name + ": trade " + tradeId + " is " + t.qty().toPlainString() + " @ " + t.price().toPlainString() + " fee "
                        + t.commission().toPlainString() + " " + t.commissionAsset() + " at the exchange but ours is " + f.quantity() + " @ "
                        + f.price() + " fee " + f.fee());
            }
        }
        ours.keySet().forEach(id -> differences.add(name + ": our fill " + id + " is not an exchange trade"));
    }

    private static void compareBalance(String asset, BigDecimal ourChange, LedgerSnapshot ledger, Map<String, BigDecimal> initial, List<String> differences) {
        BigDecimal exchangeChange = ledger.balance(asset).total().subtract(initial.getOrDefault(asset, BigDecimal.ZERO));
        if (exchangeChange.compareTo(ourChange) != 0) {
            differences.add(asset + " balance moved by " + exchangeChange.toPlainString() + " at the exchange but by " + ourChange.toPlainString()
                    + " in our books");
        }
    }

}
