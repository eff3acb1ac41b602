package dev.trader.risk.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollingCorrelationTest {
    private static final InstrumentId A = InstrumentId.parse("sim:A");
    private static final InstrumentId B = InstrumentId.parse("sim:B");
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
    private static final double[] MOVES = {0.01, -0.02, 0.015, 0.0, -0.005, 0.03, -0.01, 0.02, -0.025, 0.005, 0.01, -0.015};

    private static RollingCorrelation feed(RollingCorrelation c, InstrumentId id, double direction, int skipEvery) {
        double price = 100;
        for (int i = 0; i < MOVES.length; i++) {
            price *= 1 + direction * MOVES[i];
            if (skipEvery > 0 && i % skipEvery == 1) {
                continue;
            }
            c = c.onClose(id, T.plus(Duration.ofHours(i)), Price.of(BigDecimal.valueOf(price).setScale(6, java.math.RoundingMode.HALF_UP)));
        }
        return c;
    }

    @Test
    void identicalReturnsCorrelateFullyAndMirroredOnesNegatively() {
        RollingCorrelation same = feed(feed(new RollingCorrelation(50, 5), A, 1, 0), B, 1, 0);
        assertEquals(1.0, same.correlation(A, B).orElseThrow(), 1e-6);
        RollingCorrelation mirror = feed(feed(new RollingCorrelation(50, 5), A, 1, 0), B, -1, 0);
        assertEquals(-1.0, mirror.correlation(A, B).orElseThrow(), 1e-3);
    }

    @Test
    void tooFewCommonSamplesGiveNoCorrelation() {
        RollingCorrelation c = feed(feed(new RollingCorrelation(50, 11), A, 1, 0), B, 1, 0);
        assertEquals(11, MOVES.length - 1);
        assertTrue(c.correlation(A, B).isPresent(), "11 returns each");
        RollingCorrelation gappy = feed(feed(new RollingCorrelation(50, 11), A, 1, 0), B, 1, 3);
        assertTrue(gappy.correlation(A, B).isEmpty(), "B misses bars: fewer common returns");
        assertTrue(new RollingCorrelation(50, 5).correlation(A, B).isEmpty());
    }

    @Test
    void aBarNotAfterTheLastIsIgnoredAndTheStateIsImmutable() {
        RollingCorrelation c = feed(new RollingCorrelation(50, 5), A, 1, 0);
        RollingCorrelation again = c.onClose(A, T, Price.of("1"));
        assertTrue(again == c);
        RollingCorrelation withB = feed(c, B, 1, 0);
        assertTrue(c.correlation(A, B).isEmpty(), "the earlier value did not change");
        assertTrue(withB.correlation(A, B).isPresent());
    }
}
