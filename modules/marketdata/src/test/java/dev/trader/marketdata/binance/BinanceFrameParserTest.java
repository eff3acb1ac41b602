package dev.trader.marketdata.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.binance.BinanceEvent.BookTicker;
import dev.trader.marketdata.binance.BinanceEvent.DepthSnapshot;
import dev.trader.marketdata.binance.BinanceEvent.DepthUpdate;
import dev.trader.marketdata.binance.BinanceEvent.Level;
import dev.trader.marketdata.binance.BinanceEvent.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Binance frames, recorded as received (spot and USDT-M futures, see
 * src-shared/test-data/ticks/SOURCE.md): every one parses; and hostile frames are refused with
 * a reason that names the problem. The expected counts per stream type come from an independent
 * count of the recordings (Python's json module over the same files).
 */
class BinanceFrameParserTest {
    private static final Path SHARED = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"), "ticks");
    private final BinanceFrameParser parser = new BinanceFrameParser();

    private Map<String, Integer> parseAll(InputStream gz) throws IOException, FrameRejected {
        Map<String, Integer> counts = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String frame = line.substring(line.indexOf(' ') + 1);
                try {
                    counts.merge(parser.parse(frame).getClass().getSimpleName(), 1, Integer::sum);
                } catch (FrameRejected e) {
                    throw new FrameRejected("line " + n + ": " + e.getMessage());
                }
            }
        }
        return counts;
    }

    @ParameterizedTest
    @CsvSource({"spot_btcusdt_20240808-first3000.jsonl.gz", "usdm_btcusdt_20240808-first3000.jsonl.gz"})
    void everyFrameOfTheBundledRecordingsParses(String name) throws Exception {
        Map<String, Integer> counts = parseAll(getClass().getResourceAsStream("/ticks/" + name));
        assertEquals(3000, counts.values().stream().mapToInt(Integer::intValue).sum(), counts.toString());
        assertEquals(1, counts.get("DepthSnapshot"));
        assertTrue(counts.get("Trade") > 0 && counts.get("BookTicker") > 0 && counts.get("DepthUpdate") > 0, counts.toString());
    }

    @ParameterizedTest
    @CsvSource({"spot_btcusdt_20240808.jsonl.gz, 9757, 28040, 3451", "spot_ethusdt_20240808.jsonl.gz, -1, -1, -1",
            "usdm_btcusdt_20240808.jsonl.gz, 21313, 66089, 6551"})
    void everyFrameOfTheWholeRecordingsParses(String name, int trades, int tickers, int depths) throws Exception {
        Path file = SHARED.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "the shared data folder is not here");
        Map<String, Integer> counts = parseAll(Files.newInputStream(file));
        System.out.printf("[binance-frames] %s: %s, 0 rejected%n", name, counts);
        assertEquals(1, counts.get("DepthSnapshot"));
        if (trades >= 0) {
            assertEquals(Map.of("BookTicker", tickers, "DepthSnapshot", 1, "DepthUpdate", depths, "Trade", trades), counts);
        }
    }

    @Test
    void theFieldsOfEachKindAreReadExactly() throws FrameRejected {
        DepthUpdate depth = assertInstanceOf(DepthUpdate.class, parser.parse("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
                + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,\"b\":[[\"61737.63000000\",\"0.00000000\"]],"
                + "\"a\":[[\"61837.64000000\",\"1.54698000\"]]}}"));
        assertEquals(50093239189L, depth.firstUpdateId());
        assertEquals(50093239202L, depth.finalUpdateId());
        assertNull(depth.previousFinalUpdateId());
        assertEquals(List.of(new Level(Price.of("61737.63"), Quantity.ZERO)), depth.bids());
        assertEquals(List.of(new Level(Price.of("61837.64"), Quantity.of("1.54698"))), depth.asks());
        assertEquals(Instant.ofEpochMilli(1723161255208L), depth.eventTime());

        Trade trade = assertInstanceOf(Trade.class, parser.parse("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
                + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}"));
        assertEquals(new Trade("BTCUSDT", 3735683259L, Price.of("61837.63"), Quantity.of("0.02"), Instant.ofEpochMilli(1723161255342L),
                Instant.ofEpochMilli(1723161255343L), true), trade);

        BookTicker ticker = assertInstanceOf(BookTicker.class, parser.parse("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,"
                + "\"s\":\"BTCUSDT\",\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}"));
        assertEquals(new BookTicker("BTCUSDT", 50093239212L, Price.of("61837.63"), Quantity.of("3.78826"), Price.of("61837.64"),
                Quantity.of("1.54698"), null), ticker);

        DepthSnapshot snapshot = assertInstanceOf(DepthSnapshot.class,
                parser.parse("{\"lastUpdateId\":7,\"bids\":[[\"100.5\",\"2\"]],\"asks\":[[\"101\",\"0.5\"]]}"));
        assertEquals(7, snapshot.lastUpdateId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"  | not JSON",
            "[1,2,3] | not a JSON object",
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"NaN\",\"q\":\"1\",\"T\":1,\"m\":true}} | field 'p' must be a decimal but was 'NaN'",
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"-5\",\"q\":\"1\",\"T\":1,\"m\":true}} | field 'p' must be a positive price but was -5",
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"5\",\"q\":\"-1\",\"T\":1,\"m\":true}} | field 'q' must not be a negative quantity but was -1",
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":5,\"q\":\"1\",\"T\":1,\"m\":true}} | field 'p' must be a string but was NUMBER",
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"5\",\"q\":\"1\",\"T\":1,\"m\":true}} | field 't' is missing",
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"ETHUSDT\",\"t\":1,\"p\":\"5\",\"q\":\"1\",\"T\":1,\"m\":true}} | stream btcusdt@trade carries data for symbol ETHUSDT",
            "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\"}} | unknown stream type 'aggTrade' in btcusdt@aggTrade",
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"kline\",\"s\":\"BTCUSDT\"}} | carries event type 'kline', expected 'trade'",
            "{\"e\":\"liquidation\",\"s\":\"BTCUSDT\"} | unknown event type 'liquidation'",
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":5,\"u\":4,\"b\":[],\"a\":[]}} | final update id u=4 is before the first U=5",
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":1,\"u\":4,\"b\":[[\"1\"]],\"a\":[]}} | 'b'[0] must be [\"price\", \"quantity\"]",
            "{\"lastUpdateId\":-3,\"bids\":[],\"asks\":[]} | field 'lastUpdateId' must be a non-negative integer but was -3",
            "{\"result\":null,\"id\":1} | neither a stream frame"})
    void aHostileFrameIsRefusedWithAReasonNamingTheProblem(String frame, String reason) {
        FrameRejected e = assertThrows(FrameRejected.class, () -> parser.parse(frame));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aHugeOrDeeplyNestedFrameIsRefusedBeforeItIsRead() {
        String huge = "{\"stream\":\"btcusdt@trade\",\"data\":{\"pad\":\"" + "x".repeat(BinanceFrameParser.MAX_FRAME_CHARS) + "\"}}";
        assertTrue(assertThrows(FrameRejected.class, () -> parser.parse(huge)).getMessage().contains("exceeds the limit"));
        String deep = "{\"a\":".repeat(50) + "1" + "}".repeat(50);
        assertTrue(assertThrows(FrameRejected.class, () -> parser.parse(deep)).getMessage().startsWith("not JSON"));
    }
}
