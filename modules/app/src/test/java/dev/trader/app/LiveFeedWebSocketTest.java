package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.testing.FeedClient;
import dev.trader.app.testing.FeedClient.Closed;
import dev.trader.app.testing.FeedClient.Received;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.NeverReadingFeedClient;
import dev.trader.app.testing.TestKeys;
import dev.trader.app.testing.TestNodes;
import dev.trader.engine.persistence.JdbcSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live feed at {@code /ws} on a real node over real WebSockets on loopback. Before the tests,
 * the node trades the real March 2023 candles while five clients follow it: a fast one, one whose
 * key sees only the {@code ema-cross} strategy, one that drops its connection after its first fill
 * and resubscribes from the last seq it had, and one that never reads (a raw socket with a tiny
 * buffer); afterwards a late client replays everything from seq 0, which is the journal's truth
 * the others are held to. Then the gate: origin, authentication, account, size and rate limits.
 */
class LiveFeedWebSocketTest {
    private static final String ALLOWED_ORIGIN = "http://dashboard.example";
    /** Messages made from one journal event each: the same event gives the same message to every client. */
    private static final Set<String> EVENT_TYPES = Set.of("bar", "signal", "order_submitted", "order", "fill", "guard_reject", "constraint_violation");
    /** Events, never replaced by a newer version when a client falls behind. */
    private static final Set<String> TOASTS = Set.of("order_submitted", "fill", "guard_reject", "constraint_violation");
    private static final Map<String, String> KEYS = new HashMap<>();
    private static final int MAX_PENDING = 256;

    @TempDir
    static Path workDir;
    private static TraderNode node;
    private static Config config;
    private static int port;

    private static List<Received> fast;
    private static List<Received> desk;
    private static List<Received> beforeDrop;
    private static List<Received> afterReconnect;
    private static long droppedAt;
    private static List<Received> fromZero;
    private static List<JsonNode> neverRead;
    private static int backlogOfTheClientThatNeverReads;
    private static int openSocketsWhileTrading;
    private static int openSocketsAfterTheDrop;
    private static boolean allForgottenOnceClosed;

    @BeforeAll
    static void tradeTheRealCandlesWithClientsFollowing() throws Exception {
        Map<String, Object> overrides = new HashMap<>(new H2Backend().freshJournal("feed", workDir));
        overrides.put("trader.api.websocket-feed.max-pending", MAX_PENDING);
        // A small send buffer per socket, so that a client that never reads is felt by the feed at once, not after megabytes.
        overrides.put("pekko.http.server.socket-options.so-send-buffer-size", "16k");
        config = TestNodes.config(overrides)
                .withValue("trader.api.keys", ConfigValueFactory.fromIterable(List.of(
                        key("desk", "viewer", List.of("*"), List.of("ema-cross")),
                        key("elsewhere", "admin", List.of("someone-else"), List.of("*")))))
                .withValue("trader.api.cors.allowed-origins", ConfigValueFactory.fromIterable(List.of(ALLOWED_ORIGIN)));
        node = TraderNode.start(config);
        port = node.httpPort();

        try (FeedClient fastClient = FeedClient.subscribed(port, TestNodes.ADMIN_KEY, null);
             FeedClient deskClient = FeedClient.subscribed(port, KEYS.get("desk"), null);
             NeverReadingFeedClient stuck = new NeverReadingFeedClient(port, TestNodes.ADMIN_KEY)) {
            FeedClient dropping = FeedClient.subscribed(port, TestNodes.ADMIN_KEY, null);
            for (FeedClient c : List.of(fastClient, deskClient, dropping)) {
                c.await(r -> r.type().equals("live"), Duration.ofSeconds(10));
            }
            CompletableFuture<ReplayReport> replay = new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture();

            // The dropping client loses its connection after its first fill, misses what follows, and comes back from its last seq.
            dropping.await(r -> r.type().equals("fill"), Duration.ofSeconds(60));
            openSocketsWhileTrading = node.webSocketFeed().clients();
            dropping.close();
            beforeDrop = dropping.messages();
            droppedAt = beforeDrop.stream().mapToLong(Received::seq).max().orElseThrow();
            Thread.sleep(500);
            openSocketsAfterTheDrop = node.webSocketFeed().clients();
            try (FeedClient back = FeedClient.subscribed(port, TestNodes.ADMIN_KEY, droppedAt)) {
                replay.get(120, TimeUnit.SECONDS);
                fastClient.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(30));
                back.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
                deskClient.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
                fast = fastClient.messages();
                desk = deskClient.messages();
                afterReconnect = back.messages();
            }
            backlogOfTheClientThatNeverReads = node.webSocketFeed().largestBacklog();
            neverRead = stuck.drain(2000);
        }
        allForgottenOnceClosed = forgottenWithin(Duration.ofSeconds(5));
        long start = System.nanoTime();
        try (FeedClient late = FeedClient.subscribed(port, TestNodes.ADMIN_KEY, 0L)) {
            late.await(r -> r.type().equals("live"), Duration.ofSeconds(60));
            fromZero = late.messages();
        }
        System.out.printf("[live feed] fast client: %d messages %s; replay from seq 0: %d messages in %d ms; reconnect after seq %d replayed %d; "
                        + "the client that never read got %d messages, backlog %d, %s%n",
                fast.size(), new java.util.TreeMap<>(fast.stream().collect(Collectors.groupingBy(Received::type, Collectors.counting()))), fromZero.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), droppedAt,
                afterReconnect.stream().takeWhile(r -> !r.type().equals("live")).count(), neverRead.size(), backlogOfTheClientThatNeverReads,
                neverRead.stream().filter(m -> m.path("type").asText().equals("lagged")).map(m -> m.path("data").toString()).toList());
    }

    /** Whether every socket and subscription is gone within {@code within} (a socket's end is noticed asynchronously). */
    private static boolean forgottenWithin(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (node.webSocketFeed().clients() > 0 || node.webSocketFeed().subscribed() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static Map<String, Object> key(String id, String role, List<String> accounts, List<String> strategies) {
        return TestKeys.configured(KEYS, id, role, accounts, strategies);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aClientGetsTheBarsSignalsOrdersAndFillsOfTheRealCandlesInSeqOrder() {
        Map<String, Long> byType = fast.stream().collect(Collectors.groupingBy(Received::type, Collectors.counting()));
        assertEquals("welcome", fast.get(0).type());
        assertTrue(fast.indexOf(liveMarker(fast)) < fast.indexOf(fast.stream().filter(r -> r.type().equals("bar")).findFirst().orElseThrow()));
        assertEquals(1440L, byType.get("bar"), "every real candle of both fixtures: " + byType);
        for (String type : List.of("signal", "order_submitted", "order", "fill", "position", "risk")) {
            assertTrue(byType.getOrDefault(type, 0L) > 0, type + " never arrived: " + byType);
        }
        assertTrue(byType.getOrDefault("guard_reject", 0L) + byType.getOrDefault("constraint_violation", 0L) > 0, "no refusal toast: " + byType);
        long previous = 0;
        for (Received r : fast) {
            if (EVENT_TYPES.contains(r.type())) {
                assertTrue(r.seq() > previous, "seq must increase: " + r.text() + " after seq " + previous);
                previous = r.seq();
            }
        }
        JsonNode fill = fast.stream().filter(r -> r.type().equals("fill")).findFirst().orElseThrow().data();
        assertTrue(fill.path("price").isTextual() && fill.path("quantity").isTextual() && fill.path("fee").isTextual(), "amounts as strings: " + fill);
        JsonNode bar = fast.stream().filter(r -> r.type().equals("bar")).findFirst().orElseThrow().data();
        assertEquals("2023-03-16T22:15:00Z", bar.path("openTime").asText(), "event time: the first candle's own: " + bar);
        assertEquals("2023-03-16T22:16:00Z", bar.path("closeTime").asText(), bar.toString());
        assertEquals(events(fromZero, liveMarker(fast).seq()), events(fast, 0), "a client that keeps up gets every event message the journal has, once");
    }

    @Test
    void updatesArePushedAsTheyAreJournaledAndTheirLatencyIsReported() throws Exception {
        Map<Long, Long> written = writeTimes();
        List<Long> latencies = new ArrayList<>();
        for (Received r : fast) {
            if (EVENT_TYPES.contains(r.type())) {
                latencies.add(r.receivedAt() - written.get(r.seq()));
            }
        }
        latencies.sort(Long::compare);
        long p50 = latencies.get(latencies.size() / 2);
        long p99 = latencies.get((int) (latencies.size() * 0.99));
        long max = latencies.get(latencies.size() - 1);
        System.out.printf("[live feed] journal write to client: n=%d p50=%d ms p99=%d ms max=%d ms (while a client that never reads is connected)%n",
                latencies.size(), p50, p99, max);
        // The 1 s goal is measured, not asserted: a shared CI machine's load decides the tail. What is asserted is that
        // updates are pushed as they are journaled (well inside the 100 ms polling plus delivery), not found minutes later.
        assertTrue(p50 <= 5000, "updates are not pushed as they are journaled: p50 " + p50 + " ms (p99 " + p99 + ", max " + max + ")");
    }

    @Test
    void aClientThatReconnectsFromItsLastSeqGetsExactlyWhatItMissed() {
        List<String> missed = fromZero.stream().filter(r -> EVENT_TYPES.contains(r.type()) && r.seq() > droppedAt).map(LiveFeedWebSocketTest::withoutSentAt).toList();
        List<String> replayed = afterReconnect.stream().takeWhile(r -> !r.type().equals("live"))
                .filter(r -> EVENT_TYPES.contains(r.type())).map(LiveFeedWebSocketTest::withoutSentAt).toList();
        assertFalse(replayed.isEmpty(), "the client missed something while away");
        assertEquals(missed.subList(0, replayed.size()), replayed, "the replay is the journal's messages after its last seq, in order");
        List<String> together = new ArrayList<>(events(beforeDrop, 0));
        together.addAll(events(afterReconnect, 0));
        assertEquals(events(fromZero, liveMarker(beforeDrop).seq()), together,
                "before the drop and after the reconnect: every event message once, no gap, no duplicate");
        assertEquals(droppedAt, liveMarker(afterReconnect).data().path("from").asLong());
    }

    @Test
    void aKeyLimitedToOneStrategyGetsOnlyThatStrategysMessages() {
        List<Received> owned = desk.stream().filter(r -> r.data().has("strategy")).toList();
        assertTrue(owned.stream().anyMatch(r -> r.type().equals("signal")), "ema-cross signalled on this data");
        for (Received r : owned) {
            assertEquals("ema-cross", r.data().path("strategy").asText(), r.text());
        }
        assertTrue(fromZero.stream().anyMatch(r -> r.data().path("strategy").asText().equals("rsi-reversion")), "the other strategy did trade");
        long since = liveMarker(desk).seq();
        List<String> emaCross = fromZero.stream().filter(r -> r.seq() > since && TOASTS.contains(r.type())
                && r.data().path("strategy").asText().equals("ema-cross")).map(LiveFeedWebSocketTest::withoutSentAt).toList();
        assertEquals(emaCross, desk.stream().filter(r -> TOASTS.contains(r.type())).map(LiveFeedWebSocketTest::withoutSentAt).toList(),
                "every toast of its strategy, and none of another");
        assertTrue(desk.stream().anyMatch(r -> r.type().equals("bar")) && desk.stream().anyMatch(r -> r.type().equals("risk")),
                "market data and the account's risk are for every key that may see the account");
    }

    @Test
    void aClientThatNeverReadsIsHeldToItsBacklogAndDoesNotSlowTheOthers() {
        assertEquals(4, openSocketsWhileTrading, "ws_clients counts the open sockets");
        assertEquals(3, openSocketsAfterTheDrop, "and forgets a closed one");
        assertTrue(allForgottenOnceClosed, "closed sockets leave no subscription behind");
        assertTrue(backlogOfTheClientThatNeverReads <= MAX_PENDING, "backlog " + backlogOfTheClientThatNeverReads);
        assertTrue(neverRead.size() < fast.size() / 2, "it got " + neverRead.size() + " messages, the fast client " + fast.size());
        for (String state : List.of("bar:binance:BTCUSDT:1m", "bar:binance:ETHUSDT:1m", "risk")) {
            assertEquals(latest(fast.stream().map(Received::json).toList(), state), latest(neverRead, state), "it ends with the latest " + state);
        }
        List<JsonNode> toasts = neverRead.stream().filter(m -> TOASTS.contains(m.path("type").asText())).toList();
        long dropped = neverRead.stream().filter(m -> m.path("type").asText().equals("lagged")).mapToLong(m -> m.path("data").path("dropped").asLong()).sum();
        long fastToasts = fast.stream().filter(r -> TOASTS.contains(r.type())).count();
        assertTrue(toasts.size() + dropped >= fastToasts, "every toast arrived or was counted as dropped: " + toasts.size() + " + " + dropped
                + " of " + fastToasts);
        // The fast client kept up while it was stuck: updatesArePushedAsTheyAreJournaledAndTheirLatencyIsReported measures that same run.
    }

    @Test
    void aPageFromAForeignOriginIsRefusedBeforeTheUpgrade() {
        CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "http://evil.example")
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() { }).join());
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        try (FeedClient allowed = FeedClient.connect(port, ALLOWED_ORIGIN)) {
            assertFalse(allowed.closed().isDone(), "the dashboard's own origin is let in");
        }
    }

    @Test
    void aSocketThatDoesNotAuthenticateWithinFiveSecondsIsClosed() throws Exception {
        long start = System.nanoTime();
        try (FeedClient silent = FeedClient.connect(port)) {
            Closed closed = silent.awaitClosed(Duration.ofSeconds(10));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(4401, closed.code(), closed.toString());
            assertTrue(closed.reason().contains("not authenticated"), closed.reason());
            assertTrue(waited >= 4500 && waited < 7000, "closed after " + waited + " ms");
            assertTrue(silent.messages().isEmpty(), "nothing is sent before the key is known");
        }
    }

    @Test
    void aWrongKeyOrAFirstMessageThatIsNotAuthIsClosed() throws Exception {
        try (FeedClient wrong = FeedClient.connect(port)) {
            wrong.send("{\"type\":\"auth\",\"key\":\"trk_tests_" + "A".repeat(43) + "\"}");
            Closed closed = wrong.awaitClosed(Duration.ofSeconds(5));
            assertEquals(4401, closed.code(), closed.toString());
            assertTrue(wrong.messages().isEmpty());
        }
        try (FeedClient eager = FeedClient.connect(port)) {
            eager.send("{\"type\":\"subscribe\",\"from\":0}");
            assertEquals(4401, eager.awaitClosed(Duration.ofSeconds(5)).code());
        }
        try (FeedClient inQuery = FeedClient.connect(port)) {
            inQuery.send("not json");
            assertEquals(4401, inQuery.awaitClosed(Duration.ofSeconds(5)).code());
        }
    }

    @Test
    void aKeyThatMayNotSeeTheNodesAccountIsClosed() throws Exception {
        try (FeedClient other = FeedClient.connect(port)) {
            other.send("{\"type\":\"auth\",\"key\":\"" + KEYS.get("elsewhere") + "\"}");
            other.send("{\"type\":\"subscribe\"}");
            Closed closed = other.awaitClosed(Duration.ofSeconds(5));
            assertEquals(4403, closed.code(), closed.toString());
            assertTrue(closed.reason().contains("may not see account"), closed.reason());
            assertTrue(other.messages().isEmpty(), "not a single message of another account");
        }
    }

    @Test
    void anOversizeMessageIsClosed1009() throws Exception {
        try (FeedClient big = FeedClient.connect(port)) {
            big.send("{\"type\":\"auth\",\"key\":\"" + "x".repeat(10_000) + "\"}");
            assertEquals(1009, big.awaitClosed(Duration.ofSeconds(5)).code());
        }
    }

    @Test
    void aMessageFloodIsClosed1008() throws Exception {
        try (FeedClient flood = FeedClient.subscribed(port, TestNodes.ADMIN_KEY, null)) {
            flood.await(r -> r.type().equals("live"), Duration.ofSeconds(5));
            // Pings: after its subscribe the protocol has nothing more for a client to say, so any text would be out of place.
            try {
                for (int i = 0; i < 50 && !flood.closed().isDone(); i++) {
                    flood.ping();
                }
            } catch (CompletionException closedUnderUs) {
                // the server closed while we were still sending
            }
            Closed closed = flood.awaitClosed(Duration.ofSeconds(5));
            assertEquals(1008, closed.code(), closed.toString());
            assertTrue(closed.reason().contains("per second"), closed.reason());
        }
    }

    /** The last message of a state ({@code bar:<instrument>:<timeframe>} or {@code risk}) in {@code messages}. */
    private static JsonNode latest(List<JsonNode> messages, String state) {
        JsonNode last = null;
        for (JsonNode m : messages) {
            String type = m.path("type").asText();
            String key = type.equals("bar") ? "bar:" + m.path("data").path("instrument").asText() + ":" + m.path("data").path("timeframe").asText() : type;
            if (key.equals(state)) {
                last = m;
            }
        }
        return last;
    }

    /** The event messages after {@code seq}, in seq order, as text: what every client that saw them all must have seen. */
    /** The event messages after {@code seq}, without their sentAt (when each copy was rendered: a replay's differs from the live one's). */
    private static List<String> events(List<Received> messages, long seq) {
        return messages.stream().filter(r -> EVENT_TYPES.contains(r.type()) && r.seq() > seq).map(LiveFeedWebSocketTest::withoutSentAt).toList();
    }

    /** The message as the journal decides it: sentAt (when this copy was rendered, which it must say) left out. */
    private static String withoutSentAt(Received r) {
        java.time.Instant.parse(r.json().path("sentAt").asText());
        return ((com.fasterxml.jackson.databind.node.ObjectNode) r.json().deepCopy()).without("sentAt").toString();
    }

    /** The {@code live} message: everything up to its seq was sent before it (the replay or the latest state). */
    private static Received liveMarker(List<Received> messages) {
        return messages.stream().filter(r -> r.type().equals("live")).findFirst().orElseThrow(() -> new AssertionError("no live marker"));
    }

    /** The journal's write time (epoch ms) of every event, by ordering. */
    private static Map<Long, Long> writeTimes() throws Exception {
        JdbcSettings jdbc = JdbcSettings.from(config);
        Map<Long, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"ordering\", \"write_timestamp\" FROM \"event_journal\"")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }
}
