package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.app.testing.FixtureCandles;
import dev.trader.app.testing.FixtureCandles.Candle;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.file.MarketFileName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's HTTP surface over real loopback HTTP, after the real fixtures (720 one-minute
 * candles each of BTCUSDT and ETHUSDT) went through the full production wiring. One node for
 * the whole class; the expected values are read from the fixture files themselves.
 */
class HttpApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> CONFIGURED = Set.of("binance:BTCUSDT", "binance:ETHUSDT");

    @TempDir
    static Path workDir;

    private static TraderNode node;
    private static ReplayReport replay;
    private static HttpClient http;
    /** The last candle of each fixture, by instrument id. */
    private static final Map<String, Candle> LAST = new HashMap<>();
    private static final Map<String, Integer> COUNT = new HashMap<>();

    @BeforeAll
    static void startNodeAndReplayTheFixtures() throws Exception {
        for (Path fixture : TestNodes.FIXTURES) {
            String id = MarketFileName.of(fixture).instrument().value();
            List<Candle> candles = FixtureCandles.read(fixture);
            LAST.put(id, candles.get(candles.size() - 1));
            COUNT.put(id, candles.size());
        }
        assertEquals(CONFIGURED, LAST.keySet(), "the fixtures cover exactly the configured instruments");

        node = TraderNode.start(TestNodes.config(new H2Backend().freshJournal("http_api", workDir)));
        replay = new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theReplayFedEveryFixtureCandle() {
        assertEquals(COUNT.values().stream().mapToLong(Integer::longValue).sum(), replay.barsNew(), "every fixture bar is new");
        for (IngestReport file : replay.files()) {
            assertEquals(0, file.rejected(), file.source() + " is clean real data: " + file.rejectionsByReason());
            assertEquals(file.rowsRead(), file.barsAccepted(), file.source());
        }
    }

    @Test
    void healthIsUpAsJson() throws Exception {
        HttpResponse<String> r = get("/health");
        assertEquals(200, r.statusCode());
        assertJsonContentType(r);
        JsonNode body = JSON.readTree(r.body());
        assertEquals("up", body.path("status").asText(), r.body());
        for (String check : List.of("cluster", "journal", "shards", "exchange", "data")) {
            assertEquals("ok", body.path("checks").path(check).asText(), check + " in " + r.body());
        }
    }

    @Test
    void readyChecksClusterJournalAndShards() throws Exception {
        HttpResponse<String> r = get("/ready");
        assertEquals(200, r.statusCode(), r.body());
        assertJsonContentType(r);
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.path("ready").isBoolean() && body.path("ready").booleanValue(), r.body());
        JsonNode checks = body.path("checks");
        for (String check : List.of("cluster", "journal", "shards", "exchange", "data")) {
            assertEquals("ok", checks.path(check).asText(null), check + " in " + r.body());
        }
    }

    @Test
    void statusShowsTheFixturesTheAccountAndConsistentEquity() throws Exception {
        HttpResponse<String> r = get("/api/status");
        assertEquals(200, r.statusCode(), r.body());
        assertJsonContentType(r);
        JsonNode s = JSON.readTree(r.body());
        assertEquals("paper", s.path("mode").asText(null), r.body());
        assertEquals(node.system().settings().config().getString("trader.node-name"), s.path("node").asText(null));
        assertFalse(s.path("node").asText("").isBlank());
        assertTrue(s.path("clusterMembers").isArray() && s.path("clusterMembers").size() == 1, "a cluster of one: " + s.path("clusterMembers"));
        assertTrue(s.path("clusterMembers").get(0).asText().endsWith(" Up"), s.path("clusterMembers").toString());

        Map<String, BigDecimal> lastClose = new HashMap<>();
        JsonNode instruments = s.path("instruments");
        assertTrue(instruments.isArray(), r.body());
        Set<String> seen = new HashSet<>();
        for (JsonNode i : instruments) {
            String id = i.path("id").asText();
            assertTrue(seen.add(id), "listed once: " + id);
            Candle last = LAST.get(id);
            assertNotNull(last, "unexpected instrument " + id);
            assertEquals("2023-03-17T10:14:00Z", i.path("lastBarTime").asText(null), id);
            assertEquals(last.openTime().toString(), i.path("lastBarTime").asText(null), id + ": the fixture's last open time");
            assertEquals(720, i.path("barsAccepted").asLong(-1), id);
            assertEquals((long) COUNT.get(id), i.path("barsAccepted").asLong(-1), id);
            assertEquals(0, i.path("barsRejected").asLong(-1), id);
            assertEquals(0, i.path("rejectionsByReason").size(), id);
            BigDecimal close = decimalString(i, "lastClose");
            assertEquals(0, close.compareTo(last.closeValue()),
                    id + ": lastClose " + close + " must be the last fixture close " + last.close());
            lastClose.put(id, close);
        }
        assertEquals(CONFIGURED, seen, "both configured instruments are listed");

        JsonNode account = s.path("account");
        assertEquals("USDT", account.path("currency").asText(null));
        BigDecimal initial = decimalString(account, "initialCapital");
        assertEquals(0, initial.compareTo(new BigDecimal("10000")), "initial capital from conf/trader.conf: " + initial);
        BigDecimal cash = decimalString(account, "cash");
        BigDecimal equity = decimalString(account, "equity");
        assertTrue(cash.signum() >= 0, "paper spot trading cannot overdraw: cash " + cash);

        BigDecimal marked = BigDecimal.ZERO;
        List<String> described = new ArrayList<>();
        for (JsonNode p : s.path("openPositions")) {
            String instrument = p.path("instrument").asText();
            assertTrue(CONFIGURED.contains(instrument), "an open position on an unconfigured instrument: " + p);
            BigDecimal quantity = decimalString(p, "quantity");
            assertTrue(quantity.signum() > 0, "an open position holds something: " + p);
            String side = p.path("side").asText();
            BigDecimal signed = switch (side) {
                case "LONG" -> quantity;
                case "SHORT" -> quantity.negate();
                default -> fail("an open position is LONG or SHORT: " + p);
            };
            BigDecimal mark = lastClose.get(instrument);
            assertEquals(0, decimalString(p, "lastPrice").compareTo(mark), "positions are marked at the last close: " + p);
            marked = marked.add(signed.multiply(mark));
            described.add(side + " " + quantity + " " + instrument + " @ " + mark);
        }
        assertEquals(0, equity.compareTo(cash.add(marked)),
                "equity " + equity + " == cash " + cash + " + Σ quantity × last close " + marked + " over " + described);

        JsonNode entities = s.path("entities");
        assertTrue(entities.path("orders").asLong(0) > 0, "the fixtures trade: " + entities);
        assertEquals(account.path("intentsApproved").asLong(-1), entities.path("orders").asLong(-2), entities.toString());
        assertEquals(2, entities.path("instruments").asLong(-1), entities.toString());
        assertEquals(1, entities.path("accounts").asLong(-1), entities.toString());
        System.out.printf("[http-api] cash %s, equity %s, %d orders, open: %s%n", cash, equity, entities.path("orders").asLong(), described);
    }

    @Test
    void oneInstrumentIsServedByItsId() throws Exception {
        HttpResponse<String> r = get("/api/instruments/binance:BTCUSDT");
        assertEquals(200, r.statusCode(), r.body());
        assertJsonContentType(r);
        JsonNode i = JSON.readTree(r.body());
        Candle last = LAST.get("binance:BTCUSDT");
        assertEquals("binance:BTCUSDT", i.path("instrument").asText(null), r.body());
        assertEquals(720, i.path("barsAccepted").asLong(-1), r.body());
        assertEquals(last.openTime().toString(), i.path("watermark").asText(null), r.body());
        assertTrue(i.path("lastClose").isTextual(), "amounts are decimal strings: " + i.path("lastClose"));
        BigDecimal close = decimal(i.path("lastClose"));
        assertEquals(0, close.compareTo(last.closeValue()), "lastClose " + i.path("lastClose") + " must be " + last.close());
        JsonNode recent = i.path("recentBars");
        assertTrue(recent.isArray() && recent.size() > 0, r.body());
        assertEquals(last.openTime().toString(), recent.get(recent.size() - 1).path("openTime").asText(null), "the newest recent bar");
        assertTrue(i.path("rejectionsByReason").isObject() && i.path("rejectionsByReason").isEmpty(), r.body());
    }

    @Test
    void aMalformedInstrumentIdIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> r = get("/api/instruments/bad");
        assertEquals(400, r.statusCode(), r.body());
        assertJsonContentType(r);
        JsonNode e = JSON.readTree(r.body());
        assertEquals("bad_request", e.path("error").asText(null), r.body());
        assertTrue(e.path("message").asText("").contains("'bad'"), "the message names the bad value: " + r.body());
    }

    @Test
    void anUnconfiguredInstrumentIsNotFound() throws Exception {
        HttpResponse<String> r = get("/api/instruments/binance:XRPUSDT");
        assertEquals(404, r.statusCode(), r.body());
        assertJsonContentType(r);
        JsonNode e = JSON.readTree(r.body());
        assertEquals("not_found", e.path("error").asText(null), r.body());
        assertTrue(e.path("message").asText("").contains("binance:XRPUSDT"), r.body());
    }

    /** The first entry (by client order id) whose order filled completely. */
    private static OrderState filledEntry() throws Exception {
        AccountState account = node.engine().account().<AccountState>ask(AccountEntity.GetStatus::new, TIMEOUT).toCompletableFuture().get();
        List<IntentDecision> entries = account.decisions().values().stream()
                .filter(d -> d.approved() && d.request() != null && !d.request().reduceOnly())
                .sorted(Comparator.comparing(IntentDecision::clientOrderId)).toList();
        for (IntentDecision d : entries) {
            OrderState o = node.engine().order(d.request().clientOrderId()).<OrderState>ask(OrderEntity.GetOrder::new, TIMEOUT)
                    .toCompletableFuture().get();
            if (o.exists() && o.status() == OrderStatus.FILLED) {
                assertEquals(0, o.decisionPrice().toBigDecimal().compareTo(new BigDecimal(d.inputs().get("reference_price"))),
                        "an entry is decided at its signal's price, the reference price the risk rules sized it with");
                return o;
            }
        }
        throw new AssertionError("the fixtures fill no entry: " + entries.size() + " approved");
    }

    @Test
    void anOrderIsServedWithItsExecutionQualityComputedExactlyFromItsFills() throws Exception {
        OrderState order = filledEntry();
        String id = order.request().clientOrderId().value();

        HttpResponse<String> r = get("/api/orders/" + id);
        assertEquals(200, r.statusCode(), r.body());
        assertJsonContentType(r);
        JsonNode o = JSON.readTree(r.body());
        assertEquals(id, o.path("clientOrderId").asText(null), r.body());
        assertEquals("FILLED", o.path("status").asText(null), r.body());
        assertEquals(OrderSide.BUY.name(), o.path("side").asText(null), r.body());
        assertEquals(order.request().instrument().value(), o.path("instrument").asText(null));
        JsonNode execution = o.path("execution");
        BigDecimal decision = decimalString(execution, "decisionPrice");
        assertEquals(0, decision.compareTo(order.decisionPrice().toBigDecimal()), r.body());

        // The served fills give the average and the slippage back, exactly.
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (JsonNode f : o.path("fills")) {
            quantity = quantity.add(decimalString(f, "quantity"));
            notional = notional.add(decimalString(f, "price").multiply(decimalString(f, "quantity")));
        }
        assertEquals(0, quantity.compareTo(decimalString(o, "filledQuantity")), r.body());
        assertEquals(0, notional.divide(quantity, 10, RoundingMode.HALF_EVEN).compareTo(decimalString(o, "averageFillPrice")), r.body());
        BigDecimal worse = notional.subtract(decision.multiply(quantity)); // a buy: above the decision price is worse
        assertEquals(0, worse.setScale(8, RoundingMode.HALF_EVEN).compareTo(decimalString(execution, "slippageQuote")), r.body());
        BigDecimal bps = worse.multiply(BigDecimal.valueOf(10_000)).divide(decision.multiply(quantity), 6, RoundingMode.HALF_EVEN);
        assertEquals(bps, decimalString(execution, "slippageBps"), r.body());
        assertEquals("USDT", execution.path("currency").asText(null), r.body());

        BigDecimal ack = decimalString(execution, "decisionToAckMs");
        BigDecimal firstFill = decimalString(execution, "decisionToFirstFillMs");
        assertTrue(ack.signum() >= 0, "a wall-clock latency: " + r.body());
        assertTrue(firstFill.compareTo(ack) >= 0, "the paper venue acknowledges at once and fills at the next bar: " + r.body());
        assertEquals(0, firstFill.compareTo(decimalString(execution, "decisionToLastFillMs")), "one fill: " + r.body());
        assertTrue(execution.path("decidedAt").isTextual() && execution.path("ackedAt").isTextual(), r.body());
        System.out.printf("[http-api] order %s: %s%n", id, r.body());
    }

    @Test
    void anOrderNeverPlacedIsNotFoundAndAMalformedIdABadRequestBothNamingIt() throws Exception {
        HttpResponse<String> unknown = get("/api/orders/t00000000000000000000000000000000");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertJsonContentType(unknown);
        JsonNode e = JSON.readTree(unknown.body());
        assertEquals("not_found", e.path("error").asText(null), unknown.body());
        assertTrue(e.path("message").asText("").contains("t00000000000000000000000000000000"), unknown.body());

        HttpResponse<String> malformed = get("/api/orders/not!an*id");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertJsonContentType(malformed);
        JsonNode m = JSON.readTree(malformed.body());
        assertEquals("bad_request", m.path("error").asText(null), malformed.body());
        assertTrue(m.path("message").asText("").contains("'not!an*id'"), "the message names the bad value: " + malformed.body());
    }

    @Test
    void executionQualityIsSummedUpPerInstrumentOverEveryOrderPlaced() throws Exception {
        HttpResponse<String> r = get("/api/execution-quality");
        assertEquals(200, r.statusCode(), r.body());
        assertJsonContentType(r);
        JsonNode q = JSON.readTree(r.body());
        long total = 0;
        Set<String> seen = new HashSet<>();
        for (JsonNode i : q.path("instruments")) {
            String instrument = i.path("instrument").asText();
            assertTrue(CONFIGURED.contains(instrument) && seen.add(instrument), "listed once, configured: " + instrument);
            long orders = i.path("orders").asLong(-1);
            long filled = i.path("filled").asLong(-1);
            total += orders;
            assertTrue(orders > 0 && filled > 0 && filled <= orders, r.body());
            assertEquals(orders, i.path("decisionToAckMs").path("n").asLong(-1), "every order of this run was measured and acknowledged");
            assertEquals(filled, i.path("slippageBps").path("n").asLong(-1), "every filled order has a decision price");
            long marketFills = i.path("decisionToFirstFillMs").path("n").asLong(-1);
            assertTrue(marketFills > 0 && marketFills <= filled, "the filled market orders: " + i);
            for (String figure : List.of("decisionToAckMs", "decisionToFirstFillMs", "decisionToFillMs", "slippageBps")) {
                JsonNode stats = i.path(figure);
                if (stats.path("n").asLong(0) > 0) {
                    assertTrue(decimalString(stats, "p50").compareTo(decimalString(stats, "p90")) <= 0, figure + ": " + stats);
                    decimalString(stats, "mean");
                }
            }
            decimalString(i, "slippageQuote");
        }
        assertTrue(total > 0, r.body());
        assertEquals(total, q.path("orders").asLong(-1), r.body());
        System.out.printf("[http-api] execution quality: %s%n", r.body());

        // The entry served above is counted among its instrument's filled orders.
        OrderState entry = filledEntry();
        assertTrue(seen.contains(entry.request().instrument().value()), r.body());
    }

    @Test
    void anUnknownRouteIsAJsonNotFound() throws Exception {
        for (String path : List.of("/nope", "/api", "/api/status/extra", "/api/instruments/binance:BTCUSDT/extra")) {
            HttpResponse<String> r = get(path);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertJsonContentType(r);
            JsonNode e = JSON.readTree(r.body());
            assertEquals("not_found", e.path("error").asText(null), path + ": " + r.body());
            assertFalse(e.path("message").asText("").isBlank(), path + ": " + r.body());
        }
    }

    @Test
    void aWrongMethodIsAJsonMethodNotAllowed() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/health")).header("Authorization", TestNodes.AUTH).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode(), r.body());
        assertJsonContentType(r);
        JsonNode e = JSON.readTree(r.body());
        assertEquals("method_not_allowed", e.path("error").asText(null), r.body());
        assertTrue(e.path("message").asText("").contains("GET"), "names the allowed method: " + r.body());
        assertEquals(java.util.Optional.of("GET"), r.headers().firstValue("Allow"), "a 405 carries Allow (RFC 9110 15.5.6)");
    }

    @Test
    void malformedHttpIsAnsweredWithAClientErrorAndTheNodeStaysUp() throws Exception {
        // Not HTTP at all (a TLS-like binary prefix and one long token): no method, target or version.
        assertClientError(raw("\u0016\u0003\u0001GARBAGE-GARBAGE-GARBAGE-GARBAGE\r\n\r\n"));
        // A header line without a colon.
        assertClientError(raw("GET /health HTTP/1.1\r\nHost: localhost\r\nthis is not a header\r\n\r\n"));
        // A header name with a space in it.
        assertClientError(raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX Bad: 1\r\n\r\n"));
        // HTTP/1.1 without the mandatory Host header.
        assertClientError(raw("GET /health HTTP/1.1\r\n\r\n"));
        // An illegal request target.
        assertClientError(raw("GET /health%zz<> HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        // A Content-Length that is not a number.
        assertClientError(raw("POST /health HTTP/1.1\r\nHost: localhost\r\nContent-Length: lots\r\n\r\n"));

        // An unknown method word: RFC 9110 section 9.1 answers 501, which Pekko does; either way an error, not a crash.
        int unknownMethod = statusOf(raw("GARBAGE / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assertTrue(unknownMethod == 501 || unknownMethod >= 400 && unknownMethod < 500, "GARBAGE method: " + unknownMethod);
        // An HTTP version the server does not speak: 505 or a 4xx.
        int version = statusOf(raw("GET /health HTTP/7.3\r\nHost: localhost\r\n\r\n"));
        assertTrue(version == 505 || version >= 400 && version < 500, "HTTP/7.3: " + version);

        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode(), "the node still answers after malformed requests: " + health.body());
        assertEquals("up", JSON.readTree(health.body()).path("status").asText(null));
    }

    private static void assertClientError(String response) {
        int code = statusOf(response);
        assertTrue(code >= 400 && code < 500, "a 4xx answer, got: " + response);
    }

    private static int statusOf(String response) {
        assertTrue(response.startsWith("HTTP/1.1 "), "an HTTP answer, got: '" + response + "'");
        return Integer.parseInt(response.substring(9, 12));
    }

    /** Sends bytes as they are over a plain socket and returns what comes back until the server closes or goes quiet. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", node.httpPort()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                    if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // keep what arrived; an empty answer fails the caller's check
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Whether a whole response (headers and a Content-Length body) has arrived. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return text.length() - end - 4 >= Integer.parseInt(line.substring(15).strip());
            }
        }
        return false;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestNodes.AUTH).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }

    private static void assertJsonContentType(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), r.uri() + " content type: '" + type + "'");
    }

    /**
     * The instrument endpoint serializes the engine's {@code Price} as it is ({@code {"raw":…,"scale":…}});
     * a decimal string is accepted too. Either way the value must be exact.
     */
    private static BigDecimal decimal(JsonNode v) {
        if (v.isTextual()) {
            return new BigDecimal(v.textValue());
        }
        assertTrue(v.path("raw").isIntegralNumber() && v.path("scale").isInt(), "a price: " + v);
        return BigDecimal.valueOf(v.path("raw").longValue(), v.path("scale").intValue());
    }

    /** A decimal that must arrive as a JSON string, not a number, and parse exactly. */
    private static BigDecimal decimalString(JsonNode parent, String field) {
        JsonNode v = parent.path(field);
        assertTrue(v.isTextual(), field + " must be a decimal string, was " + v.getNodeType() + " in " + parent);
        try {
            return new BigDecimal(v.textValue());
        } catch (NumberFormatException e) {
            throw new AssertionError(field + " is not a decimal: '" + v.textValue() + "'", e);
        }
    }
}
