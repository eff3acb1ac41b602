package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.execution.sim.market.CandleFiles;
import dev.trader.execution.sim.market.MarketTimeline;
import dev.trader.execution.sim.market.SimBar;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candle readers (Freqtrade JSON, Binance kline CSV in ms and µs, gzip or not) and the merged timeline. */
class SimCandleFilesTest {
    @TempDir
    Path dir;

    private static final String KLINE_MS = "1679004900000,24899.18000000,24943.98000000,24896.29000000,24934.20000000,293.13711000,"
            + "1679004959999,7302466.55780400,7042,150.55900000,3750631.98060180,0\n";

    @Test
    void readsTheFreqtradeFixtureExactly() {
        List<SimBar> bars = SimFixtures.btcBars();
        assertEquals(720, bars.size());
        SimBar first = bars.get(0);
        assertEquals(1679004900000L, first.openTime());
        assertEquals(new BigDecimal("24934.2"), first.close().stripTrailingZeros());
        assertEquals(0, new BigDecimal("293.13711").compareTo(first.volume()));
        assertTrue(first.quoteVolume().compareTo(new BigDecimal("7300000")) > 0, "approximated from volume × typical price");
    }

    @Test
    void readsBinanceKlineCsvWithHeaderInMillisOrMicros() throws IOException {
        Path ms = dir.resolve("ms.csv");
        Files.writeString(ms, "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n"
                + KLINE_MS);
        Path us = dir.resolve("us.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(us))) {
            out.write(KLINE_MS.replace("1679004900000,", "1679004900000000,").replace("1679004959999,", "1679004959999999,")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (Path p : List.of(ms, us)) {
            SimBar b = CandleFiles.read("BTCUSDT", p.toString()).get(0);
            assertEquals(1679004900000L, b.openTime(), p.toString());
            assertEquals(7042, b.trades());
            assertEquals(0, new BigDecimal("7302466.557804").compareTo(b.quoteVolume()));
            assertEquals(0, new BigDecimal("150.559").compareTo(b.takerBuyBaseVolume()));
        }
    }

    @Test
    void aBadRowIsRefusedWithFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, KLINE_MS + KLINE_MS.replace("1679004900000,24899.18", "1679004960000,24999.18")); // open above high
        String msg = assertThrows(IllegalArgumentException.class, () -> CandleFiles.read("BTCUSDT", bad.toString())).getMessage();
        assertTrue(msg.contains("bad.csv line 2"), msg);
        Path twice = dir.resolve("twice.json");
        Files.writeString(twice, "[[1679004900000,1,1,1,1,1],[1679004900000,1,1,1,1,1]]");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CandleFiles.read("X", twice.toString())).getMessage().contains("two bars"));
    }

    @Test
    void timelineMergesSymbolsByOpenTimeAndKnowsWhatHasClosed() {
        List<SimBar> btc = SimFixtures.btcBars();
        List<SimBar> eth = SimFixtures.ethBars();
        MarketTimeline t = new MarketTimeline(Map.of("BTCUSDT", btc.subList(0, 10), "ETHUSDT", eth.subList(5, 15)));
        assertEquals(15, t.length());
        assertEquals(btc.get(0).openTime(), t.openTime(0));
        assertEquals(1, t.barsAt(btc.get(0).openTime()).size());
        assertEquals(2, t.barsAt(btc.get(5).openTime()).size());
        assertEquals(3, t.closedBars("BTCUSDT", btc.get(3).openTime()).size(), "bars 0-2 closed when bar 3 opens");
        assertEquals(0, t.closedBars("BTCUSDT", btc.get(0).openTime() + 59_999).size());
    }
}
