package dev.trader.backtest.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.MarketData;
import dev.trader.backtest.MarketDataLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A slice holds exactly the bars that opened in the window and closed by its end, for every instrument. */
class DataSliceTest {
    private static final Path ROOT = Path.of("..", "..");

    @Test
    void aSliceHoldsTheBarsInsideItsWindowOnly() throws Exception {
        MarketData data = MarketDataLoader.load(List.of(ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz"),
                ROOT.resolve("sample-data/ETH_USDT-1m_20230317-20230324.json.gz"))).data();
        Instant from = Instant.parse("2023-03-18T00:00:00Z");
        Instant to = Instant.parse("2023-03-19T00:00:00Z");
        MarketData day = DataSlice.of(data, from, to).orElseThrow();
        assertEquals(2 * 1440, day.size(), "a day of both instruments");
        assertEquals(from, DataSlice.start(day));
        assertEquals(to, DataSlice.end(day), "the last bar closes at the window's end");
        for (int i = 0; i < day.size(); i++) {
            assertTrue(!day.bar(i).openTime().isBefore(from) && !day.bar(i).closeTime().isAfter(to), day.bar(i).toString());
        }
    }

    @Test
    void aBarStraddlingAnOffGridEndIsLeftOut() throws Exception {
        MarketData data = MarketDataLoader.load(List.of(ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz"))).data();
        MarketData slice = DataSlice.of(data, Instant.parse("2023-03-18T00:00:00Z"), Instant.parse("2023-03-18T00:10:30Z")).orElseThrow();
        assertEquals(10, slice.size(), "00:00 to 00:09; the 00:10 bar closes at 00:11, after the end");
    }

    @Test
    void aWindowWithoutBarsIsEmpty() throws Exception {
        MarketData data = MarketDataLoader.load(List.of(ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz"))).data();
        assertTrue(DataSlice.of(data, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z")).isEmpty());
    }
}
