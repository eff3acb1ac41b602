package dev.trader.strategy.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The brute-force comparisons on 66,087 real BTCUSDT 1m candles (2023-03-16 → 05-01, including
 * the 80-minute outage) from the shared data set; skipped where that set is not present.
 */
class LargeDataStructureTest {
    private static List<Candle> bars;

    @BeforeAll
    static void load() {
        Path file = Fixtures.sharedData().map(d -> d.resolve("binance-spot-1m/BTC_USDT-1m_20230316-20230501.json.gz"))
                .filter(Files::isRegularFile).orElse(null);
        bars = file == null ? null : Fixtures.freqtradeJsonFile(file);
    }

    @Test
    void swingsAndStructureBreaksEqualTheBruteForceOnTwoMonthsOfMinutes() {
        assumeTrue(bars != null, "shared data set not present");
        assertEquals(66_087, bars.size());
        for (int[] w : new int[][] {{2, 2}, {5, 5}, {20, 10}}) {
            List<Swing> expected = BruteForce.swings(bars, w[0], w[1]);
            assertEquals(expected, Feed.all(new SwingDetector(w[0], w[1]), bars));
            assertEquals(BruteForce.breaks(bars, expected, BreakTrigger.CLOSE), Feed.all(new MarketStructure(w[0], w[1]), bars));
        }
    }

    @Test
    void gapsAndPatternsEqualTheBruteForceOnTwoMonthsOfMinutes() {
        assumeTrue(bars != null, "shared data set not present");
        for (GapBasis basis : GapBasis.values()) {
            assertEquals(BruteForce.gaps(bars, basis, 0), Feed.all(new FairValueGapDetector(basis, 0, bars.size()), bars));
        }
        assertEquals(BruteForce.patterns(bars, 2.0 / 3, 0.25, 0.1), Feed.all(CandlePatternDetector.withDefaults(), bars));
    }
}
