package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.FixtureCandles;
import dev.trader.app.testing.FixtureCandles.Candle;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.JournalTable;
import dev.trader.app.testing.TestNodes;
import dev.trader.engine.instrument.InstrumentState;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.RejectReason;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.file.MarketFileName;
import dev.trader.marketdata.source.BarFileSource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Binance kline CSV of real BTCUSDT candles (the first 100 of the engine fixture) with six
 * rows corrupted in six different ways, replayed through a full node: every bad row is
 * rejected for its own reason and counted once on the instrument, every other row becomes a
 * bar, and a second replay of the same file changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedFileReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String INSTRUMENT = "binance:BTCUSDT";
    private static final String HEADER =
            "open_time,open,high,low,close,volume,close_time,quote_volume,trades,taker_buy_base,taker_buy_quote,ignore";
    private static final int GOOD_SOURCE_ROWS = 100;

    @TempDir
    static Path workDir;

    private static Config config;
    private static TraderNode node;
    private static HttpClient http;
    private static Path file;
    private static List<Candle> candles;
    /** CSV line number (header = line 1) → the reason that line must be rejected for. */
    private static final Map<Long, String> BAD_LINES = new TreeMap<>();
    private static final Map<String, Long> EXPECTED_BY_REASON = new TreeMap<>();
    private static ReplayReport first;

    @BeforeAll
    static void writeTheFileAndStartANode() throws Exception {
        candles = FixtureCandles.read(TestNodes.fixture("BTC_USDT-1m_20230316-first720.json.gz")).subList(0, GOOD_SOURCE_ROWS);
        for (int i = 1; i < candles.size(); i++) {
            assertEquals(60_000L, candles.get(i).openTimeMillis() - candles.get(i - 1).openTimeMillis(),
                    "precondition: the fixture's first candles are consecutive minutes");
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Candle c : candles) {
            lines.add(kline(c));
        }
        // Line n of the file holds candle n - 2 (line 1 is the header).
        corrupt(lines, 10, RejectReason.MALFORMED_ROW, row -> row.substring(0, row.indexOf(',', row.indexOf(',') + 1) + 4));
        corrupt(lines, 20, RejectReason.NOT_A_NUMBER, row -> replaceField(row, 4, "abc"));
        corrupt(lines, 30, RejectReason.NEGATIVE_VOLUME, row -> replaceField(row, 5, "-" + field(row, 5)));
        corrupt(lines, 40, RejectReason.DUPLICATE, row -> lines.get(40)); // the previous line, verbatim: the same minute again
        corrupt(lines, 50, RejectReason.NON_FINITE, row -> replaceField(row, 2, "NaN"));
        assertTrue(new BigDecimal(field(lines.get(61), 2)).compareTo(new BigDecimal(field(lines.get(61), 3))) > 0,
                "precondition: candle 60 has high above low, so swapping them puts high below low");
        corrupt(lines, 60, RejectReason.HIGH_BELOW_BODY, row -> replaceField(replaceField(row, 2, field(row, 3)), 3, field(row, 2)));

        Path market = Files.createDirectories(workDir.resolve("market"));
        file = market.resolve("BTCUSDT-1m-malformed.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertEquals(INSTRUMENT, MarketFileName.of(file).instrument().value(), "the name carries the instrument");

        config = TestNodes.config(new H2Backend().freshJournal("malformed_replay", workDir));
        node = TraderNode.start(config);
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
        first = replay();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void eachCorruptedLineIsRejectedForItsOwnReason() throws Exception {
        List<FeedItem> items = BarFileSource.of(file).runWith(Sink.seq(), node.system()).toCompletableFuture().get();
        Map<Long, String> rejected = new TreeMap<>();
        for (FeedItem item : items) {
            if (item instanceof Rejection r) {
                assertEquals(file.getFileName().toString(), r.source());
                assertTrue(!r.detail().isBlank(), "a rejection says why: " + r);
                rejected.put(r.line(), r.reason());
            }
        }
        assertEquals(BAD_LINES, rejected, "line → reason");
    }

    @Test
    @Order(2)
    void theReplayReportCountsEveryReasonAndEveryGoodRowIsABar() {
        IngestReport report = onlyFile(first);
        long bad = BAD_LINES.size();
        assertEquals(file.getFileName().toString(), report.source());
        assertEquals(GOOD_SOURCE_ROWS, report.rowsRead(), "every data row is read, the header is not: " + report);
        assertEquals(EXPECTED_BY_REASON, report.rejectionsByReason(), "rejections by reason");
        for (Map.Entry<String, Long> e : EXPECTED_BY_REASON.entrySet()) {
            assertEquals(1L, e.getValue(), e.getKey());
        }
        assertEquals(1, report.rejected(RejectReason.MALFORMED_ROW));
        assertEquals(1, report.rejected(RejectReason.NOT_A_NUMBER));
        assertEquals(1, report.rejected(RejectReason.NEGATIVE_VOLUME));
        assertEquals(1, report.rejected(RejectReason.DUPLICATE));
        assertEquals(1, report.rejected(RejectReason.NON_FINITE));
        assertEquals(1, report.rejected(RejectReason.HIGH_BELOW_BODY));
        assertEquals(0, report.rejected(RejectReason.OUT_OF_ORDER));
        assertEquals(bad, report.rejected());
        assertEquals(GOOD_SOURCE_ROWS - bad, report.barsAccepted(), "every other row became a bar");
        assertEquals(report.rowsRead(), report.barsAccepted() + report.rejected());
        // Each corrupted row stood for one real minute, now missing between two good bars.
        assertEquals(bad, report.gaps(), report.toString());
        assertEquals(bad, report.missingBars(), report.toString());
        assertEquals(GOOD_SOURCE_ROWS - bad, first.barsProcessed());
        assertEquals(GOOD_SOURCE_ROWS - bad, first.barsNew(), "every bar is new on the first replay");
    }

    @Test
    @Order(3)
    void theStatusShowsTheRejectionsOnTheInstrument() throws Exception {
        JsonNode btc = instrumentInStatus(INSTRUMENT);
        Candle last = candles.get(candles.size() - 1);
        assertEquals(GOOD_SOURCE_ROWS - BAD_LINES.size(), btc.path("barsAccepted").asLong(-1), btc.toString());
        assertEquals(BAD_LINES.size(), btc.path("barsRejected").asLong(-1), btc.toString());
        assertEquals(EXPECTED_BY_REASON, reasons(btc), btc.toString());
        assertEquals(last.openTime().toString(), btc.path("lastBarTime").asText(null), btc.toString());
        assertTrue(btc.path("lastClose").isTextual(), btc.toString());
        assertEquals(0, new BigDecimal(btc.path("lastClose").textValue()).compareTo(last.closeValue()),
                "the close of the last good row, " + last.close() + ": " + btc);

        JsonNode eth = instrumentInStatus("binance:ETHUSDT");
        assertEquals(0, eth.path("barsAccepted").asLong(-1), "no ETH file was replayed: " + eth);
        assertEquals(0, eth.path("barsRejected").asLong(-1), eth.toString());
        assertTrue(eth.path("lastBarTime").isNull(), eth.toString());
    }

    @Test
    @Order(4)
    void aSecondReplayOfTheSameFileCountsNothingTwiceAndAddsNoBars() throws Exception {
        JournalTable journal = new JournalTable(config);
        long rowsBefore = journal.rows();
        InstrumentState before = EngineSnapshot.of(node.engine()).instruments().get(INSTRUMENT);

        ReplayReport again = replay();
        IngestReport report = onlyFile(again);
        assertEquals(EXPECTED_BY_REASON, report.rejectionsByReason(), "the file itself still has the same bad rows");
        assertEquals(GOOD_SOURCE_ROWS - BAD_LINES.size(), report.barsAccepted());
        assertEquals(0, again.barsNew(), "no bar is new the second time");
        assertEquals(0, again.ordersApproved(), "no order is approved the second time");

        JsonNode btc = instrumentInStatus(INSTRUMENT);
        assertEquals(GOOD_SOURCE_ROWS - BAD_LINES.size(), btc.path("barsAccepted").asLong(-1), btc.toString());
        assertEquals(BAD_LINES.size(), btc.path("barsRejected").asLong(-1), "rejections are counted once per file and line: " + btc);
        assertEquals(EXPECTED_BY_REASON, reasons(btc), btc.toString());

        InstrumentState after = EngineSnapshot.of(node.engine()).instruments().get(INSTRUMENT);
        assertEquals(before, after, "the instrument is unchanged by the second replay");
        assertEquals(java.util.Map.of(file.getFileName().toString(), java.util.Collections.max(BAD_LINES.keySet()).longValue()),
                after.rejectedThroughLine(), "rejections are counted through the file's last bad line");
        assertEquals(rowsBefore, journal.rows(), "the second replay journals nothing");
    }

    private static ReplayReport replay() throws Exception {
        return new FileReplay(node.engine(), node.pipeline()).replay(List.of(file)).toCompletableFuture().get();
    }

    private static IngestReport onlyFile(ReplayReport report) {
        assertEquals(1, report.files().size(), report.toString());
        return report.files().get(0);
    }

    private static JsonNode instrumentInStatus(String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/status")).header("Authorization", TestNodes.AUTH)
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode i : JSON.readTree(r.body()).path("instruments")) {
            if (id.equals(i.path("id").asText())) {
                return i;
            }
        }
        throw new AssertionError(id + " is not in " + r.body());
    }

    private static Map<String, Long> reasons(JsonNode instrument) {
        Map<String, Long> out = new TreeMap<>();
        JsonNode byReason = instrument.path("rejectionsByReason");
        assertTrue(byReason.isObject(), instrument.toString());
        for (Map.Entry<String, JsonNode> e : byReason.properties()) {
            assertTrue(e.getValue().isIntegralNumber(), instrument.toString());
            out.put(e.getKey(), e.getValue().longValue());
        }
        return out;
    }

    /** Replaces the row of candle {@code index} and records why it must be rejected. */
    private static void corrupt(List<String> lines, int index, RejectReason reason, UnaryOperator<String> change) {
        int line = index + 2;
        String bad = change.apply(lines.get(line - 1));
        lines.set(line - 1, bad);
        BAD_LINES.put((long) line, reason.code());
        EXPECTED_BY_REASON.merge(reason.code(), 1L, Long::sum);
    }

    /** A Binance spot kline row for a real candle; the derived columns are computed from it. */
    private static String kline(Candle c) {
        BigDecimal volume = new BigDecimal(c.volume());
        BigDecimal quote = volume.multiply(c.closeValue());
        return String.join(",", Long.toString(c.openTimeMillis()), c.open(), c.high(), c.low(), c.close(), c.volume(),
                Long.toString(c.openTimeMillis() + 59_999), quote.toPlainString(), "0", "0", "0", "0");
    }

    private static String field(String row, int index) {
        return row.split(",", -1)[index];
    }

    private static String replaceField(String row, int index, String value) {
        String[] fields = row.split(",", -1);
        fields[index] = value;
        return String.join(",", fields);
    }
}
