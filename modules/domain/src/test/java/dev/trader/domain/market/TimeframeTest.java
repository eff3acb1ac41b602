package dev.trader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeframeTest {
    private static final Instant T = Instant.parse("2024-03-05T10:07:31.500Z");

    @Test
    void alignedOpenFloorsToTheBarBoundaryInUtc() {
        assertEquals(Instant.parse("2024-03-05T10:07:00Z"), Timeframe.M1.alignedOpen(T));
        assertEquals(Instant.parse("2024-03-05T10:05:00Z"), Timeframe.M5.alignedOpen(T));
        assertEquals(Instant.parse("2024-03-05T10:00:00Z"), Timeframe.M15.alignedOpen(T));
        assertEquals(Instant.parse("2024-03-05T10:00:00Z"), Timeframe.H1.alignedOpen(T));
        assertEquals(Instant.parse("2024-03-05T08:00:00Z"), Timeframe.H4.alignedOpen(T));
        assertEquals(Instant.parse("2024-03-05T00:00:00Z"), Timeframe.D1.alignedOpen(T));
    }

    @Test
    void alignedOpenOfAnAlignedTimeIsItself() {
        Instant open = Instant.parse("2024-03-05T10:15:00Z");
        assertEquals(open, Timeframe.M15.alignedOpen(open));
        assertEquals(Instant.parse("2024-03-05T10:00:00Z"), Timeframe.M15.alignedOpen(open.minusMillis(1)));
    }

    @Test
    void alignedOpenFloorsBeforeTheEpochToo() {
        assertEquals(Instant.parse("1969-12-31T23:59:00Z"), Timeframe.M1.alignedOpen(Instant.parse("1969-12-31T23:59:30Z")));
        assertEquals(Instant.parse("1969-12-31T00:00:00Z"), Timeframe.D1.alignedOpen(Instant.ofEpochMilli(-1)));
        assertTrue(Timeframe.M1.isAligned(Instant.parse("1969-12-31T23:59:00Z")));
        assertFalse(Timeframe.M1.isAligned(Instant.ofEpochMilli(-1)));
    }

    @Test
    void isAlignedOnlyOnBoundaries() {
        assertTrue(Timeframe.M5.isAligned(Instant.parse("2024-03-05T10:05:00Z")));
        assertFalse(Timeframe.M15.isAligned(Instant.parse("2024-03-05T10:05:00Z")));
        assertFalse(Timeframe.M1.isAligned(Instant.parse("2024-03-05T10:05:00.001Z")));
        assertTrue(Timeframe.H4.isAligned(Instant.parse("2024-03-05T20:00:00Z")));
        assertFalse(Timeframe.H4.isAligned(Instant.parse("2024-03-05T21:00:00Z")));
        assertTrue(Timeframe.D1.isAligned(Instant.EPOCH));
        for (Timeframe tf : Timeframe.values()) {
            assertTrue(tf.isAligned(tf.alignedOpen(T)), tf.label());
        }
    }

    @Test
    void labelsRoundTrip() {
        for (Timeframe tf : Timeframe.values()) {
            assertSame(tf, Timeframe.ofLabel(tf.label()));
            assertEquals(tf.duration().toMillis(), tf.millis());
        }
        assertSame(Timeframe.H4, Timeframe.ofLabel("4h"));
        assertEquals(3_600_000L, Timeframe.H1.millis());
    }

    @Test
    void unknownLabelIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timeframe.ofLabel("1H"));
        assertTrue(e.getMessage().contains("'1H'"), e.getMessage());
        assertTrue(e.getMessage().contains("1m, 5m, 15m, 1h, 4h, 1d"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Timeframe.ofLabel("M1"));
        assertThrows(IllegalArgumentException.class, () -> Timeframe.ofLabel(null));
    }
}
