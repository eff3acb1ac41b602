package dev.trader.marketdata.binance;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.port.MarketDataFeed;
import dev.trader.marketdata.binance.BinanceEvent.Kline;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live {@link MarketDataFeed}: closed 1m bars of Binance's kline streams, over the JDK's
 * WebSocket client ({@link KlineFeedConfig#streamUri()}), in event-time order per instrument,
 * each bar exactly once.
 *
 * <ul>
 *   <li><b>Reconnects</b> after any loss with {@link ReconnectBackoff}; the attempt count resets
 *       at the first valid frame of a connection, so a server that accepts and drops at once
 *       still sees the waits grow.</li>
 *   <li><b>Gap repair</b>: a closed bar that is not the minute after the last published bar of
 *       its symbol (after a reconnect, or when the stream skipped one) first fetches the minutes
 *       in between from REST {@code /api/v3/klines} and publishes them. If REST fails, the bar
 *       is not published and the connection is renewed, so the next attempt repairs again: no
 *       bar is skipped for a failed request. Minutes REST has no valid bar for are counted as
 *       missing and logged (a venue outage cannot be repaired).</li>
 *   <li><b>Order</b>: a bar at or before the last published one of its symbol is dropped and
 *       counted as a duplicate (published before) or out of order (never published). There is
 *       no reorder window: the repair already fetches the minutes before a bar that comes
 *       early, so the late frame is a duplicate by the time it arrives.</li>
 *   <li><b>Clock skew</b>: {@code GET /api/v3/time} at each connect; beyond
 *       {@link KlineFeedConfig#maxClockSkew()} it is logged, flagged in {@link #status()} and
 *       sent as {@link FeedEvent.ClockSkewed}. Bars still flow: their times are the
 *       exchange's, not ours, so our clock cannot misorder them; what it can mislead is our own
 *       timing (staleness here, order timestamps elsewhere), which the flag lets an operator
 *       or a readiness check act on.</li>
 *   <li><b>Staleness</b>: a symbol without a frame for {@link KlineFeedConfig#staleAfter()} is
 *       reported ({@link FeedEvent.Stale}); after {@link KlineFeedConfig#reconnectAfterStale()}
 *       more, the connection is renewed.</li>
 *   <li><b>Hostile input</b> never stops the feed: every refused frame or REST row is logged
 *       with its reason and counted by {@link FrameRejected#code()}.</li>
 *   <li><b>Backpressure</b>: see {@link BarOutlet}; no bar is dropped for a slow subscriber. The
 *       publisher is hot: the connection opens at the first subscription, and a later subscriber
 *       gets the bars from when it subscribed.</li>
 * </ul>
 *
 * <p>Everything that changes state runs on one thread of the feed's own, so there is no locking
 * beyond the status counters; the WebSocket callbacks only hand frames to it, and the next frame
 * is requested once the previous one is handled.
 */
public final class BinanceKlineFeed implements MarketDataFeed, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceKlineFeed.class);
    private static final Timeframe INTERVAL = Timeframe.M1;
    private static final int LOGGED_FRAME_CHARS = 200;

    /** Logged with every duplicate bar: built once. */
    private final String description;
    private final KlineFeedConfig config;
    private final Consumer<FeedEvent> listener;
    private final RandomGenerator random;
    private final Clock clock;
    private final HttpClient http;
    private final BinanceRest rest;
    private final BinanceFrameParser parser = new BinanceFrameParser();
    private final ScheduledExecutorService loop;
    private final BarOutlet outlet;
    private final FeedCounters counters = new FeedCounters();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    // Owned by the loop thread.
    private final Map<String, BarOrderGuard> guards = new HashMap<>();
    private final StaleWatch staleWatch;
    private WebSocket socket;
    private boolean connected;
    private int generation;
    /** Set before the start only ({@link #resumeAfter}); read on the loop thread after. */
    private volatile Duration maxResumeRepair = Duration.ZERO;
    private int attempt;
    private ScheduledFuture<?> pendingReconnect;

    /** A feed with a random backoff jitter, reporting events nowhere but the log. */
    public BinanceKlineFeed(KlineFeedConfig config) {
        this(config, event -> { }, new Random(), Clock.systemUTC());
    }

    /**
     * @param listener told of connections, staleness, skew and repairs, on the feed's thread
     * @param random   the backoff jitter's source; seeded in tests
     * @param clock    our clock, compared with the exchange's
     */
    public BinanceKlineFeed(KlineFeedConfig config, Consumer<FeedEvent> listener, RandomGenerator random, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.description = "binance klines " + config.streamUri();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        this.rest = new BinanceRest(http, config.restBase(), config.connectTimeout());
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-kline-feed");
            t.setDaemon(true);
            return t;
        });
        this.outlet = new BarOutlet(config.bufferBars(), this::start);
        config.symbols().forEach(s -> guards.put(s, new BarOrderGuard(INTERVAL.duration())));
        this.staleWatch = new StaleWatch(config.symbols(), System.nanoTime());
    }

    @Override
    public String describe() {
        return description;
    }

    /** The bars; the connection opens at the first subscription. */
    @Override
    public Flow.Publisher<Bar> bars() {
        return outlet;
    }

    /** Whether the feed has opened its connection (this node trades the market data). */
    public boolean isStarted() {
        return started.get();
    }

    public FeedStatus status() {
        return counters.snapshot();
    }

    /**
     * Continues where an earlier feed left off (the node that traded before a failover, or this
     * node before a restart): per symbol, the open time of the last bar the engine took. The first
     * bar after it fetches the minutes in between from REST, as after a reconnect; a gap longer
     * than {@code maxRepair} is not repaired (trading on hours-old bars would act on a market
     * long gone): the feed starts from the stream, and says so. Call before {@link #start}.
     */
    public void resumeAfter(Map<String, Instant> lastBars, Duration maxRepair) {
        if (started.get()) {
            throw new IllegalStateException("resumeAfter must be called before the feed starts");
        }
        this.maxResumeRepair = Objects.requireNonNull(maxRepair, "maxRepair");
        lastBars.forEach((symbol, last) -> {
            BarOrderGuard guard = guards.get(symbol);
            if (guard != null && last != null) {
                guard.resumeAfter(last);
            }
        });
    }

    /** Opens the connection now rather than at the first subscription (bars before a subscriber are counted, not kept). */
    public void start() {
        if (started.compareAndSet(false, true)) {
            post(this::connect);
            long tick = Math.max(10, Math.min(config.staleAfter().toMillis(), config.reconnectAfterStale().toMillis()) / 4);
            loop.scheduleWithFixedDelay(this::checkStale, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes the socket and completes the subscribers (after the bars already buffered for them). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        outlet.close();
        post(() -> {
            generation++;
            dropSocket();
        });
        loop.shutdown();
        try {
            if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connect() {
        pendingReconnect = null;
        if (closed.get()) {
            return;
        }
        checkClockSkew();
        int gen = ++generation;
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder().connectTimeout(config.connectTimeout())
                .buildAsync(config.streamUri(), new SocketListener(gen));
        try {
            socket = opening.get(config.connectTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            reconnectLater("connect failed: " + (cause instanceof WebSocketHandshakeException h
                    ? "handshake answered HTTP " + h.getResponse().statusCode() : cause.toString()));
            return;
        } catch (TimeoutException e) {
            // Should the handshake still finish, that socket belongs to no one: close it.
            opening.thenAccept(WebSocket::abort);
            reconnectLater("connect timed out after " + config.connectTimeout());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        connected = true;
        counters.connected(true);
        staleWatch.restart(System.nanoTime());
        LOG.info("{}: connected", describe());
        listener.accept(new FeedEvent.Connected(config.streamUri().toString()));
    }

    private void checkClockSkew() {
        try {
            Duration skew = rest.clockSkew(clock);
            boolean exceeded = skew.abs().compareTo(config.maxClockSkew()) > 0;
            counters.skew(skew, exceeded);
            if (exceeded) {
                LOG.warn("{}: the exchange's clock is {} ms {} ours, beyond the bound of {} ms; bars flow on, local timing is suspect",
                        describe(), skew.abs().toMillis(), skew.isNegative() ? "behind" : "ahead of", config.maxClockSkew().toMillis());
                listener.accept(new FeedEvent.ClockSkewed(skew, config.maxClockSkew()));
            }
        } catch (IOException e) {
            LOG.warn("{}: server time unavailable, clock skew not checked: {}", describe(), e.getMessage());
        }
    }

    /** Drops the current socket (if any) and schedules the next attempt after the backoff. */
    private void reconnectLater(String reason) {
        if (closed.get() || pendingReconnect != null) {
            return;
        }
        generation++; // callbacks of the old socket are ignored from here on
        dropSocket();
        if (connected) {
            connected = false;
            counters.connected(false);
            listener.accept(new FeedEvent.Disconnected(reason));
        }
        Duration delay = config.backoff().delay(attempt, random);
        LOG.warn("{}: {}; reconnect attempt {} in {} ms", describe(), reason, attempt, delay.toMillis());
        listener.accept(new FeedEvent.ReconnectScheduled(attempt, delay, reason));
        attempt++;
        counters.reconnect();
        pendingReconnect = loop.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void dropSocket() {
        if (socket != null) {
            socket.abort();
            socket = null;
        }
    }

    private void onLost(int gen, String reason) {
        if (gen == generation) {
            reconnectLater(reason);
        }
    }

    /** One whole text frame of connection {@code gen}; null when it was too long to keep. */
    private void onFrame(int gen, String frame, int length) {
        if (gen != generation) {
            return;
        }
        if (frame == null) {
            reject(new FrameRejected(FrameRejected.OVERSIZE, "frame of " + length + "+ chars exceeds the limit of "
                    + BinanceFrameParser.MAX_FRAME_CHARS), "");
            return;
        }
        Kline kline;
        try {
            kline = kline(parser.parse(frame));
        } catch (FrameRejected e) {
            reject(e, frame);
            return;
        }
        counters.frame();
        attempt = 0;
        if (staleWatch.frame(kline.symbol(), System.nanoTime())) {
            LOG.info("{}: {} has frames again", describe(), kline.symbol());
            counters.stale(staleWatch.stale());
            listener.accept(new FeedEvent.Fresh(kline.symbol()));
        }
        if (kline.closed()) {
            onClosedBar(kline.toBar(config.venue()));
        }
    }

    /** The event if it is a 1m kline of one of our symbols: nothing else was subscribed. */
    private Kline kline(BinanceEvent event) throws FrameRejected {
        if (!(event instanceof Kline kline)) {
            throw new FrameRejected("unexpected_event", "a " + event.getClass().getSimpleName() + " event on a kline connection");
        }
        if (!guards.containsKey(kline.symbol())) {
            throw new FrameRejected("unsubscribed_symbol", "a kline of " + kline.symbol() + ", which is not subscribed");
        }
        if (kline.interval() != INTERVAL) {
            throw new FrameRejected("unexpected_interval", "a kline of interval " + kline.interval().label() + ", expected 1m");
        }
        return kline;
    }

    private void onClosedBar(Bar bar) {
        String symbol = bar.instrument().symbol();
        BarOrderGuard guard = guards.get(symbol);
        switch (guard.classify(bar.openTime())) {
            case NEXT -> publish(bar);
            case AFTER_GAP -> {
                if (!guard.publishedAny() && Duration.between(guard.last(), bar.openTime()).compareTo(maxResumeRepair) > 0) {
                    LOG.warn("{}: {} resumes at {}, {} after the engine's last bar {}: longer than {}, not repaired", describe(), symbol,
                            bar.openTime(), Duration.between(guard.last(), bar.openTime()), guard.last(), maxResumeRepair);
                    publish(bar);
                } else if (repair(symbol, guard.last().plus(INTERVAL.duration()), bar.openTime().minus(INTERVAL.duration()))) {
                    publish(bar);
                }
            }
            case DUPLICATE -> {
                counters.duplicate();
                LOG.debug("{}: {} {} already published, dropped", describe(), symbol, bar.openTime());
            }
            case OUT_OF_ORDER -> {
                counters.outOfOrder();
                LOG.warn("{}: {} bar {} arrived after {}, dropped", describe(), symbol, bar.openTime(), guard.last());
            }
        }
    }

    /**
     * Publishes the bars of {@code symbol} with open times in {@code [from, to]} from REST.
     *
     * @return false when REST failed: the connection is being renewed and the caller must not
     *         publish the bar after the gap
     */
    private boolean repair(String symbol, Instant from, Instant to) {
        KlineRows.Result result;
        try {
            result = rest.klines(new InstrumentId(config.venue(), symbol), INTERVAL, from, to);
        } catch (IOException e) {
            reconnectLater("gap repair of " + symbol + " " + from + " .. " + to + " failed: " + e.getMessage());
            return false;
        }
        result.rejected().forEach(r -> reject(r, "(REST /api/v3/klines " + symbol + ")"));
        BarOrderGuard guard = guards.get(symbol);
        int repaired = 0;
        for (Bar bar : result.bars()) {
            if (bar.openTime().isAfter(guard.last())) {
                publish(bar);
                repaired++;
            }
        }
        long expected = Duration.between(from, to).toMillis() / INTERVAL.millis() + 1;
        long missing = expected - repaired;
        counters.repaired(repaired, missing);
        if (missing > 0) {
            LOG.warn("{}: gap of {} from {} to {}: {} bars from REST, {} minutes the venue has no valid bar for", describe(), symbol, from, to,
                    repaired, missing);
        } else {
            LOG.info("{}: gap of {} from {} to {} repaired with {} bars from REST", describe(), symbol, from, to, repaired);
        }
        listener.accept(new FeedEvent.GapRepaired(symbol, from, to, repaired, missing));
        return true;
    }

    private void publish(Bar bar) {
        guards.get(bar.instrument().symbol()).published(bar.openTime());
        counters.emitted(!outlet.hasSubscribers());
        long waited = outlet.emit(bar);
        if (waited > 0) {
            staleWatch.excuse(waited);
        }
    }

    private void reject(FrameRejected e, String frame) {
        counters.rejected(e.code());
        String shown = frame.length() <= LOGGED_FRAME_CHARS ? frame : frame.substring(0, LOGGED_FRAME_CHARS) + "…";
        LOG.warn("{}: refused, {}: {} {}", describe(), e.code(), e.getMessage(), shown);
    }

    private void checkStale() {
        if (!connected || closed.get()) {
            return;
        }
        long now = System.nanoTime();
        long staleNanos = config.staleAfter().toNanos();
        for (String symbol : staleWatch.newlyStale(now, staleNanos)) {
            Duration silent = Duration.ofNanos(staleWatch.silence(symbol, now));
            LOG.warn("{}: no frame for {} in {} ms", describe(), symbol, silent.toMillis());
            listener.accept(new FeedEvent.Stale(symbol, silent));
        }
        counters.stale(staleWatch.stale());
        Map.Entry<String, Long> longest = staleWatch.longestSilence(now);
        if (longest.getValue() > staleNanos + config.reconnectAfterStale().toNanos()) {
            reconnectLater("no frame for " + longest.getKey() + " in " + Duration.ofNanos(longest.getValue()).toMillis() + " ms");
        }
    }

    private void post(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // The feed is closed: late socket callbacks have nothing left to do.
        }
    }

    /** Hands whole frames of one connection to the loop; the next frame is requested once this one is handled. */
    private final class SocketListener implements WebSocket.Listener {
        private final int gen;
        private final StringBuilder text = new StringBuilder();
        private int length;

        SocketListener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            length += data.length();
            // Beyond the limit the rest of the frame is counted, not kept.
            if (length <= BinanceFrameParser.MAX_FRAME_CHARS) {
                text.append(data);
            }
            if (!last) {
                webSocket.request(1);
                return null;
            }
            String frame = length <= BinanceFrameParser.MAX_FRAME_CHARS ? text.toString() : null;
            int frameLength = length;
            text.setLength(0);
            length = 0;
            post(() -> {
                onFrame(gen, frame, frameLength);
                webSocket.request(1);
            });
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (last) {
                post(() -> {
                    if (gen == generation) {
                        reject(new FrameRejected("binary frame on a JSON stream"), "");
                    }
                });
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            post(() -> onLost(gen, "closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            post(() -> onLost(gen, "connection failed: " + error));
        }
    }
}
