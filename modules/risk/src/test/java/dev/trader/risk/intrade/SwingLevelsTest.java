package dev.trader.risk.intrade;

import static dev.trader.risk.intrade.Fixtures.bar;
import static dev.trader.risk.intrade.Fixtures.p;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwingLevelsTest {
    /** Bars whose low and high are {@code low} and {@code low + 2}. */
    private static List<Bar> lows(String... lows) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < lows.length; i++) {
            String high = p(lows[i]).plus(p("2")).toString();
            bars.add(bar(i + 1, lows[i], high, lows[i], lows[i]));
        }
        return bars;
    }

    @Test
    void aSwingLowIsConfirmedOnlyAfterLookbackLaterBars() {
        assertEquals(Optional.empty(), SwingLevels.lastConfirmedLow(lows("10", "9", "8", "9"), 2), "one bar after the pivot is not enough");
        assertEquals(Optional.of(p("8")), SwingLevels.lastConfirmedLow(lows("10", "9", "8", "9", "10"), 2));
        assertEquals(Optional.of(p("8")), SwingLevels.lastConfirmedLow(lows("10", "9", "8", "9", "10", "11"), 2));
    }

    @Test
    void theMostRecentPivotWinsAndFlatBottomsDoNotCount() {
        assertEquals(Optional.of(p("9.5")), SwingLevels.lastConfirmedLow(lows("10", "8", "10", "9.5", "10.5"), 1));
        assertEquals(Optional.empty(), SwingLevels.lastConfirmedLow(lows("10", "8", "8", "10"), 1));
    }

    @Test
    void swingHighsMirrorSwingLows() {
        // highs are low + 2: 12, 13, 11 -> the high 13 is a pivot with lookback 1
        assertEquals(Optional.of(p("13")), SwingLevels.lastConfirmedHigh(lows("10", "11", "9"), 1));
    }
}
