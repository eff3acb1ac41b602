package dev.trader.engine.instrument;

import static dev.trader.engine.testing.Fixtures.bar;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimpleAtrTest {
    /** Bar i opens at 100 + i and closes at 101 + i, high 103 + i, low 99 + i: each true range is 4. */
    private static List<Bar> rising(int n) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(bar(i, String.valueOf(100 + i), String.valueOf(103 + i), String.valueOf(99 + i), String.valueOf(101 + i), "1"));
        }
        return out;
    }

    @Test
    void theMeanOfTheLastFourteenTrueRangesNeedsFifteenBars() {
        List<Bar> bars = rising(16);
        assertNull(SimpleAtr.at(bars.subList(0, 14), minute(13)), "14 bars give only 13 true ranges");
        assertEquals(Price.of("4"), SimpleAtr.at(bars, minute(14)));
        assertEquals(Price.of("4"), SimpleAtr.at(bars, minute(15)));
        assertNull(SimpleAtr.at(bars, minute(16)), "a bar not held");
    }

    @Test
    void aGapAboveTheRangeCountsFromThePreviousClose() {
        List<Bar> bars = new ArrayList<>(rising(15));
        // opens far above the last close (115): the true range runs from 115 up to the high 131
        bars.add(bar(15, "130", "131", "129", "130.5", "1"));
        // 13 ranges of 4, one of 16, over 14, rounded half-even to 8 places
        assertEquals(Price.of("4.85714286"), SimpleAtr.at(bars, minute(15)));
    }
}
