package dev.trader.marketdata.binance;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A stand-in for Binance on loopback, over Pekko HTTP: the combined kline stream
 * ({@code /stream?streams=}), whose frames the test pushes, and {@code /api/v3/klines} and
 * {@code /api/v3/time} answered from real 1m candles. The test can drop or refuse connections,
 * withhold or spoil REST rows, fail REST requests, and skew the clock.
 */
final class FakeBinance extends AllDirectives implements AutoCloseable {
    private final Map<String, List<Bar>> history;
    private final ServerBinding binding;
    private final List<Pair<BoundedSourceQueue<String>, UniqueKillSwitch>> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger connectionsOpened = new AtomicInteger();
    final AtomicInteger klinesRequests = new AtomicInteger();
    private final AtomicInteger klinesFailures = new AtomicInteger();
    private final Set<Instant> withheld = ConcurrentHashMap.newKeySet();
    private final Map<Instant, String> spoiled = new ConcurrentHashMap<>();
    private volatile boolean refuse;
    private volatile Duration clockOffset = Duration.ZERO;

    FakeBinance(ActorSystem system, Map<String, List<Bar>> history) throws Exception {
        this.history = history;
        this.binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(route()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    int port() {
        return binding.localAddress().getPort();
    }

    private Route route() {
        return concat(
                path("stream", () -> parameter("streams", streams -> refuse
                        ? complete(StatusCodes.SERVICE_UNAVAILABLE, "refused by the test")
                        : handleWebSocketMessages(connection()))),
                pathPrefix(segment("api").slash("v3"), () -> concat(
                        path("time", () -> complete(json("{\"serverTime\":" + Instant.now().plus(clockOffset).toEpochMilli() + "}"))),
                        path("klines", () -> parameterMap(this::klines)))));
    }

    private Flow<Message, Message, NotUsed> connection() {
        Source<Message, NotUsed> out = Source.<String>queue(100_000)
                .viaMat(KillSwitches.single(), Keep.both())
                .<Message>map(TextMessage::create)
                .mapMaterializedValue(pair -> {
                    sockets.add(pair);
                    connectionsOpened.incrementAndGet();
                    return NotUsed.getInstance();
                });
        return Flow.fromSinkAndSourceCoupled(Sink.ignore(), out);
    }

    private Route klines(Map<String, String> params) {
        klinesRequests.incrementAndGet();
        if (klinesFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return complete(HttpResponse.create().withStatus(StatusCodes.INTERNAL_SERVER_ERROR)
                    .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, "{\"code\":-1000,\"msg\":\"test failure\"}")));
        }
        List<Bar> bars = history.getOrDefault(params.get("symbol"), List.of());
        long start = Long.parseLong(params.get("startTime"));
        long end = Long.parseLong(params.get("endTime"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "500"));
        String rows = bars.stream()
                .filter(b -> b.openTime().toEpochMilli() >= start && b.openTime().toEpochMilli() <= end && !withheld.contains(b.openTime()))
                .limit(limit)
                .map(b -> spoiled.getOrDefault(b.openTime(), row(b)))
                .collect(Collectors.joining(",", "[", "]"));
        return complete(json(rows));
    }

    private static HttpResponse json(String body) {
        return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body));
    }

    /** The REST row Binance sends for a bar. */
    static String row(Bar b) {
        long open = b.openTime().toEpochMilli();
        return "[" + open + ",\"" + plain(b.open()) + "\",\"" + plain(b.high()) + "\",\"" + plain(b.low()) + "\",\"" + plain(b.close())
                + "\",\"" + b.volume().toBigDecimal().toPlainString() + "\"," + (open + 59_999) + ",\"0\",1,\"0\",\"0\",\"0\"]";
    }

    /** The combined-stream kline frame Binance sends for a bar, open (an update) or closed (final). */
    static String kline(Bar b, boolean closed) {
        String symbol = b.instrument().symbol();
        long open = b.openTime().toEpochMilli();
        return "{\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + "@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + (open + 60_000) + ",\"s\":\""
                + symbol + "\",\"k\":{\"t\":" + open + ",\"T\":" + (open + 59_999) + ",\"s\":\"" + symbol + "\",\"i\":\"1m\",\"f\":1,\"L\":2,"
                + "\"o\":\"" + plain(b.open()) + "\",\"c\":\"" + plain(b.close()) + "\",\"h\":\"" + plain(b.high()) + "\",\"l\":\""
                + plain(b.low()) + "\",\"v\":\"" + b.volume().toBigDecimal().toPlainString() + "\",\"n\":2,\"x\":" + closed
                + ",\"q\":\"0\",\"V\":\"0\",\"Q\":\"0\",\"B\":\"0\"}}}";
    }

    private static String plain(Price p) {
        return p.toBigDecimal().toPlainString();
    }

    /** Sends a frame on every open connection. */
    void push(String frame) {
        sockets.forEach(s -> s.first().offer(frame));
    }

    void pushClosed(List<Bar> bars) {
        bars.forEach(b -> push(kline(b, true)));
    }

    /** Closes every connection (a normal close frame), as Binance does at 24 h or for maintenance. */
    void dropConnections() {
        List<Pair<BoundedSourceQueue<String>, UniqueKillSwitch>> open = List.copyOf(sockets);
        sockets.removeAll(open);
        open.forEach(s -> s.second().shutdown());
    }

    void refuseConnections(boolean value) {
        refuse = value;
    }

    void failNextKlines(int requests) {
        klinesFailures.set(requests);
    }

    /** REST has no row for these minutes (a venue outage). */
    void withhold(Instant... openTimes) {
        withheld.addAll(List.of(openTimes));
    }

    /** REST answers this row instead of the real one. */
    void spoil(Instant openTime, String row) {
        spoiled.put(openTime, row);
    }

    void clockOffset(Duration offset) {
        clockOffset = offset;
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        dropConnections();
        try {
            binding.unbind().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
