package dev.trader.execution.binance;

import dev.trader.domain.order.Fill;
import dev.trader.domain.port.FillListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands fills to the engine's {@link FillListener} one at a time, in the order they were accepted
 * here, and waits for the listener's stage before the next: an entry and the stop that closed it
 * reach the position in that order. Each Binance trade (symbol and trade id: Binance numbers trades
 * per symbol) is accepted once per session, whichever way it arrives (the user stream, the myTrades
 * repair, both); the set of seen trades is bounded but far larger than a session's trades. It also
 * keeps the highest trade id seen per symbol: where the next myTrades repair starts.
 *
 * <p>A listener stage that fails is retried with a growing delay; after {@code maxAttempts} the
 * fill is logged as an error and the next one goes (a stuck fill must not stop every later one;
 * the engine's restart reconciliation and the myTrades repair of the next session bring it back).
 */
final class FillDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FillDispatcher.class);

    private record TradeKey(String symbol, long tradeId) {
    }

    private static final class Pending {
        final Fill fill;
        int attempts;

        Pending(Fill fill) {
            this.fill = fill;
        }
    }

    private final ScheduledExecutorService executor;
    private final int capacity;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final LinkedHashSet<TradeKey> seen = new LinkedHashSet<>();
    private final Map<String, Long> lastTradeId = new HashMap<>();
    private final Queue<Pending> queue = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();
    private FillListener listener;
    private boolean delivering;
    private long delivered;
    private long abandoned;

    FillDispatcher(ScheduledExecutorService executor, int capacity, int maxAttempts, Duration firstRetry) {
        this.executor = executor;
        this.capacity = capacity;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    void setListener(FillListener l) {
        synchronized (this) {
            listener = l;
        }
        pump();
    }

    /** Accepts a fill unless its trade was accepted before; false for a duplicate. */
    boolean offer(String symbol, long tradeId, Fill fill) {
        synchronized (this) {
            TradeKey key = new TradeKey(symbol, tradeId);
            if (!seen.add(key)) {
                LOG.debug("trade {} of {} already delivered: dropped", tradeId, symbol);
                return false;
            }
            if (seen.size() > capacity) {
                seen.remove(seen.iterator().next());
            }
            lastTradeId.merge(symbol, tradeId, Math::max);
            queue.add(new Pending(fill));
        }
        pump();
        return true;
    }

    synchronized boolean seen(String symbol, long tradeId) {
        return seen.contains(new TradeKey(symbol, tradeId));
    }

    synchronized OptionalLong lastTradeId(String symbol) {
        Long v = lastTradeId.get(symbol);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** After a restart: the engine has applied every trade of {@code symbol} up to this id. */
    synchronized void restoreCursor(String symbol, long tradeId) {
        lastTradeId.merge(symbol, tradeId, Math::max);
    }

    synchronized long delivered() {
        return delivered;
    }

    synchronized long abandoned() {
        return abandoned;
    }

    /** Completes once every accepted fill has been delivered (or abandoned). */
    CompletionStage<Void> idle() {
        synchronized (this) {
            if (queue.isEmpty() && !delivering) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            idleWaiters.add(f);
            return f;
        }
    }

    private void pump() {
        synchronized (this) {
            if (delivering || queue.isEmpty() || listener == null) {
                return;
            }
            delivering = true;
        }
        run(this::deliverHead);
    }

    private void deliverHead() {
        Pending head;
        FillListener l;
        synchronized (this) {
            head = queue.peek();
            l = listener;
            if (head == null || l == null) {
                delivering = false;
                wakeIdle();
                return;
            }
        }
        CompletionStage<Void> stage;
        try {
            stage = l.onFill(head.fill);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((v, e) -> {
            if (e != null && ++head.attempts < maxAttempts) {
                long delay = firstRetry.toMillis() << Math.min(head.attempts - 1, 10);
                LOG.warn("fill {} not yet applied by the engine ({}): attempt {} of {} in {} ms", head.fill.tradeId(), e.getMessage(),
                        head.attempts + 1, maxAttempts, delay);
                try {
                    executor.schedule(() -> run(this::deliverHead), delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    LOG.warn("fill {} not delivered: the adapter is stopping", head.fill.tradeId());
                }
                return;
            }
            synchronized (this) {
                queue.poll();
                if (e == null) {
                    delivered++;
                } else {
                    abandoned++;
                    LOG.error("fill {} of order {} ({} {} at {}) was NOT applied by the engine after {} attempts: {}", head.fill.tradeId(),
                            head.fill.clientOrderId(), head.fill.side(), head.fill.quantity(), head.fill.price(), maxAttempts, e.getMessage());
                }
            }
            run(this::deliverHead);
        });
    }

    private void run(Runnable r) {
        try {
            executor.execute(r);
        } catch (RejectedExecutionException e) {
            int left;
            synchronized (this) {
                delivering = false;
                left = queue.size();
            }
            LOG.warn("fill delivery stopped with {} fill(s) queued: the adapter is stopping", left);
        }
    }

    private void wakeIdle() {
        idleWaiters.forEach(f -> f.complete(null));
        idleWaiters.clear();
    }
}
