package dev.trader.execution.sim.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's WebSocket server against real clients on loopback: the JDK's WebSocket, and
 * a raw socket for a client that stops reading. Payloads are real Binance frames.
 */
class SimWebSocketServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<RecordedFrames> FRAMES = RecordedFrames.load();
    private static ActorSystem system;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private SimWebSocketServer server;
    private int port;

    @BeforeAll
    static void startSystem() {
        system = ActorSystem.create("sim-ws-test", ConfigFactory.parseString("""
                pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                pekko.loglevel = WARNING
                """).withFallback(ConfigFactory.load()));
    }

    @AfterAll
    static void stopSystem() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private void start(SimWsConfig config) throws Exception {
        server = new SimWebSocketServer(system, config);
        ServerBinding binding = Http.get(system).newServerAt("127.0.0.1", 0).withSettings(server.serverSettings()).bind(server.route())
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        resources.add(() -> binding.unbind().toCompletableFuture().get(5, TimeUnit.SECONDS));
        port = binding.localAddress().getPort();
    }

    private WsTestClient client(String path) {
        WsTestClient c = WsTestClient.connect(port, path);
        resources.add(c);
        return c;
    }

    @Test
    void rawAndCombinedSubscribersGetExactlyThePublishedPayloadsInOrder() throws Exception {
        start(SimWsConfig.binance());
        WsTestClient raw = client("/ws/btcusdt@trade");
        WsTestClient combined = client("/stream?streams=btcusdt@trade/btcusdt@bookTicker/btcusdt@depth@100ms");
        awaitTrue(() -> server.subscribers("btcusdt@trade") == 2 && server.subscribers("btcusdt@depth@100ms") == 1);

        FRAMES.forEach(f -> server.publish(f.stream(), f.payload()));

        List<String> trades = FRAMES.stream().filter(f -> f.stream().equals("btcusdt@trade")).map(RecordedFrames::payload).toList();
        assertEquals(518, trades.size());
        assertEquals(trades, raw.next(trades.size()));
        List<String> envelopes = combined.next(FRAMES.size());
        for (int i = 0; i < FRAMES.size(); i++) {
            JsonNode e = JSON.readTree(envelopes.get(i));
            assertEquals(FRAMES.get(i).stream(), e.get("stream").asText(), "frame " + i);
            assertEquals(JSON.readTree(FRAMES.get(i).payload()), e.get("data"), "frame " + i);
        }
        assertTrue(raw.messages.isEmpty() && combined.messages.isEmpty());
    }

    @Test
    void liveRequestsAnswerAsBinanceDoes() throws Exception {
        start(SimWsConfig.binance().withMaxStreamsPerConnection(3));
        WsTestClient c = client("/ws");

        c.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@bookTicker\"],\"id\":1}");
        assertEquals("{\"result\":null,\"id\":1}", c.next());
        c.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"list-2\"}");
        assertEquals("{\"result\":[\"btcusdt@trade\",\"btcusdt@bookTicker\"],\"id\":\"list-2\"}", c.next());

        RecordedFrames trade = FRAMES.stream().filter(f -> f.stream().equals("btcusdt@trade")).findFirst().orElseThrow();
        server.publish(trade.stream(), trade.payload());
        assertEquals(trade.payload(), c.next(), "a /ws connection gets raw payloads");

        c.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":3}");
        assertEquals("{\"result\":null,\"id\":3}", c.next());
        c.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":4}");
        assertEquals("{\"result\":true,\"id\":4}", c.next());
        server.publish(trade.stream(), trade.payload());
        assertEquals("{\"stream\":\"btcusdt@trade\",\"data\":" + trade.payload() + "}", c.next());

        c.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":5}");
        assertEquals("{\"result\":null,\"id\":5}", c.next());
        assertEquals(0, server.subscribers("btcusdt@trade"));
        assertEquals(1, server.subscribers("btcusdt@bookTicker"));
        // Wait past the one-second window of the incoming-message limit before the error cases.
        Thread.sleep(1_100);

        c.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"a@trade\",\"b@trade\",\"c@trade\"],\"id\":6}");
        assertEquals("{\"error\":{\"code\":2,\"msg\":\"Invalid request: too many streams, at most 3 per connection\"},\"id\":6}", c.next());
        c.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"bad stream\\\"\"],\"id\":7}");
        assertEquals("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":7}", c.next());
        c.send("{\"method\":\"SUBSCRIB\",\"params\":[],\"id\":8}");
        assertTrue(c.next().startsWith("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant `SUBSCRIB`, expected one of"));
        c.send("{\"method\":\"SUBSCRIBE\",\"params\":[],\"id\":-1}");
        assertEquals("{\"error\":{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\"},\"id\":null}", c.next());
        Thread.sleep(1_100);
        c.send("{\"method\":");
        assertTrue(c.next().startsWith("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON: "));
        c.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"colour\",true],\"id\":9}");
        assertEquals("{\"error\":{\"code\":0,\"msg\":\"Unknown property\"},\"id\":9}", c.next());
        c.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",\"yes\"],\"id\":10}");
        assertEquals("{\"error\":{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\"},\"id\":10}", c.next());
        assertFalse(c.closed.isDone(), "errors leave the connection open");
    }

    @Test
    void moreThanFiveMessagesInOneSecondCloseTheConnection() throws Exception {
        start(SimWsConfig.binance());
        WsTestClient c = client("/ws/btcusdt@trade");
        for (int i = 1; i <= 6; i++) {
            c.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
        }
        assertEquals(5, c.next(5).size());
        assertEquals(1000, c.closeCode(5));
        awaitTrue(() -> server.subscribers("btcusdt@trade") == 0);
    }

    @Test
    void aConnectionIsClosedAtItsMaximumAge() throws Exception {
        start(SimWsConfig.binance().withMaxConnectionAge(Duration.ofMillis(800)));
        long start = System.nanoTime();
        WsTestClient c = client("/ws/btcusdt@trade");
        assertEquals(1000, c.closeCode(5));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms >= 700 && ms < 3_000, "closed after " + ms + " ms");
        awaitTrue(() -> server.connections() == 0);
    }

    @Test
    void disconnectClosesOnlyTheConnectionsOfThatStream() throws Exception {
        start(SimWsConfig.binance());
        String listenKey = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";
        WsTestClient user = client("/ws/" + listenKey);
        WsTestClient market = client("/stream?streams=btcusdt@trade");
        awaitTrue(() -> server.subscribers(listenKey) == 1 && server.subscribers("btcusdt@trade") == 1);

        server.disconnect(listenKey);

        assertEquals(1000, user.closeCode(5));
        assertEquals(0, server.subscribers(listenKey));
        server.publish("btcusdt@trade", FRAMES.get(2).payload());
        assertTrue(market.next().contains("\"stream\":\"btcusdt@trade\""));
        assertFalse(market.closed.isDone());
    }

    @Test
    void aClientThatStopsReadingIsClosedWhileTheOthersGetEverything() throws Exception {
        start(SimWsConfig.binance().withBufferMessages(512));
        WsTestClient fast = client("/ws/btcusdt@depth@100ms");
        resources.add(stalledClient("/ws/btcusdt@depth@100ms"));
        awaitTrue(() -> server.subscribers("btcusdt@depth@100ms") == 2);
        List<String> depth = FRAMES.stream().filter(f -> f.stream().equals("btcusdt@depth@100ms")).map(RecordedFrames::payload).toList();
        int sent = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        // Batches the fast client drains before the next, until the stalled one's buffer overflows.
        while (server.subscribers("btcusdt@depth@100ms") == 2 && System.nanoTime() < deadline) {
            for (String payload : depth) {
                server.publish("btcusdt@depth@100ms", payload);
            }
            for (String payload : depth) {
                assertEquals(payload, fast.next(), "message " + sent);
                sent++;
            }
        }
        assertEquals(1, server.subscribers("btcusdt@depth@100ms"), "the stalled client was closed after " + sent + " messages");
        assertFalse(fast.closed.isDone());
        server.publish("btcusdt@depth@100ms", depth.get(0));
        assertEquals(depth.get(0), fast.next());
    }

    @Test
    void pingsArriveAtThePingInterval() throws Exception {
        start(SimWsConfig.binance().withPingInterval(Duration.ofMillis(200)));
        WsTestClient c = client("/ws/btcusdt@trade");
        awaitTrue(() -> c.pings.get() >= 3);
        assertFalse(c.closed.isDone(), "the JDK client answers pings with pongs");
    }

    @Test
    void anInvalidStreamInTheUrlIsRefused() throws Exception {
        start(SimWsConfig.binance().withMaxStreamsPerConnection(2));
        assertTrue(failsToConnect("/stream?streams=a@trade/b@trade/c@trade"));
        assertTrue(failsToConnect("/ws/bad%22name"));
    }

    private boolean failsToConnect(String path) {
        try {
            client(path);
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** A client that upgrades with a tiny receive buffer and then never reads. */
    private Socket stalledClient(String path) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] status = new byte[12];
        assertEquals(12, in.readNBytes(status, 0, 12));
        assertEquals("HTTP/1.1 101", new String(status, StandardCharsets.US_ASCII));
        return s;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
