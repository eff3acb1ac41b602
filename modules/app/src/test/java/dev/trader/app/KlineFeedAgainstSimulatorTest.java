package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.execution.sim.ExchangeSimServer;
import dev.trader.execution.sim.PacedReplay;
import dev.trader.execution.sim.ReplayPacing;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.fault.FaultKind;
import dev.trader.execution.sim.fault.FaultPlan;
import dev.trader.execution.sim.fault.FaultSpec;
import dev.trader.execution.sim.market.CandleFiles;
import dev.trader.execution.sim.market.SimBar;
import dev.trader.execution.sim.ws.SimWsConfig;
import dev.trader.marketdata.binance.BinanceKlineFeed;
import dev.trader.marketdata.binance.FeedEvent;
import dev.trader.marketdata.binance.FeedStatus;
import dev.trader.marketdata.binance.KlineFeedConfig;
import dev.trader.marketdata.binance.ReconnectBackoff;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The live kline feed ({@link BinanceKlineFeed}, the market-data client the node runs) against the
 * exchange simulator ({@link ExchangeSimServer}) replaying real 1m candles, over WebSocket and REST
 * on 127.0.0.1: every bar the simulator replays reaches the subscriber exactly once and in order,
 * across the exchange dropping every socket mid-replay (the feed reconnects and repairs the gap
 * from the simulator's REST klines) and a stalled market (reported stale, the connection renewed).
 * The bars received are compared with the candle file itself. Hostile frames are covered by
 * BinanceKlineFeedTest.
 */
class KlineFeedAgainstSimulatorTest {
    private static final Path DATA = Path.of("..", "..", "src-shared", "test-data", "engine");
    private static final String BTC_CANDLES = DATA.resolve("BTC_USDT-1m_20230316-first720.json.gz").toString();
    private static final String ETH_CANDLES = DATA.resolve("ETH_USDT-1m_20230316-first720.json.gz").toString();
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

    private static SimConfig config(FaultPlan faults) {
        return SimConfig.builder()
                .symbol(SymbolSpec.of("BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "0.00001", "9000", "5").withCandles(BTC_CANDLES))
                .symbol(SymbolSpec.of("ETHUSDT", "ETH", "USDT", "0.01", "0.0001", "0.0001", "9000", "5").withCandles(ETH_CANDLES))
                .balance("USDT", "1000").faults(faults).seed(3).build();
    }

    private static KlineFeedConfig feedConfig(ExchangeSimServer server, ReconnectBackoff backoff, Duration staleAfter, Duration reconnectAfterStale) {
        return new KlineFeedConfig(URI.create(server.wsUrl()), URI.create(server.restUrl()), "binance", SYMBOLS, backoff, Duration.ofSeconds(1),
                staleAfter, reconnectAfterStale, Duration.ofSeconds(2), 1024);
    }

    @Test
    void everyBarOnceAndInOrderAndAllSocketsDroppedMidReplayAreRepairedFromRest() {
        try (ExchangeSimServer server = ExchangeSimServer.start(config(FaultPlan.none()), SimWsConfig.binance(), "127.0.0.1", 0)) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            // No jitter, 300 ms: the bars replayed meanwhile reach no socket.
            ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(300), Duration.ofSeconds(2), 0);
            try (BinanceKlineFeed feed = new BinanceKlineFeed(feedConfig(server, backoff, Duration.ofSeconds(30), Duration.ofSeconds(30)),
                    events::add, new Random(42), Clock.systemUTC())) {
                Collector bars = new Collector();
                feed.bars().subscribe(bars);
                awaitSubscribed(server);

                server.simulator().step(10);
                waitUntil("10 bars of each symbol", () -> bars.size() == 20);

                server.streams().disconnectAll("test: the exchange drops every socket");
                assertEquals(0, server.streams().subscribers("btcusdt@kline_1m"));
                server.simulator().step(5); // replayed while the feed is away: these only REST can bring back
                awaitSubscribed(server);
                server.simulator().step(10);
                waitUntil("25 bars of each symbol", () -> bars.size() == 50);

                assertEquals(50, server.klinesPublished(), "the simulator sent 25 per symbol, 10 of them to nobody");
                for (String symbol : SYMBOLS) {
                    assertEquals(candles(symbol, 25), bars.of(symbol), symbol + ": the bars received are the candle file's, once each, in order");
                }
                FeedStatus status = feed.status();
                assertEquals(2, status.gapsRepaired(), "one gap per symbol: " + status);
                assertEquals(10, status.barsRepaired());
                assertEquals(0, status.barsMissing());
                assertEquals(0, status.duplicatesDropped() + status.outOfOrderDropped() + status.rejected(), status.toString());
                assertTrue(status.reconnects() >= 1);
                for (String symbol : SYMBOLS) {
                    assertTrue(events.stream().anyMatch(e -> e instanceof FeedEvent.GapRepaired g && g.symbol().equals(symbol) && g.bars() == 5
                            && g.missing() == 0), symbol + ": " + events);
                }
            }
        }
    }

    @Test
    void aStalledMarketIsReportedStaleTheFeedReconnectsAndNoBarIsLostOrDoubled() {
        FaultSpec stall = FaultSpec.everyNth(FaultKind.STALL_REPLAY, 15).duration(Duration.ofMillis(1_500));
        try (ExchangeSimServer server = ExchangeSimServer.start(config(FaultPlan.of(5, stall)), SimWsConfig.binance(), "127.0.0.1", 0)) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400), 0.5);
            try (BinanceKlineFeed feed = new BinanceKlineFeed(feedConfig(server, backoff, Duration.ofMillis(300), Duration.ofMillis(300)),
                    events::add, new Random(42), Clock.systemUTC())) {
                Collector bars = new Collector();
                feed.bars().subscribe(bars);
                awaitSubscribed(server);

                // 20 bars a second: far quicker than the stale threshold, until the replay stalls for 1.5 s before bar 15.
                PacedReplay replay = server.simulator().startReplay(ReplayPacing.barsPerSecond(20));
                try {
                    waitUntil("25 bars replayed", () -> server.klinesPublished() >= 50);
                } finally {
                    replay.close();
                }
                long published = settledPublished(server);
                waitUntil("every replayed bar received", () -> bars.size() == published);

                assertEquals(1, server.simulator().faultLog().of(FaultKind.STALL_REPLAY).size());
                for (String symbol : SYMBOLS) {
                    assertEquals(candles(symbol, (int) published / 2), bars.of(symbol), symbol);
                    assertTrue(events.stream().anyMatch(e -> e instanceof FeedEvent.Stale s && s.symbol().equals(symbol)), "stale: " + events);
                    assertTrue(events.stream().anyMatch(e -> e instanceof FeedEvent.Fresh f && f.symbol().equals(symbol)), "fresh again: " + events);
                }
                assertTrue(events.stream().anyMatch(e -> e instanceof FeedEvent.ReconnectScheduled r && r.reason().startsWith("no frame for")),
                        "the silent connection was renewed: " + events);
                assertTrue(events.stream().filter(e -> e instanceof FeedEvent.Connected).count() >= 2, events.toString());
                FeedStatus status = feed.status();
                assertTrue(status.reconnects() >= 1, status.toString());
                assertEquals(0, status.duplicatesDropped() + status.outOfOrderDropped() + status.rejected() + status.barsMissing(), status.toString());
                assertTrue(status.staleSymbols().isEmpty(), "fresh at the end: " + status);
            }
        }
    }

    /** The first {@code n} candles of the file, as the feed's bars are compared: time, OHLC, volume. */
    private static List<String> candles(String symbol, int n) {
        List<SimBar> all = CandleFiles.read(symbol, symbol.equals("BTCUSDT") ? BTC_CANDLES : ETH_CANDLES);
        List<String> out = new ArrayList<>();
        for (SimBar b : all.subList(0, n)) {
            out.add(row(b.openTime(), b.open(), b.high(), b.low(), b.close(), b.volume()));
        }
        return out;
    }

    private static String row(long openTime, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, BigDecimal v) {
        return openTime + " " + plain(o) + " " + plain(h) + " " + plain(l) + " " + plain(c) + " " + plain(v);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static void awaitSubscribed(ExchangeSimServer server) {
        for (String symbol : SYMBOLS) {
            String stream = symbol.toLowerCase(Locale.ROOT) + "@kline_1m";
            waitUntil("the feed listens to " + stream, () -> server.streams().subscribers(stream) == 1);
        }
    }

    /** The klines published once the replay has stopped stepping. */
    private static long settledPublished(ExchangeSimServer server) {
        long last = -1;
        while (server.klinesPublished() != last) {
            last = server.klinesPublished();
            sleep(200);
        }
        return last;
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            sleep(5);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Keeps every bar, asking for one at a time. */
    private static final class Collector implements Flow.Subscriber<Bar> {
        private final List<Bar> bars = new CopyOnWriteArrayList<>();
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(Bar bar) {
            bars.add(bar);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError("the feed failed", t);
        }

        @Override
        public void onComplete() {
        }

        int size() {
            return bars.size();
        }

        List<String> of(String symbol) {
            return bars.stream().filter(b -> b.instrument().symbol().equals(symbol))
                    .map(b -> row(b.openTime().toEpochMilli(), b.open().toBigDecimal(), b.high().toBigDecimal(), b.low().toBigDecimal(),
                            b.close().toBigDecimal(), b.volume().toBigDecimal()))
                    .toList();
        }
    }
}
