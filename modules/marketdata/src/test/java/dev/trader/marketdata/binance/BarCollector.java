package dev.trader.marketdata.binance;

import dev.trader.domain.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A subscriber that keeps every bar, requesting one at a time, optionally slowly. */
final class BarCollector implements Flow.Subscriber<Bar> {
    private final List<Bar> bars = new ArrayList<>();
    private final long delayMillis;
    private Flow.Subscription subscription;

    BarCollector(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(Bar bar) {
        synchronized (bars) {
            bars.add(bar);
            bars.notifyAll();
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        throw new AssertionError("the feed failed", t);
    }

    @Override
    public void onComplete() {
    }

    List<Bar> bars(String symbol) {
        synchronized (bars) {
            return bars.stream().filter(b -> b.instrument().symbol().equals(symbol)).toList();
        }
    }

    /** Waits until the bars received so far satisfy {@code done}. */
    void await(Predicate<List<Bar>> done, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (bars) {
            while (!done.test(bars)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("bars not complete within " + seconds + " s: " + bars.size() + " received");
                }
                bars.wait(left);
            }
        }
    }
}
