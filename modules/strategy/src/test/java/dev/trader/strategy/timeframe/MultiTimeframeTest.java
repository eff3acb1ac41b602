package dev.trader.strategy.timeframe;

import static dev.trader.strategy.timeframe.Candles.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.strategy.timeframe.Candles.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiTimeframeTest {
    private static final Set<Timeframe> HIGHER = EnumSet.of(Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1);

    private static Bar flat(Instant open, String price) {
        Price p = Price.of(price);
        return new Bar(BTC, Timeframe.M1, open, p, p, p, p, Quantity.of("1"));
    }

    /**
     * Real 1m bars of 2023-03-17 (the engine fixture, 22:15 the day before to 10:14). At 10:07
     * the strategy must see the 09:00 hour as the latest closed 1h bar and nothing of the 10:00
     * hour; the 09:00 bar itself appears exactly when the 09:59 bar is fed, with the high and low
     * of its sixty 1m bars as computed here with BigDecimal.
     */
    @Test
    void noLookAheadOnRealBarsAroundTenOClock() {
        List<Row> rows = Candles.freqtradeJsonResource("/engine/BTC_USDT-1m_20230316-first720.json.gz");
        MultiTimeframe mtf = new MultiTimeframe(BTC, Timeframe.M1, HIGHER, 100);
        Instant nine = Instant.parse("2023-03-17T09:00:00Z");
        Instant ten = Instant.parse("2023-03-17T10:00:00Z");
        Instant tenOhSeven = Instant.parse("2023-03-17T10:07:00Z");
        BigDecimal high = null;
        BigDecimal low = null;
        Bar eightOClock = null;
        boolean checkedTenOhSeven = false;

        for (Row row : rows) {
            Instant t = row.openTime();
            Optional<Bar> lastHourBefore = mtf.lastClosed(Timeframe.H1);
            List<Bar> shown = mtf.onBaseBar(row.toBar(Timeframe.M1));
            assertNothingVisibleClosesAfter(mtf, row.toBar(Timeframe.M1).closeTime());
            for (Bar b : shown) {
                assertFalse(b.closeTime().isAfter(row.toBar(Timeframe.M1).closeTime()), "shown a bar that has not closed: " + b);
            }
            if (t.equals(nine.minusSeconds(60))) {
                eightOClock = mtf.lastClosed(Timeframe.H1).orElseThrow();
                assertEquals(nine.minusSeconds(3600), eightOClock.openTime());
            }
            if (!t.isBefore(nine) && t.isBefore(ten)) {
                high = high == null ? row.high() : high.max(row.high());
                low = low == null ? row.low() : low.min(row.low());
                if (t.isBefore(ten.minusSeconds(60))) {
                    assertEquals(Optional.of(eightOClock), mtf.lastClosed(Timeframe.H1), "at " + t + " the 09:00 hour has not closed");
                    assertTrue(shown.stream().noneMatch(b -> b.timeframe() == Timeframe.H1), "at " + t);
                } else {
                    // 09:59: the hour closes now, and is shown after the 1m, 5m and 15m bars that close with it
                    assertEquals(Optional.of(eightOClock), lastHourBefore);
                    assertEquals(List.of(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1), shown.stream().map(Bar::timeframe).toList());
                    Bar hour = mtf.lastClosed(Timeframe.H1).orElseThrow();
                    assertEquals(shown.get(3), hour);
                    assertEquals(nine, hour.openTime());
                    assertEquals(Price.of(high), hour.high());
                    assertEquals(Price.of(low), hour.low());
                    assertEquals(60, mtf.history(Timeframe.H1).get(mtf.history(Timeframe.H1).size() - 1).baseBarsInBucket());
                }
            }
            if (t.equals(tenOhSeven)) {
                checkedTenOhSeven = true;
                assertEquals(nine, mtf.lastClosed(Timeframe.H1).orElseThrow().openTime());
                assertTrue(mtf.history(Timeframe.H1).stream().noneMatch(b -> !b.bar().openTime().isBefore(ten)), "no 10:00 hour at 10:07");
                assertEquals(Instant.parse("2023-03-17T10:00:00Z"), mtf.lastClosed(Timeframe.M5).orElseThrow().openTime(),
                        "at 10:07 the latest closed 5m bar is 10:00-10:05");
                assertEquals(Instant.parse("2023-03-17T09:45:00Z"), mtf.lastClosed(Timeframe.M15).orElseThrow().openTime());
                assertEquals(Instant.parse("2023-03-17T04:00:00Z"), mtf.lastClosed(Timeframe.H4).orElseThrow().openTime(),
                        "the 08:00-12:00 4h bar is still open");
                // the latest day is 03-16, partial (the fixture starts at 22:15); 03-17 has not closed
                assertEquals(Instant.parse("2023-03-16T00:00:00Z"), mtf.lastClosed(Timeframe.D1).orElseThrow().openTime());
                assertEquals(105, mtf.history(Timeframe.D1).get(0).baseBarsInBucket());
            }
        }
        assertTrue(checkedTenOhSeven);
    }

    /**
     * The same on the other real fixture (2023-03-24 from 10:00): no 1h bar at all before 10:59,
     * then the 10:00 bar exactly with the 10:59 bar, then that bar as the latest until 11:59.
     */
    @Test
    void theTenOClockHourAppearsExactlyWithTheTenFiftyNineBar() {
        List<Row> rows = Candles.freqtradeJsonResource("/market/BTC_USDT-1m_20230324-outage.json.gz");
        MultiTimeframe mtf = new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.H1), 10);
        Instant ten = Instant.parse("2023-03-24T10:00:00Z");
        Instant eleven = ten.plusSeconds(3600);
        BigDecimal high = null;
        BigDecimal low = null;
        for (Row row : rows) {
            Instant t = row.openTime();
            if (!t.isBefore(eleven.plusSeconds(3600))) {
                break;
            }
            Instant hourStart = t.isBefore(eleven) ? ten : eleven;
            boolean firstMinute = t.equals(hourStart);
            high = firstMinute ? row.high() : high.max(row.high());
            low = firstMinute ? row.low() : low.min(row.low());
            List<Bar> shown = mtf.onBaseBar(row.toBar(Timeframe.M1));
            if (t.equals(hourStart.plusSeconds(59 * 60))) {
                assertEquals(2, shown.size(), "at " + t);
                Bar h = shown.get(1);
                assertEquals(hourStart, h.openTime());
                assertEquals(Price.of(high), h.high());
                assertEquals(Price.of(low), h.low());
                assertEquals(Optional.of(h), mtf.lastClosed(Timeframe.H1));
            } else {
                assertEquals(1, shown.size(), "at " + t);
                Optional<Instant> latest = hourStart.equals(ten) ? Optional.empty() : Optional.of(ten);
                assertEquals(latest, mtf.lastClosed(Timeframe.H1).map(Bar::openTime), "at " + t);
            }
        }
        assertEquals(2, mtf.history(Timeframe.H1).size());
    }

    private static void assertNothingVisibleClosesAfter(MultiTimeframe mtf, Instant now) {
        for (Timeframe tf : mtf.timeframes()) {
            for (ResampledBar r : mtf.history(tf)) {
                assertFalse(r.bar().closeTime().isAfter(now), "visible at " + now + " but not closed: " + r.bar());
            }
        }
    }

    @Test
    void theBarsClosingAtMidnightComeInAscendingTimeframeOrder() {
        MultiTimeframe mtf = new MultiTimeframe(BTC, Timeframe.M1, HIGHER, 5);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<Bar> shown = List.of();
        for (int m = 0; m < 1440; m++) {
            shown = mtf.onBaseBar(flat(start.plusSeconds(60L * m), "100"));
        }
        assertEquals(List.of(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1),
                shown.stream().map(Bar::timeframe).toList());
        for (Bar b : shown) {
            assertEquals(Instant.parse("2024-01-02T00:00:00Z"), b.closeTime());
        }
        assertEquals(Quantity.of("1440"), mtf.lastClosed(Timeframe.D1).orElseThrow().volume());
    }

    @Test
    void afterAGapTheLateBarsComeFirstInCloseTimeOrder() {
        MultiTimeframe mtf = new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.M5, Timeframe.H1), 50, GapPolicy.CARRY_FORWARD);
        Instant start = Instant.parse("2024-01-01T10:00:00Z");
        for (int m = 0; m < 50; m++) {
            mtf.onBaseBar(flat(start.plusSeconds(60L * m), "100"));
        }
        // 10:50 to 11:06 missing; 11:07 reveals it (10:49 closed the 10:45 bar on time)
        List<ResampledBar> shown = mtf.onBaseBarDetailed(flat(start.plusSeconds(67 * 60), "101"));
        List<String> order = shown.stream().map(r -> r.bar().timeframe().label() + "@" + r.bar().openTime().toString().substring(11, 16)
                + (r.carriedForward() ? "*" : "")).toList();
        assertEquals(List.of("5m@10:50*", "5m@10:55*", "1h@10:00", "5m@11:00*", "1m@11:07"), order);
        assertEquals(50, shown.get(2).baseBarsInBucket());
        for (int i = 1; i < shown.size(); i++) {
            assertFalse(shown.get(i).bar().closeTime().isBefore(shown.get(i - 1).bar().closeTime()));
        }
    }

    @Test
    void keepsTheLastNClosedBarsPerTimeframe() {
        MultiTimeframe mtf = new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.M5), 3);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int m = 0; m < 30; m++) {
            mtf.onBaseBar(flat(start.plusSeconds(60L * m), Integer.toString(100 + m)));
        }
        assertEquals(3, mtf.history(Timeframe.M5).size());
        assertEquals(List.of(start.plusSeconds(15 * 60), start.plusSeconds(20 * 60), start.plusSeconds(25 * 60)),
                mtf.history(Timeframe.M5).stream().map(r -> r.bar().openTime()).toList());
        assertEquals(Price.of("129"), mtf.lastClosed(Timeframe.M1).orElseThrow().close());
        assertEquals(Price.of("127"), mtf.closed(Timeframe.M1, 2).orElseThrow().close());
        assertEquals(Optional.empty(), mtf.closed(Timeframe.M1, 3));
        assertEquals(Optional.empty(), mtf.closed(Timeframe.M1, -1));
        assertEquals(Price.of("125"), mtf.closed(Timeframe.M5, 0).orElseThrow().open());
    }

    @Test
    void takesTheBaseInTheSetAndRejectsWhatCannotBeBuilt() {
        MultiTimeframe mtf = new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.M1, Timeframe.H1), 2);
        assertEquals(List.of(Timeframe.M1, Timeframe.H1), mtf.timeframes());
        assertThrows(IllegalArgumentException.class, () -> new MultiTimeframe(BTC, Timeframe.M5, EnumSet.of(Timeframe.M1), 2));
        assertThrows(IllegalArgumentException.class, () -> new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.H1), 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mtf.lastClosed(Timeframe.M15));
        assertTrue(e.getMessage().contains("15m"), e.getMessage());
    }

    @Test
    void aRejectedBarChangesNothing() {
        MultiTimeframe a = new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.M5), 4);
        MultiTimeframe b = new MultiTimeframe(BTC, Timeframe.M1, EnumSet.of(Timeframe.M5), 4);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int m = 0; m < 7; m++) {
            a.onBaseBar(flat(start.plusSeconds(60L * m), "100"));
            b.onBaseBar(flat(start.plusSeconds(60L * m), "100"));
        }
        assertThrows(IllegalArgumentException.class, () -> a.onBaseBar(flat(start.plusSeconds(6 * 60), "100")));
        Price p = Price.of("1");
        Bar eth = new Bar(InstrumentId.parse("binance:ETHUSDT"), Timeframe.M1, start.plusSeconds(7 * 60), p, p, p, p, Quantity.ZERO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.onBaseBar(eth));
        assertTrue(e.getMessage().contains("ETHUSDT"), e.getMessage());
        assertEquals(b, a);
        a.onBaseBar(flat(start.plusSeconds(7 * 60), "100"));
        assertNotEquals(b, a);
    }
}
