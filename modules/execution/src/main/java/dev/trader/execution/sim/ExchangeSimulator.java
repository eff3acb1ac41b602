package dev.trader.execution.sim;

import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.exchange.ExchangeEvent;
import dev.trader.execution.sim.exchange.LedgerSnapshot;
import dev.trader.execution.sim.exchange.MatchingEngine;
import dev.trader.execution.sim.exchange.SimLedger;
import dev.trader.execution.sim.fault.FaultInjector;
import dev.trader.execution.sim.fault.FaultLog;
import dev.trader.execution.sim.market.BarBook;
import dev.trader.execution.sim.market.CandleFiles;
import dev.trader.execution.sim.market.DepthSource;
import dev.trader.execution.sim.market.FrameBook;
import dev.trader.execution.sim.market.FrameRecording;
import dev.trader.execution.sim.market.FrameReplay;
import dev.trader.execution.sim.market.KlinePayload;
import dev.trader.execution.sim.market.MarketClock;
import dev.trader.execution.sim.market.MarketTimeline;
import dev.trader.execution.sim.market.SimBar;
import dev.trader.execution.sim.rest.RateLimitStats;
import dev.trader.execution.sim.rest.SimRestApi;
import dev.trader.execution.sim.stream.ListenKeys;
import dev.trader.execution.sim.stream.OrderedPublisher;
import dev.trader.execution.sim.stream.UserStreamPublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * A Binance spot exchange in a box, so that the engine's real Binance clients — REST over HTTP,
 * user data and market data over WebSocket — can be tested, demonstrated and broken on purpose
 * without the real venue: it replays recorded market data on a market clock of its own, matches
 * orders against it, keeps an account ledger that is the truth a client's books are checked
 * against, and injects seeded faults that a real client must survive.
 * <p>
 * Wiring: {@link #route()} is the REST API (bind it, with the WebSocket route behind
 * {@link SimStreams}, on one port); market and user-data events go to the {@code SimStreams}
 * given here. Time: REST server time, timestamps, rate limits and listen keys run on the wall
 * clock, as at Binance; every event, order and trade time is the replay's market time. Drive the
 * replay with {@link #step()} (one bar of every symbol; deterministic, for tests) or
 * {@link #startReplay} (paced on the wall clock, for the server).
 */
public final class ExchangeSimulator implements AutoCloseable {
    private final SimConfig config;
    private final Clock wallClock;
    private final MarketTimeline timeline;
    private final MarketClock clock;
    private final SimLedger ledger;
    private final MatchingEngine engine;
    private final OrderedPublisher out;
    private final ListenKeys listenKeys;
    private final UserStreamPublisher userStream;
    private final FaultInjector faults;
    private final FrameBook frameBook = new FrameBook();
    private final SimRestApi rest;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final ScheduledFuture<?> expiryTask;
    private final Map<String, Long> nextMarketTradeId = new HashMap<>();
    private final List<AutoCloseable> replays = new ArrayList<>();
    /** Closed klines of step() sent out; frame replays of recorded klines are not counted. */
    private final AtomicLong klinesPublished = new AtomicLong();
    private int cursor;

    private ExchangeSimulator(Builder b) {
        this.config = b.config;
        this.wallClock = b.wallClock;
        this.timeline = b.timeline();
        this.clock = new MarketClock(timeline.start().orElse(wallClock.millis() - Math.floorMod(wallClock.millis(), SimBar.INTERVAL_MS)));
        this.ledger = new SimLedger(config.initialBalances());
        this.out = new OrderedPublisher(b.streams);
        this.faults = new FaultInjector(config.faults());
        this.listenKeys = new ListenKeys(config.listenKeyValidity(), config.seed());
        this.userStream = new UserStreamPublisher(listenKeys, out, faults, wallClock::millis, ledger::lastUpdate);
        this.engine = new MatchingEngine(config, ledger, timeline, clock, this::onExchangeEvent);
        this.ownScheduler = b.scheduler == null;
        this.scheduler = ownScheduler ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exchange-simulator");
            t.setDaemon(true);
            return t;
        }) : b.scheduler;
        Map<String, SymbolSpec> specs = new LinkedHashMap<>();
        config.symbols().forEach(s -> specs.put(s.symbol(), s));
        BarBook barBook = new BarBook(timeline, clock::now, specs, config.maxParticipation());
        DepthSource depth = symbol -> frameBook.depth(symbol).or(() -> barBook.depth(symbol));
        this.rest = new SimRestApi(config, engine, timeline, clock, depth, faults, listenKeys, userStream, wallClock, scheduler,
                this::expireListenKeys, out::drain);
        this.expiryTask = scheduler.scheduleAtFixedRate(this::expireListenKeys, 1, 1, TimeUnit.SECONDS);
    }

    /** A simulator replaying the candle files its symbols name, on the system clock, with a scheduler of its own. */
    public static ExchangeSimulator create(SimConfig config, SimStreams streams) {
        return builder(config, streams).build();
    }

    public static Builder builder(SimConfig config, SimStreams streams) {
        return new Builder(config, streams);
    }

    /** The REST API as a route; paths it does not serve are rejected, so it can be concatenated with others. */
    public Route route() {
        return rest.route();
    }

    /** The whole account now, atomically. */
    public LedgerSnapshot snapshot() {
        synchronized (ledger) {
            return ledger.snapshot(clock.now());
        }
    }

    /** Fills so far, under the ledger lock (SimLedger's methods hold it): cheap enough to poll, unlike {@link #snapshot()}. */
    public int tradeCount() {
        return ledger.tradeCount();
    }

    public MatchingEngine engine() {
        return engine;
    }

    public FaultLog faultLog() {
        return faults.log();
    }

    /** Stops injecting faults (no opportunity is counted meanwhile) until {@link #resumeFaults()}. */
    public void suspendFaults() {
        faults.suspend();
    }

    /** Injects the configured faults again (the default). */
    public void resumeFaults() {
        faults.resume();
    }

    /** The 429s and 418s the REST API has answered: a client that honours the limits causes none. */
    public RateLimitStats rateLimitStats() {
        return rest.rateLimitStats();
    }

    /** The replay's market time (ms): the open of the next bar to be replayed. */
    public long marketTime() {
        return clock.now();
    }

    /** Closed klines sent out so far (all symbols): what a client that missed none has received once they arrive. */
    public long klinesPublished() {
        return klinesPublished.get();
    }

    /** Bars (distinct open times) not replayed yet. */
    public int barsLeft() {
        synchronized (ledger) {
            return timeline.length() - cursor;
        }
    }

    /**
     * Replays the next bar of every symbol: first the open orders trade against it, then its
     * closed kline goes out on {@code <symbol>@kline_1m}. Returns whether bars remain.
     */
    public boolean step() {
        return step(() -> { });
    }

    /**
     * {@link #step()} with a pause between the two halves of the minute: {@code afterTrading} runs
     * once the bar's trades are on the user streams and before its klines go out (outside the
     * ledger's lock, so clients may call the REST API meanwhile). A harness that waits there for a
     * client to take in its fills makes every fill reach the client before the bar that caused it:
     * the order paper trading sees them in, whatever the machine's speed.
     */
    public boolean step(Runnable afterTrading) {
        long openTime;
        List<SimBar> bars;
        synchronized (ledger) {
            if (cursor >= timeline.length()) {
                return false;
            }
            openTime = timeline.openTime(cursor++);
            clock.advanceTo(openTime);
            bars = timeline.barsAt(openTime);
            bars.forEach(engine::onBar);
            userStream.flush();
        }
        out.drain();
        afterTrading.run();
        boolean more;
        synchronized (ledger) {
            for (SimBar bar : bars) {
                long first = nextMarketTradeId.getOrDefault(bar.symbol(), 1L);
                nextMarketTradeId.put(bar.symbol(), first + bar.trades());
                out.publish(bar.symbol().toLowerCase(Locale.ROOT) + "@kline_1m", KlinePayload.json(bar, bar.endTime(), first));
            }
            clock.advanceTo(openTime + SimBar.INTERVAL_MS);
            more = cursor < timeline.length();
        }
        out.drain();
        // Counted once drained, so a reader who sees the count can expect those klines to be on their way.
        klinesPublished.addAndGet(bars.size());
        return more;
    }

    /** Steps {@code n} bars (fewer if the data runs out); returns how many were replayed. */
    public int step(int n) {
        int done = 0;
        while (done < n && barsLeft() > 0) {
            step();
            done++;
        }
        return done;
    }

    /** Starts stepping on the wall clock at {@code pacing}; the returned run ends by itself when the data runs out. */
    public PacedReplay startReplay(ReplayPacing pacing) {
        PacedReplay run = new PacedReplay(scheduler, pacing, this::step, faults, clock::now).start();
        synchronized (replays) {
            replays.add(run);
        }
        return run;
    }

    /**
     * Replays a raw frame recording ({@code classpath:/...} or a path): each frame's {@code data}
     * goes out on its stream at the recorded pacing divided by {@code speed}, and depth and
     * bookTicker frames feed GET /api/v3/depth. Matching stays driven by the candles.
     */
    public FrameReplay startFrameReplay(String source, double speed) {
        FrameReplay run = new FrameReplay(FrameRecording.read(source), speed, frame -> {
            frameBook.apply(frame);
            if (!frame.stream().endsWith(FrameRecording.SNAPSHOT_SUFFIX)) {
                out.publish(frame.stream(), frame.dataJson());
                out.drain();
            }
        }).start();
        synchronized (replays) {
            replays.add(run);
        }
        return run;
    }

    /** Expires listen keys whose validity ran out: {@code listenKeyExpired} on each, then its connections close. */
    public void expireListenKeys() {
        // Runs every second and before every request, almost always with no key due: then there is nothing to publish (what
        // others queued, they drain themselves), so skip the ledger lock. A key due now is still due under the lock unless
        // kept alive meanwhile, which expire() below respects.
        if (!listenKeys.anyDue(wallClock.millis())) {
            return;
        }
        synchronized (ledger) {
            for (String key : listenKeys.expire(wallClock.millis())) {
                userStream.expired(key, clock.now());
            }
        }
        out.drain();
    }

    private void onExchangeEvent(ExchangeEvent e) {
        userStream.onEvent(e);
    }

    @Override
    public void close() {
        expiryTask.cancel(false);
        synchronized (replays) {
            for (AutoCloseable r : replays) {
                try {
                    r.close();
                } catch (Exception e) {
                    // closing a replay never fails in a way worth more than moving on
                }
            }
            replays.clear();
        }
        rest.close();
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }

    /** Sets a simulator up: market data from the config's candle files unless given here, clock, scheduler. */
    public static final class Builder {
        private final SimConfig config;
        private final SimStreams streams;
        private final Map<String, List<SimBar>> bars = new LinkedHashMap<>();
        private Clock wallClock = Clock.systemUTC();
        private ScheduledExecutorService scheduler;

        private Builder(SimConfig config, SimStreams streams) {
            this.config = config;
            this.streams = streams;
        }

        /** Replays {@code symbolBars} for {@code symbol} instead of its configured candle files. */
        public Builder bars(String symbol, List<SimBar> symbolBars) {
            if (config.symbol(symbol).isEmpty()) {
                throw new IllegalArgumentException("bars given for " + symbol + ", which is not a configured symbol");
            }
            bars.put(symbol, List.copyOf(symbolBars));
            return this;
        }

        /** The wall clock (server time, timestamps, rate limits, listen keys); tests fix it. */
        public Builder wallClock(Clock c) {
            wallClock = c;
            return this;
        }

        /** A scheduler to share (delays, stalls, paced replay); by default the simulator owns one. */
        public Builder scheduler(ScheduledExecutorService s) {
            scheduler = s;
            return this;
        }

        public ExchangeSimulator build() {
            return new ExchangeSimulator(this);
        }

        private MarketTimeline timeline() {
            Map<String, List<SimBar>> all = new LinkedHashMap<>();
            for (SymbolSpec s : config.symbols()) {
                List<SimBar> given = bars.get(s.symbol());
                if (given != null) {
                    all.put(s.symbol(), given);
                } else if (!s.candleFiles().isEmpty()) {
                    List<SimBar> loaded = new ArrayList<>();
                    s.candleFiles().stream().map(f -> CandleFiles.read(s.symbol(), f)).forEach(loaded::addAll);
                    all.put(s.symbol(), loaded);
                }
            }
            return new MarketTimeline(all);
        }
    }
}
