package dev.trader.strategy.timeframe;

import static dev.trader.strategy.timeframe.Candles.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recovery contract on real data with a gap (the 2023-03-24 outage): a copy made like a
 * snapshot restore at any point, before, inside or after the gap, equals the original and
 * carries on producing exactly the same bars.
 */
class TimeframeSnapshotTest {
    private static final List<Bar> BARS = Candles.bars(Candles.freqtradeJsonResource("/market/BTC_USDT-1m_20230324-outage.json.gz"), Timeframe.M1);

    @Test
    void multiTimeframeSurvivesASnapshotAnywhere() {
        for (GapPolicy policy : GapPolicy.values()) {
            for (int prefix : new int[] {0, 1, 59, 60, 150, 160, 161, 279}) {
                MultiTimeframe original = new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4), 5, policy);
                for (Bar b : BARS.subList(0, prefix)) {
                    original.onBaseBar(b);
                }
                MultiTimeframe restored = StateCopy.of(original);
                assertNotSame(original, restored);
                assertEquals(original, restored, policy + " after " + prefix);
                assertEquals(original.hashCode(), restored.hashCode());
                for (Bar b : BARS.subList(prefix, BARS.size())) {
                    assertEquals(original.onBaseBarDetailed(b), restored.onBaseBarDetailed(b), policy + " prefix " + prefix + " at " + b.openTime());
                }
                assertEquals(original, restored);
            }
        }
    }

    @Test
    void resamplerSurvivesASnapshotInsideAnOpenBucket() {
        BarResampler original = new BarResampler(BTC, Timeframe.M1, Timeframe.H1, GapPolicy.CARRY_FORWARD);
        for (Bar b : BARS.subList(0, 150)) {
            original.onBaseBar(b);
        }
        BarResampler restored = StateCopy.of(original);
        assertEquals(original, restored);
        for (Bar b : BARS.subList(150, BARS.size())) {
            assertEquals(original.onBaseBar(b), restored.onBaseBar(b));
        }
    }
}
