package dev.trader.domain.algo;

import static dev.trader.domain.algo.AlgoFixtures.AT_25000;
import static dev.trader.domain.algo.AlgoFixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PovScheduleTest {
    private static final PovSchedule TEN_PERCENT = new PovSchedule(new BigDecimal("0.1"), 30);

    @Test
    void eachChildIsTheParticipationOfTheBarsVolumeRoundedDownToTheLot() {
        assertEquals(q("0.01234"), TEN_PERCENT.child(q("0.12345678"), q("1"), AT_25000));
        assertEquals(q("0.25"), TEN_PERCENT.child(q("2.5"), q("1"), AT_25000));
    }

    @Test
    void aChildIsCappedByWhatRemains() {
        assertEquals(q("0.04"), TEN_PERCENT.child(q("2.5"), q("0.04"), AT_25000));
    }

    @Test
    void aShareBelowTheVenuesMinimumSendsNothingThisBar() {
        // 10% of 0.0019 BTC is 0.00019 BTC, 4.75 USDT at 25,000: below the 5 USDT minimum.
        assertEquals(Quantity.ZERO, TEN_PERCENT.child(q("0.0019"), q("1"), AT_25000));
        assertEquals(Quantity.ZERO, TEN_PERCENT.child(Quantity.ZERO, q("1"), AT_25000));
    }

    @Test
    void aRemainderTheVenueWouldNeverTakeAloneGoesWithThisChild() {
        // 0.0101 remains; 10% of 0.1 is 0.01, which would leave 0.0001 (2.5 USDT) behind.
        assertEquals(q("0.0101"), TEN_PERCENT.child(q("0.1"), q("0.0101"), AT_25000));
    }

    @Test
    void theHorizonEndsAfterMaxBars() {
        assertFalse(TEN_PERCENT.horizonReached(29));
        assertTrue(TEN_PERCENT.horizonReached(30));
    }

    @Test
    void participationOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PovSchedule(BigDecimal.ZERO, 10));
        assertThrows(IllegalArgumentException.class, () -> new PovSchedule(new BigDecimal("1.01"), 10));
        assertThrows(IllegalArgumentException.class, () -> new PovSchedule(new BigDecimal("0.5"), 0));
    }

    /** Real BTCUSDT minutes from the New York open of 2023-03-23: the children follow the tape and stop at the order's size. */
    @Test
    void onRealBarsTheChildrenFollowTheVolumeAndAddUpToTheOrder() throws Exception {
        Instant start = Instant.parse("2023-03-23T13:30:00Z");
        List<Bar> bars = SampleBars.btcusdt().stream().filter(b -> !b.openTime().isBefore(start)).limit(30).toList();
        PovSchedule pov = new PovSchedule(new BigDecimal("0.005"), 30);
        Quantity total = q("3");
        Quantity remaining = total;
        Quantity sent = Quantity.ZERO;
        int children = 0;
        for (Bar bar : bars) {
            if (remaining.isZero()) {
                break;
            }
            SliceSizing sizing = new SliceSizing(AlgoFixtures.BTCUSDT, bar.close());
            Quantity child = pov.child(bar.volume(), remaining, sizing);
            Quantity share = sizing.lots(new BigDecimal("0.005").multiply(bar.volume().toBigDecimal()));
            assertTrue(child.equals(share.min(remaining)) || child.equals(remaining), bar.openTime() + ": " + child + " for " + bar.volume());
            remaining = remaining.minus(child);
            sent = sent.plus(child);
            children++;
        }
        assertEquals(total, sent, "the order is done within the horizon on this busy half hour");
        assertTrue(children > 1, "it took several bars: " + children);
    }
}
