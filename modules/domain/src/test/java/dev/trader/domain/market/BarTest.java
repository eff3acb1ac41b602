package dev.trader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BarTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final Instant OPEN = Instant.parse("2024-03-05T10:05:00Z");

    private static Optional<BarDefect> defect(Instant openTime, String open, String high, String low, String close) {
        return Bar.defect(Timeframe.M5, openTime, Price.of(open), Price.of(high), Price.of(low), Price.of(close));
    }

    private static Optional<BarDefect> defect(String open, String high, String low, String close) {
        return defect(OPEN, open, high, low, close);
    }

    private static Bar bar(Instant openTime, String open, String high, String low, String close) {
        return new Bar(BTC, Timeframe.M5, openTime, Price.of(open), Price.of(high), Price.of(low), Price.of(close), Quantity.of("1.5"));
    }

    @Test
    void consistentBarIsBuiltWithCloseTimeOneTimeframeLater() {
        Bar b = bar(OPEN, "100", "110", "95", "105");
        assertEquals(Instant.parse("2024-03-05T10:10:00Z"), b.closeTime());
        assertEquals(Price.of("105"), b.close());
    }

    @Test
    void flatBarWhereAllPricesAreEqualIsConsistent() {
        assertEquals(Optional.empty(), defect("100", "100", "100", "100"));
    }

    @Test
    void constructorRejectsInconsistentOhlcWithTheDefectCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bar(OPEN, "100", "104", "95", "105"));
        assertTrue(e.getMessage().contains("high_below_body"), e.getMessage());
        assertTrue(e.getMessage().contains("binance:BTCUSDT"), e.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> bar(OPEN, "100", "110", "101", "105"));
        assertTrue(low.getMessage().contains("low_above_body"), low.getMessage());
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                () -> bar(OPEN.plusSeconds(60), "100", "110", "95", "105"));
        assertTrue(time.getMessage().contains("misaligned_time"), time.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> bar(OPEN, "100", "110", "0", "105"));
        assertTrue(zero.getMessage().contains("non_positive_price"), zero.getMessage());
    }

    @Test
    void nonPositivePriceDetected() {
        assertEquals(Optional.of(BarDefect.NON_POSITIVE_PRICE), defect("0", "110", "95", "105"));
        assertEquals(Optional.of(BarDefect.NON_POSITIVE_PRICE), defect("100", "110", "-1", "105"));
        assertEquals(Optional.of(BarDefect.NON_POSITIVE_PRICE), defect("100", "110", "95", "0"));
        assertEquals(Optional.of(BarDefect.NON_POSITIVE_PRICE), defect("-1", "-1", "-1", "-1"));
    }

    @Test
    void highBelowOpenCloseOrLowDetected() {
        assertEquals(Optional.of(BarDefect.HIGH_BELOW_OPEN_CLOSE_OR_LOW), defect("111", "110", "95", "105"));
        assertEquals(Optional.of(BarDefect.HIGH_BELOW_OPEN_CLOSE_OR_LOW), defect("100", "110", "95", "110.01"));
        assertEquals(Optional.of(BarDefect.HIGH_BELOW_OPEN_CLOSE_OR_LOW), defect("100", "100", "101", "100"));
    }

    @Test
    void lowAboveOpenOrCloseDetected() {
        assertEquals(Optional.of(BarDefect.LOW_ABOVE_OPEN_OR_CLOSE), defect("100", "110", "100.5", "105"));
        assertEquals(Optional.of(BarDefect.LOW_ABOVE_OPEN_OR_CLOSE), defect("105", "110", "100.5", "100"));
    }

    @Test
    void misalignedOpenTimeDetected() {
        assertEquals(Optional.of(BarDefect.MISALIGNED_TIME), defect(OPEN.plusMillis(1), "100", "110", "95", "105"));
        assertEquals(Optional.of(BarDefect.MISALIGNED_TIME), defect(OPEN.plusSeconds(60), "100", "110", "95", "105"));
        assertEquals(Optional.empty(), defect(OPEN.plusSeconds(300), "100", "110", "95", "105"));
    }

    @Test
    void priceDefectsAreReportedBeforeTimeDefects() {
        assertEquals(Optional.of(BarDefect.NON_POSITIVE_PRICE), defect(OPEN.plusMillis(1), "0", "110", "95", "105"));
        assertEquals(Optional.of(BarDefect.HIGH_BELOW_OPEN_CLOSE_OR_LOW), defect(OPEN.plusMillis(1), "111", "110", "95", "105"));
    }

    @Test
    void negativeVolumeCannotBeRepresented() {
        // BarDefect.NEGATIVE_VOLUME exists for readers of raw rows; a Bar's volume is a Quantity, which refuses it.
        assertThrows(IllegalArgumentException.class, () -> Quantity.of("-1"));
        assertEquals("negative_volume", BarDefect.NEGATIVE_VOLUME.code());
    }

    @Test
    void defectCodesAreStable() {
        assertEquals("non_positive_price", BarDefect.NON_POSITIVE_PRICE.code());
        assertEquals("high_below_body", BarDefect.HIGH_BELOW_OPEN_CLOSE_OR_LOW.code());
        assertEquals("low_above_body", BarDefect.LOW_ABOVE_OPEN_OR_CLOSE.code());
        assertEquals("misaligned_time", BarDefect.MISALIGNED_TIME.code());
    }
}
