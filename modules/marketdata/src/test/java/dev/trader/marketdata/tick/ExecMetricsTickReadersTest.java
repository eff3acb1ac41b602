package dev.trader.marketdata.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.AggressorSide;
import dev.trader.domain.market.Quote;
import dev.trader.domain.market.Trade;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.file.MalformedDataFileException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict tick readers on the bundled real slices, and their refusal of a malformed file naming the file and the line. */
class ExecMetricsTickReadersTest {
    private static final Path TICKS = Path.of("..", "..", "src-shared", "test-data", "ticks");
    private static final InstrumentId FUTURES_BTC = InstrumentId.parse("binance-futures:BTCUSDT");

    @TempDir
    Path dir;

    @Test
    void tardisQuotesReadEveryRowWithTheExchangeTime() {
        List<Quote> quotes = TardisQuotesReader.read(TICKS.resolve("tardis_binance-futures_BTCUSDT_quotes_20200222-first3000.csv.gz"));
        assertEquals(3000, quotes.size());
        // binance-futures,BTCUSDT,1582329601096000,1582329603502092,0.84,9682,9681.92,0.67
        assertEquals(new Quote(FUTURES_BTC, Instant.parse("2020-02-22T00:00:01.096Z"), Price.of("9681.92"), Price.of("9682")), quotes.get(0));
        assertEquals(new Quote(FUTURES_BTC, Instant.parse("2020-02-22T00:01:28.197Z"), Price.of("9678.77"), Price.of("9679.68")), quotes.get(2999));
    }

    @Test
    void tardisTradesCarryTheAggressor() {
        List<Trade> trades = TardisTradesReader.read(TICKS.resolve("tardis_binance-futures_BTCUSDT_trades_20200222.csv.gz"));
        assertEquals(9999, trades.size());
        Trade first = trades.get(0); // binance-futures,BTCUSDT,1582329602111000,1582329602418379,42377944,buy,9682,0.132
        assertEquals(FUTURES_BTC, first.instrument());
        assertEquals(Instant.parse("2020-02-22T00:00:02.111Z"), first.time());
        assertEquals(Price.of("9682"), first.price());
        assertEquals(Quantity.of("0.132"), first.quantity());
        assertEquals(AggressorSide.BUYER, first.aggressor());
        assertEquals(AggressorSide.SELLER, trades.get(9998).aggressor());
    }

    @Test
    void frameRecordingsTellSpotFromFutures() {
        BinanceFrameRecording spot = BinanceFrameRecording.read(TICKS.resolve("spot_btcusdt_20240808-first3000.jsonl.gz"));
        assertEquals("binance", spot.venue());
        assertEquals(3000, spot.frames());
        assertTrue(!spot.quotes().isEmpty() && !spot.trades().isEmpty());
        Quote q = spot.quotes().get(0); // spot sends no event time: the receive time 1723161254087891268 ns
        assertEquals(new Quote(InstrumentId.parse("binance:BTCUSDT"), Instant.ofEpochSecond(1723161254L, 87891268L), Price.of("61837.63"),
                Price.of("61837.64")), q);
        Trade t = spot.trades().get(0); // "T":1723161255342,"m":true: the seller took
        assertEquals(Instant.ofEpochMilli(1723161255342L), t.time());
        assertEquals(AggressorSide.SELLER, t.aggressor());

        BinanceFrameRecording usdm = BinanceFrameRecording.read(TICKS.resolve("usdm_btcusdt_20240808-first3000.jsonl.gz"));
        assertEquals("binance-futures", usdm.venue());
        assertEquals(FUTURES_BTC, usdm.quotes().get(0).instrument());
        assertEquals(3000, usdm.frames());
    }

    @Test
    void aMalformedRowRefusesTheFileNamingFileAndLine() throws IOException {
        Path quotes = gzip("quotes.csv.gz", TardisQuotesReader.HEADER + "\n"
                + "binance-futures,BTCUSDT,1582329601096000,1582329603502092,0.84,9682,9681.92,0.67\n"
                + "binance-futures,BTCUSDT,1582329603401000,1582329603522418,0.84,NaN,9681.83,0.003\n");
        MalformedDataFileException e = assertThrows(MalformedDataFileException.class, () -> TardisQuotesReader.read(quotes));
        assertEquals(quotes, e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(quotes + " line 3: ask_price 'NaN' is not a decimal price"), e.getMessage());

        Path crossed = gzip("crossed.csv.gz", TardisQuotesReader.HEADER + "\n"
                + "binance-futures,BTCUSDT,1582329601096000,1582329603502092,0.84,9681,9681.92,0.67\n");
        assertEquals(crossed + " line 2: crossed book: ask_price 9681 is below bid_price 9681.92",
                assertThrows(MalformedDataFileException.class, () -> TardisQuotesReader.read(crossed)).getMessage());

        Path header = gzip("trades.csv.gz", "exchange,symbol,timestamp,id,side,price,amount\n");
        assertTrue(assertThrows(MalformedDataFileException.class, () -> TardisTradesReader.read(header)).getMessage()
                .startsWith(header + " line 1: expected the header " + TardisTradesReader.HEADER));

        Path side = gzip("side.csv.gz", TardisTradesReader.HEADER + "\n"
                + "binance-futures,BTCUSDT,1582329602111000,1582329602418379,42377944,long,9682,0.132\n");
        assertEquals(side + " line 2: side 'long' is not buy, sell or unknown",
                assertThrows(MalformedDataFileException.class, () -> TardisTradesReader.read(side)).getMessage());

        Path backwards = gzip("backwards.csv.gz", TardisTradesReader.HEADER + "\n"
                + "binance-futures,BTCUSDT,1582329602111000,1582329602418379,1,buy,9682,0.132\n"
                + "binance-futures,BTCUSDT,1582329602110000,1582329602418379,2,buy,9682,0.132\n");
        assertTrue(assertThrows(MalformedDataFileException.class, () -> TardisTradesReader.read(backwards)).getMessage()
                .startsWith(backwards + " line 3: timestamp 2020-02-22T00:00:02.110Z is before"));

        Path frames = dir.resolve("frames.jsonl");
        Files.writeString(frames, "1723161254087891268 {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"1\",\"B\":\"1\","
                + "\"a\":\"2\",\"A\":\"1\"}}\n"
                + "1723161254087896568 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"-5\","
                + "\"q\":\"0.02\",\"T\":1,\"m\":true}}\n", StandardCharsets.UTF_8);
        MalformedDataFileException f = assertThrows(MalformedDataFileException.class, () -> BinanceFrameRecording.read(frames));
        assertEquals(2, f.line());
        assertTrue(f.getMessage().startsWith(frames + " line 2: frame refused: "), f.getMessage());

        Path noPrefix = dir.resolve("noprefix.jsonl");
        Files.writeString(noPrefix, "{\"stream\":\"btcusdt@trade\"}\n", StandardCharsets.UTF_8);
        assertEquals(noPrefix + " line 1: expected '<local_receive_ns> <frame>'",
                assertThrows(MalformedDataFileException.class, () -> BinanceFrameRecording.read(noPrefix)).getMessage());
    }

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
