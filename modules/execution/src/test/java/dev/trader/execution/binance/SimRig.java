package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.order.SubmitOutcome;
import dev.trader.domain.order.SubmitResult;
import dev.trader.execution.sim.ExchangeSimServer;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.exchange.LedgerSnapshot;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.TradeView;
import dev.trader.execution.sim.ws.SimWsConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The real Binance adapter ({@link BinanceVenue}: REST client, execution client, user stream)
 * against the real exchange simulator ({@link ExchangeSimServer}), both on 127.0.0.1, talking HTTP
 * and WebSocket exactly as they would to each other in the demo: no stand-in, no mock. The
 * simulator's ledger is the truth every test compares the client's view with. The key pair is a
 * throw-away made for the tests.
 */
final class SimRig implements AutoCloseable {
    static final String API_KEY = "sim-rig-throwaway-api-key-0123456789";
    static final String SECRET = "sim-rig-throwaway-secret-9876543210";
    static final String BTC_CANDLES = "classpath:/engine/BTC_USDT-1m_20230316-first720.json.gz";
    static final String ETH_CANDLES = "classpath:/engine/ETH_USDT-1m_20230316-first720.json.gz";
    static final InstrumentId BTC = TestSetup.BTC;
    static final InstrumentId ETH = TestSetup.ETH;
    private static final Instant DECIDED = Instant.parse("2023-03-16T22:15:00Z");

    final ExchangeSimServer server;
    final BinanceVenue venue;
    final BinanceExecutionClient client;
    final BinanceSettings settings;
    /** Every fill handed to the engine's listener, in delivery order. */
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();

    private SimRig(ExchangeSimServer server, BinanceSettings settings) {
        this.server = server;
        this.settings = settings;
        this.venue = BinanceVenue.create(settings, BinanceCredentials.of(API_KEY, SECRET), List.of(TestSetup.btcRules(), TestSetup.ethRules()));
        this.client = venue.executionClient();
    }

    /** BTCUSDT and ETHUSDT on the real 1m candles of 2023-03-16, 100,000 USDT, 2 BTC, 10 ETH, Binance's defaults otherwise. */
    static SimConfig.Builder config() {
        return SimConfig.builder()
                .symbol(SymbolSpec.of("BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "0.00001", "9000", "5").withCandles(BTC_CANDLES))
                .symbol(SymbolSpec.of("ETHUSDT", "ETH", "USDT", "0.01", "0.0001", "0.0001", "9000", "5").withCandles(ETH_CANDLES))
                .balance("USDT", "100000").balance("BTC", "2").balance("ETH", "10").fees("0.001", "0.002").seed(42);
    }

    /** Short timeouts and backoffs, so that a test sees a timeout, a reconnect or a breaker cycle within a second or two. */
    static BinanceSettings.Builder settings(ExchangeSimServer server) {
        return BinanceSettings.builder().restBaseUrl(URI.create(server.restUrl())).wsBaseUrl(URI.create(server.wsUrl()))
                .requestTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(1)).maxQueueWait(Duration.ofSeconds(10))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(400)).backoffSeed(42).breaker(5, Duration.ofSeconds(1));
    }

    static SimRig start(SimConfig.Builder config) {
        return start(config, b -> b);
    }

    /**
     * Starts the simulator and the adapter as the node does (no trade cursor restored: the first
     * repair looks back by time, which the simulator's market-time trades of 2023 never match, and
     * anchors the cursor at the newest trade). The fault plan applies once the adapter has started:
     * its start goes through the same REST API and stream that DELAY_REST or KILL_USER_STREAM break.
     */
    static SimRig start(SimConfig.Builder config, UnaryOperator<BinanceSettings.Builder> tweak) {
        SimConfig c = config.build().withApiKey(API_KEY, SECRET);
        ExchangeSimServer server = ExchangeSimServer.start(c, SimWsConfig.binance(), "127.0.0.1", 0);
        SimRig rig;
        try {
            server.simulator().suspendFaults();
            warmUp(server);
            rig = new SimRig(server, tweak.apply(settings(server)).build());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        try {
            rig.client.setFillListener(f -> {
                rig.fills.add(f);
                return CompletableFuture.completedFuture(null);
            });
            rig.venue.start().toCompletableFuture().get(15, TimeUnit.SECONDS);
            server.simulator().resumeFaults();
            return rig;
        } catch (Exception e) {
            rig.close();
            throw new AssertionError("the adapter did not start against the simulator: " + e, e);
        }
    }

    /**
     * The first requests to a fresh server are slow (class loading, JIT, the HTTP stack's pools): on a
     * busy machine slower than the short request timeouts some tests give the adapter, whose start
     * would then fail before the test began. A few plain calls with a generous timeout warm it up.
     */
    private static void warmUp(ExchangeSimServer server) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
        for (String path : new String[] {"/api/v3/ping", "/api/v3/time", "/api/v3/exchangeInfo", "/api/v3/time"}) {
            try {
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.restUrl() + path)).timeout(java.time.Duration.ofSeconds(10))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the simulator did not answer " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // --- orders ---

    static OrderRequest limit(String id, InstrumentId instrument, OrderSide side, String qty, String price) {
        return new OrderRequest(new ClientOrderId(id), new StrategyId("sim-test"), instrument, side, OrderType.LIMIT, Quantity.of(qty),
                Price.of(price), DECIDED);
    }

    static OrderRequest market(String id, InstrumentId instrument, OrderSide side, String qty) {
        return new OrderRequest(new ClientOrderId(id), new StrategyId("sim-test"), instrument, side, OrderType.MARKET, Quantity.of(qty),
                null, DECIDED);
    }

    /** A BUY LIMIT far below the market: it rests (NEW) and never trades in the replayed data. */
    static OrderRequest resting(String id) {
        return limit(id, BTC, OrderSide.BUY, "0.001", "20000");
    }

    SubmitResult submit(OrderRequest r) {
        return TestSetup.join(client.submit(r));
    }

    Optional<OrderStatus> query(String id) {
        return TestSetup.join(client.query(new ClientOrderId(id)));
    }

    // --- the truth ---

    LedgerSnapshot ledger() {
        return server.simulator().snapshot();
    }

    /** Orders in the ledger with this client order id (the exchange keeps them all, ended ones too). */
    List<OrderView> ordersWithClientId(String id) {
        return ledger().orders().stream().filter(o -> o.clientOrderId().equals(id)).toList();
    }

    /** Waits until every trade of the ledger has been delivered (or 10 s), then until delivery is idle. */
    void awaitFillsOfLedger() {
        waitUntil("every ledger trade is delivered to the fill listener (ledger " + ledger().trades().size() + ", delivered "
                + client.deliveredFills() + ")", Duration.ofSeconds(10), () -> client.deliveredFills() >= server.simulator().tradeCount());
        TestSetup.join(client.fillsDelivered());
    }

    /** Each ledger trade delivered exactly once, as the engine's Fill of the right order, price, quantity and fee; nothing else. */
    void assertFillsEqualLedger() {
        LedgerSnapshot l = ledger();
        Map<Long, String> clientIds = new HashMap<>();
        l.orders().forEach(o -> clientIds.put(o.orderId(), o.clientOrderId()));
        Set<String> expected = new TreeSet<>();
        for (TradeView t : l.trades()) {
            expected.add(describe(t.symbol() + "-" + t.id(), clientIds.get(t.orderId()), t.side(), t.price(), t.qty(), t.commission(),
                    t.commissionAsset()));
        }
        List<String> delivered = new ArrayList<>();
        for (Fill f : fills) {
            delivered.add(describe(f.tradeId().value(), f.clientOrderId().value(), f.side(), f.price().toBigDecimal(), f.quantity().toBigDecimal(),
                    f.fee().toBigDecimal(), f.fee().currency()));
        }
        Set<String> distinct = new TreeSet<>(delivered);
        assertEquals(delivered.size(), distinct.size(), () -> "a trade was delivered twice: " + delivered);
        assertEquals(expected, distinct, "the fills delivered are exactly the ledger's trades");
        assertEquals(l.trades().size(), client.deliveredFills());
    }

    private static String describe(String tradeId, String clientOrderId, OrderSide side, BigDecimal price, BigDecimal qty, BigDecimal fee,
                                   String feeAsset) {
        return tradeId + " " + clientOrderId + " " + side + " " + qty.stripTrailingZeros().toPlainString() + " @ "
                + price.stripTrailingZeros().toPlainString() + " fee " + fee.stripTrailingZeros().toPlainString() + " " + feeAsset;
    }

    /**
     * Places a resting order after everything else and waits until its NEW report has come over
     * the user stream (its event time is the latest yet): every event published before it has been
     * handled by then, duplicates and held-back reports included; then waits for the fills to be delivered.
     */
    void flushUserStream(String sentinelId) {
        assertEquals(SubmitOutcome.ACCEPTED, submit(resting(sentinelId)).outcome());
        long t = ordersWithClientId(sentinelId).get(0).time();
        waitUntil("the user stream has brought the report of " + sentinelId, Duration.ofSeconds(10), () -> {
            Instant last = venue.userDataStream().status().lastEventTime();
            return last != null && last.toEpochMilli() >= t;
        });
        TestSetup.join(client.fillsDelivered());
    }

    /** The trade ids delivered, in delivery order. */
    List<String> deliveredTradeIds() {
        return fills.stream().map(f -> f.tradeId().value()).collect(Collectors.toList());
    }

    // --- a second program on the same IP and account: plain HTTP, no rate limiter ---

    /** An unsigned or API-key request by another program on this machine; returns the HTTP status and body. */
    HttpResponse<String> rawRequest(String method, String pathAndQuery, boolean withKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.restUrl() + pathAndQuery)).timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (withKey) {
            b.header("X-MBX-APIKEY", API_KEY);
        }
        try {
            return raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
        }
    }

    static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            venue.close();
        } finally {
            server.close();
        }
    }
}
