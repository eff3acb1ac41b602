package dev.trader.marketdata.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.marketdata.binance.FeedEvent.ClockSkewed;
import dev.trader.marketdata.binance.FeedEvent.Connected;
import dev.trader.marketdata.binance.FeedEvent.Fresh;
import dev.trader.marketdata.binance.FeedEvent.GapRepaired;
import dev.trader.marketdata.binance.FeedEvent.ReconnectScheduled;
import dev.trader.marketdata.binance.FeedEvent.Stale;
import dev.trader.marketdata.testing.StreamTestSystem;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live kline feed against {@link FakeBinance} on loopback, fed with real 1m candles: every
 * bar exactly once and in order across disconnects, skipped bars, duplicates, late and hostile
 * frames and a failing REST call; venue outages; staleness; seeded backoff; clock skew; a slow
 * subscriber.
 */
class BinanceKlineFeedTest extends StreamTestSystem {
    private static final List<Bar> BTC = FixtureBars.load(FixtureBars.BTC, "BTCUSDT");
    private static final List<Bar> ETH = FixtureBars.load(FixtureBars.ETH, "ETHUSDT");
    private static final ReconnectBackoff BACKOFF = new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 0.5);

    private final LinkedBlockingQueue<FeedEvent> events = new LinkedBlockingQueue<>();
    private final List<FeedEvent> seen = new ArrayList<>();
    private FakeBinance fake;
    private BinanceKlineFeed feed;

    @BeforeEach
    void startExchange() throws Exception {
        fake = new FakeBinance(system, Map.of("BTCUSDT", BTC, "ETHUSDT", ETH));
    }

    @AfterEach
    void stop() throws Exception {
        if (feed != null) {
            feed.close();
        }
        fake.close();
    }

    private KlineFeedConfig config(Duration staleAfter, Duration reconnectAfterStale, int bufferBars) {
        URI base = URI.create("http://127.0.0.1:" + fake.port());
        return new KlineFeedConfig(URI.create("ws://127.0.0.1:" + fake.port()), base, "binance", List.of("BTCUSDT", "ETHUSDT"), BACKOFF,
                Duration.ofSeconds(1), staleAfter, reconnectAfterStale, Duration.ofSeconds(2), bufferBars);
    }

    private BarCollector subscribe(KlineFeedConfig config, long subscriberDelayMillis) {
        feed = new BinanceKlineFeed(config, events::add, new Random(42), Clock.systemUTC());
        BarCollector collector = new BarCollector(subscriberDelayMillis);
        feed.bars().subscribe(collector);
        return collector;
    }

    private BarCollector subscribe() {
        return subscribe(config(Duration.ofSeconds(30), Duration.ofSeconds(30), 64), 0);
    }

    @Test
    void everyBarArrivesOnceAndInOrderAcrossDisconnectsSkipsDuplicatesAndHostileFrames() throws Exception {
        BarCollector bars = subscribe();
        awaitConnections(1);

        for (int i = 0; i < 30; i++) {
            fake.push(FakeBinance.kline(BTC.get(i), false));
            fake.push(FakeBinance.kline(BTC.get(i), true));
            fake.push(FakeBinance.kline(ETH.get(i), true));
            if (i > 0) {
                fake.push(FakeBinance.kline(BTC.get(i - 1), true));
            }
        }
        // 30 skipped: 31 makes the feed fetch it first, so the late 30 is then a duplicate.
        fake.pushClosed(List.of(BTC.get(31), BTC.get(30)));
        Map<String, Long> hostile = pushHostileFrames();
        bars.await(received(32, 30), 5);
        await(() -> feed.status().rejected() == 11, "the hostile frames are counted");

        fake.dropConnections();
        awaitConnections(2);
        fake.failNextKlines(1);
        fake.push(FakeBinance.kline(BTC.get(60), true)); // its repair fails: the feed reconnects rather than skip 32..59
        awaitConnections(3);
        fake.pushClosed(List.of(BTC.get(61), ETH.get(45)));
        bars.await(received(62, 46), 5);

        assertEquals(BTC.subList(0, 62), bars.bars("BTCUSDT"));
        assertEquals(ETH.subList(0, 46), bars.bars("ETHUSDT"));
        FeedStatus status = feed.status();
        assertEquals(hostile, status.rejectedByReason());
        assertEquals(30, status.duplicatesDropped());
        assertEquals(0, status.outOfOrderDropped());
        assertEquals(3, status.gapsRepaired(), "BTC 30, BTC 32..60, ETH 30..44");
        assertEquals(1 + 29 + 15, status.barsRepaired());
        assertEquals(0, status.barsMissing());
        assertEquals(108, status.barsEmitted());
        assertTrue(status.reconnects() >= 2 && status.connected(), status.toString());
        assertTrue(seen(GapRepaired.class).contains(new GapRepaired("ETHUSDT", ETH.get(30).openTime(), ETH.get(44).openTime(), 15, 0)));
    }

    /** Pushes one frame of each hostile kind; returns the rejection counts they must give. */
    private Map<String, Long> pushHostileFrames() {
        String good = FakeBinance.kline(BTC.get(100), false);
        fake.push(good.replace("\"o\":\"", "\"o\":\"NaN").replaceFirst("\"o\":\"NaN[0-9.]*\"", "\"o\":\"NaN\""));
        fake.push(good.replaceFirst("\"l\":\"[0-9.]*\"", "\"l\":\"-1\""));
        fake.push(good.replaceFirst("\"h\":\"[0-9.]*\"", "\"h\":\"1\""));
        fake.push(good.replace("kline_1m", "kline_7m").replace("\"i\":\"1m\"", "\"i\":\"7m\""));
        fake.push(good.replace("\"B\":\"0\"", "\"B\":\"" + "0".repeat(BinanceFrameParser.MAX_FRAME_CHARS) + "\""));
        fake.push(good.replaceFirst("\"t\":([0-9]+)", "\"t\":\"$1\""));
        fake.push("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1");
        fake.push("{\"result\":null,\"id\":1}");
        fake.push("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"5\",\"q\":\"1\",\"T\":1,"
                + "\"m\":true}}");
        fake.push(good.replace("btcusdt@", "xrpusdt@").replace("BTCUSDT", "XRPUSDT"));
        long open5m = BTC.get(0).openTime().toEpochMilli() / 300_000 * 300_000;
        fake.push(good.replace("kline_1m", "kline_5m").replace("\"i\":\"1m\"", "\"i\":\"5m\"")
                .replaceFirst("\"t\":[0-9]+,\"T\":[0-9]+", "\"t\":" + open5m + ",\"T\":" + (open5m + 299_999)));
        return new TreeMap<>(Map.of("non_finite", 1L, "non_positive_price", 1L, "high_below_body", 1L, "unknown_interval", 1L,
                "oversize_frame", 1L, "malformed_frame", 3L, "unexpected_event", 1L, "unsubscribed_symbol", 1L, "unexpected_interval", 1L));
    }

    @Test
    void aResumedFeedFetchesTheMinutesAfterTheEnginesLastBarAndDropsTheOnesBefore() throws Exception {
        feed = new BinanceKlineFeed(config(Duration.ofSeconds(30), Duration.ofSeconds(30), 64), events::add, new Random(42), Clock.systemUTC());
        // The engine took BTC through bar 4 (another node's feed, before a failover); ETH too long ago to repair.
        feed.resumeAfter(Map.of("BTCUSDT", BTC.get(4).openTime(), "ETHUSDT", ETH.get(0).openTime()), Duration.ofMinutes(30));
        BarCollector bars = new BarCollector(0);
        feed.bars().subscribe(bars);
        awaitConnections(1);

        fake.push(FakeBinance.kline(BTC.get(3), true));
        fake.push(FakeBinance.kline(BTC.get(10), true));
        fake.push(FakeBinance.kline(ETH.get(40), true));
        bars.await(b -> b.size() == 7, 5);

        assertEquals(BTC.subList(5, 11), bars.bars("BTCUSDT"), "bars 5..9 from REST, then the stream's 10; bar 3 was the engine's already");
        assertEquals(List.of(ETH.get(40)), bars.bars("ETHUSDT"), "40 minutes after the engine's last ETH bar: from the stream, unrepaired");
        assertEquals(1, feed.status().gapsRepaired());
    }

    @Test
    void minutesTheVenueLacksAreCountedAndHostileRestRowsRefused() throws Exception {
        BarCollector bars = subscribe();
        awaitConnections(1);
        fake.withhold(BTC.get(10).openTime(), BTC.get(11).openTime(), BTC.get(12).openTime());
        fake.spoil(BTC.get(8).openTime(), FakeBinance.row(BTC.get(8)).replaceFirst("\"[0-9.]+\"", "\"NaN\""));

        fake.pushClosed(BTC.subList(0, 5));
        fake.push(FakeBinance.kline(BTC.get(20), true));
        bars.await(b -> b.size() == 17, 5);

        List<Bar> expected = new ArrayList<>(BTC.subList(0, 8));
        expected.add(BTC.get(9));
        expected.addAll(BTC.subList(13, 21));
        assertEquals(expected, bars.bars("BTCUSDT"));
        FeedStatus status = feed.status();
        assertEquals(4, status.barsMissing());
        assertEquals(Map.of("non_finite", 1L), status.rejectedByReason());
        assertEquals(List.of(new GapRepaired("BTCUSDT", BTC.get(5).openTime(), BTC.get(19).openTime(), 11, 4)), seen(GapRepaired.class));
    }

    @Test
    void aSilentSymbolIsReportedStaleThenTheConnectionRenewed() throws Exception {
        subscribe(config(Duration.ofMillis(200), Duration.ofMillis(300), 64), 0);
        awaitConnections(1);
        await(() -> seen(Stale.class).size() == 2, "both symbols stale");
        assertEquals(Set.of("BTCUSDT", "ETHUSDT"), Set.copyOf(seen(Stale.class).stream().map(Stale::symbol).toList()));
        await(() -> seen(ReconnectScheduled.class).stream().anyMatch(r -> r.reason().startsWith("no frame for")), "a reconnect for silence");
        awaitConnections(2);

        fake.push(FakeBinance.kline(BTC.get(0), false));
        await(() -> seen(Fresh.class).contains(new Fresh("BTCUSDT")), "BTCUSDT fresh again");
        assertEquals(Set.of("ETHUSDT"), feed.status().staleSymbols());
    }

    @Test
    void reconnectWaitsGrowWithSeededJitter() throws Exception {
        fake.refuseConnections(true);
        subscribe();
        await(() -> seen(ReconnectScheduled.class).size() >= 6, "six refused attempts");

        Random seeded = new Random(42);
        List<Duration> expected = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            expected.add(BACKOFF.delay(attempt, seeded));
        }
        List<ReconnectScheduled> scheduled = seen(ReconnectScheduled.class).subList(0, 6);
        assertEquals(expected, scheduled.stream().map(ReconnectScheduled::delay).toList());
        assertEquals(List.of(20L, 40L, 80L, 160L, 200L, 200L), List.of(0, 1, 2, 3, 4, 5).stream().map(a -> BACKOFF.base(a).toMillis()).toList());
        for (int a = 0; a < 6; a++) {
            Duration base = BACKOFF.base(a);
            Duration d = scheduled.get(a).delay();
            assertTrue(d.compareTo(base) <= 0 && d.compareTo(base.dividedBy(2)) >= 0, a + ": " + d + " vs base " + base);
        }
        assertTrue(scheduled.stream().map(ReconnectScheduled::delay).distinct().count() == 6, "jittered: " + scheduled);

        fake.refuseConnections(false);
        awaitConnections(1);
    }

    @Test
    void aSkewedExchangeClockIsReportedAndBarsFlowOn() throws Exception {
        fake.clockOffset(Duration.ofMinutes(5));
        BarCollector bars = subscribe();
        awaitConnections(1);

        ClockSkewed skewed = seen(ClockSkewed.class).get(0);
        assertTrue(skewed.skew().minus(Duration.ofMinutes(5)).abs().compareTo(Duration.ofSeconds(1)) < 0, skewed.toString());
        assertTrue(feed.status().clockSkewExceeded());
        fake.pushClosed(BTC.subList(0, 3));
        bars.await(b -> b.size() == 3, 5);
    }

    @Test
    void aSlowSubscriberGetsEveryBar() throws Exception {
        BarCollector bars = subscribe(config(Duration.ofSeconds(30), Duration.ofSeconds(30), 2), 3);
        awaitConnections(1);
        fake.pushClosed(BTC.subList(0, 150));
        bars.await(b -> b.size() == 150, 10);
        assertEquals(BTC.subList(0, 150), bars.bars("BTCUSDT"));
    }

    private static Predicate<List<Bar>> received(int btc, int eth) {
        return bars -> bars.stream().filter(b -> b.instrument().symbol().equals("BTCUSDT")).count() >= btc
                && bars.stream().filter(b -> b.instrument().symbol().equals("ETHUSDT")).count() >= eth;
    }

    /** Waits until the feed has connected {@code n} times and the exchange has the socket. */
    private void awaitConnections(int n) throws InterruptedException {
        await(() -> seen(Connected.class).size() >= n && fake.connectionsOpened.get() >= n, n + " connections");
    }

    private <E extends FeedEvent> List<E> seen(Class<E> type) {
        synchronized (seen) {
            events.drainTo(seen);
            return seen.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
