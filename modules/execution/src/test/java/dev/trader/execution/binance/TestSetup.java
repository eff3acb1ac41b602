package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Shared setup of the Binance adapter tests: settings pointing at a stand-in, short timeouts, a seeded backoff. */
final class TestSetup {
    static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    static final InstrumentId ETH = InstrumentId.parse("binance:ETHUSDT");

    private TestSetup() {
    }

    static BinanceSettings.Builder settings(BinanceStandIn standIn) {
        return BinanceSettings.builder().restBaseUrl(standIn.url()).wsBaseUrl(URI.create("ws://127.0.0.1:9"))
                .requestTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(1)).maxQueueWait(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(400)).backoffSeed(42).breaker(5, Duration.ofSeconds(1));
    }

    static BinanceCredentials credentials() {
        return BinanceCredentials.of(BinanceStandIn.API_KEY, BinanceStandIn.SECRET);
    }

    static ScheduledExecutorService timer() {
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "binance-test");
            t.setDaemon(true);
            return t;
        });
    }

    static BinanceRestClient rest(BinanceSettings settings, ScheduledExecutorService timer) {
        return new BinanceRestClient(settings, credentials(), BinanceRestClient.httpClient(settings), timer);
    }

    /** The configured rules of conf/trader.conf. */
    static InstrumentRules btcRules() {
        return new InstrumentRules(BTC, "BTC", "USDT", Price.of("0.01"), Quantity.of("0.00001"), Quantity.of("0.00001"), Money.of("5", "USDT"));
    }

    static InstrumentRules ethRules() {
        return new InstrumentRules(ETH, "ETH", "USDT", Price.of("0.01"), Quantity.of("0.0001"), Quantity.of("0.0001"), Money.of("5", "USDT"));
    }

    static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw BinanceException.unwrap(e);
        } catch (Exception e) {
            throw new AssertionError("stage did not complete: " + e, e);
        }
    }

    /** The typed failure a stage ends with. */
    static <E extends BinanceException> E failure(Class<E> type, CompletionStage<?> stage) {
        return assertThrows(type, () -> join(stage));
    }

    static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
