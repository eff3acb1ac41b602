package dev.trader.execution.binance;

import dev.trader.domain.order.OrderSide;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the fills the user stream did not deliver (it was down, reconnecting, or this process had
 * not started): {@code GET /api/v3/myTrades} of each traded symbol from the trade after the last
 * one seen, page by page. A myTrades row names Binance's order id, not ours, so the client order
 * id is looked up in what this process knows, then in {@code allOrders} from the oldest unknown
 * order id on, then order by order. Without a cursor (nothing seen, nothing restored) it starts
 * {@code lookback} before the first such repair. Every trade found goes to the sink in trade-id
 * order; the sink drops those already delivered.
 *
 * <p>A repair without a cursor that finds nothing in the lookback sets the cursor to the account's
 * newest trade (read before): from then on repairs go by trade id. Found against the simulator,
 * whose trades carry the replay's market time while its server time is the wall clock: no trade
 * was ever in the lookback, so a stream lost before the first fill arrived lost those fills for
 * good (the next stream trade moved the cursor past them). The same held at Binance for an outage
 * longer than the lookback on an account that had not traded in it; and the lookback, taken from
 * "now" at every repair, moved past trades not delivered yet, hence its start is fixed at the first.
 */
final class FillGapRepair {
    private static final Logger LOG = LoggerFactory.getLogger(FillGapRepair.class);
    private static final int PAGE = BinanceResponses.MAX_ROWS;

    private final BinanceRestClient rest;
    private final Supplier<List<String>> symbols;
    private final OrderTracker orders;
    private final FillDispatcher cursor;
    private final Consumer<TradeReport> sink;
    /** Told of every trade that could not be delivered: (symbol, trade id, why). */
    private final Undelivered undelivered;
    private final Duration lookback;
    /** Where repairs without a cursor look back to, per symbol: fixed at the first. */
    private final Map<String, Instant> lookbackStart = new ConcurrentHashMap<>();

    FillGapRepair(BinanceRestClient rest, Supplier<List<String>> symbols, OrderTracker orders, FillDispatcher cursor, Consumer<TradeReport> sink,
                  Undelivered undelivered, Duration lookback) {
        this.undelivered = undelivered;
        this.rest = rest;
        this.symbols = symbols;
        this.orders = orders;
        this.cursor = cursor;
        this.sink = sink;
        this.lookback = lookback;
    }

    @FunctionalInterface
    interface Undelivered {
        void trade(String symbol, long tradeId, String why);
    }

    /** Repairs every symbol, one after the other; completes with the number of trades handed to the sink, or fails with the first failure. */
    CompletionStage<Integer> run() {
        CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
        List<Throwable> failures = new ArrayList<>();
        for (String symbol : symbols.get()) {
            chain = chain.thenCompose(n -> repair(symbol).handle((m, e) -> {
                if (e != null) {
                    failures.add(e);
                    LOG.warn("fill repair of {} failed: {}", symbol, BinanceException.unwrap(e).getMessage());
                    return n;
                }
                return n + m;
            }));
        }
        return chain.thenCompose(n -> failures.isEmpty() ? CompletableFuture.completedFuture(n)
                : CompletableFuture.failedFuture(BinanceException.unwrap(failures.get(0))));
    }

    private CompletableFuture<Integer> repair(String symbol) {
        OptionalLong last = cursor.lastTradeId(symbol);
        if (last.isPresent()) {
            return page(symbol, rest.myTrades(symbol, last.getAsLong() + 1, PAGE), 0);
        }
        Instant since = lookbackStart.computeIfAbsent(symbol, s -> Instant.ofEpochMilli(rest.serverTimeMillis()).minus(lookback));
        return rest.myTradesRecent(symbol, 1).toCompletableFuture().thenCompose(recent -> {
            long newest = recent.stream().mapToLong(AccountTrade::id).max().orElse(0);
            return rest.myTradesSince(symbol, since, PAGE).toCompletableFuture().thenCompose(trades -> {
                if (trades.isEmpty() && cursor.lastTradeId(symbol).isEmpty()) {
                    LOG.info("fill repair of {}: no trade since {}; later repairs start after trade {}", symbol, since, newest);
                    cursor.restoreCursor(symbol, newest);
                }
                return page(symbol, CompletableFuture.completedFuture(trades), 0);
            });
        });
    }

    private CompletableFuture<Integer> page(String symbol, CompletionStage<List<AccountTrade>> fetch, int soFar) {
        return fetch.toCompletableFuture().thenCompose(trades -> resolve(symbol, trades).thenCompose(v -> {
            List<AccountTrade> sorted = new ArrayList<>(trades);
            sorted.sort(Comparator.comparingLong(AccountTrade::id));
            int emitted = 0;
            for (AccountTrade t : sorted) {
                var clientId = orders.clientIdOf(symbol, t.orderId());
                if (clientId.isEmpty()) {
                    LOG.error("trade {} of {} belongs to Binance order {} whose client order id could not be learned: not delivered", t.id(),
                            symbol, t.orderId());
                    undelivered.trade(symbol, t.id(), "the client order id of Binance order " + t.orderId() + " could not be learned");
                    continue;
                }
                sink.accept(new TradeReport(symbol, t.id(), clientId.get(), t.buyer() ? OrderSide.BUY : OrderSide.SELL, t.price(), t.quantity(),
                        t.commission(), t.commissionAsset(), t.time(), "myTrades"));
                emitted++;
            }
            int total = soFar + emitted;
            if (trades.size() < PAGE) {
                if (total > 0) {
                    LOG.info("fill repair of {} found {} trade(s) via myTrades", symbol, total);
                }
                return CompletableFuture.completedFuture(total);
            }
            long next = sorted.get(sorted.size() - 1).id() + 1;
            return page(symbol, rest.myTrades(symbol, next, PAGE), total);
        }));
    }

    /** Learns the client order id of every order id in {@code trades} that is not known yet. */
    private CompletableFuture<Void> resolve(String symbol, List<AccountTrade> trades) {
        TreeSet<Long> unknown = unknown(symbol, trades);
        if (unknown.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return rest.allOrders(symbol, unknown.first(), PAGE).toCompletableFuture()
                .handle((list, e) -> {
                    if (e != null) {
                        LOG.warn("allOrders of {} failed ({}): asking order by order", symbol, BinanceException.unwrap(e).getMessage());
                    } else {
                        list.forEach(orders::learn);
                    }
                    return null;
                })
                .thenCompose(v -> {
                    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                    for (long orderId : unknown(symbol, trades)) {
                        chain = chain.thenCompose(x -> rest.queryOrder(symbol, orderId).toCompletableFuture().handle((a, e) -> {
                            if (e != null) {
                                LOG.warn("order {} of {} could not be queried: {}", orderId, symbol, BinanceException.unwrap(e).getMessage());
                            } else {
                                orders.learn(a);
                            }
                            return null;
                        }));
                    }
                    return chain;
                });
    }

    private TreeSet<Long> unknown(String symbol, List<AccountTrade> trades) {
        TreeSet<Long> ids = new TreeSet<>();
        for (AccountTrade t : trades) {
            if (orders.clientIdOf(symbol, t.orderId()).isEmpty()) {
                ids.add(t.orderId());
            }
        }
        return ids;
    }
}
