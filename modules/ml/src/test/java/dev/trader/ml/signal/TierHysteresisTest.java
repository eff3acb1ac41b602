package dev.trader.ml.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.ml.eval.ConfidenceTier;
import dev.trader.ml.label.Direction;
import org.junit.jupiter.api.Test;

class TierHysteresisTest {
    private static final Call UP_HIGH = new Call(Direction.UP, ConfidenceTier.HIGH);
    private static final Call UP_MEDIUM = new Call(Direction.UP, ConfidenceTier.MEDIUM);
    private static final Call DOWN_HIGH = new Call(Direction.DOWN, ConfidenceTier.HIGH);

    @Test
    void anUpgradeNeedsTwoScansInARowAndARetreatIsImmediate() {
        TierHysteresis h = new TierHysteresis(2);
        assertEquals(Call.NONE, h.next(UP_HIGH), "one scan is not enough");
        assertEquals(UP_HIGH, h.next(UP_HIGH), "the second in a row upgrades");
        assertEquals(UP_MEDIUM, h.next(UP_MEDIUM), "a lower tier of the same call at once");
        assertEquals(UP_MEDIUM, h.next(UP_HIGH));
        assertEquals(Call.NONE, h.next(Call.NONE), "no call at once, and the pending upgrade is forgotten");
        assertEquals(Call.NONE, h.next(UP_HIGH));
        assertEquals(Call.NONE, h.next(UP_MEDIUM), "a different claim restarts the count");
        assertEquals(UP_MEDIUM, h.next(UP_MEDIUM));
    }

    @Test
    void turningTheCallRoundIsAClaimAndWaitsToo() {
        TierHysteresis h = new TierHysteresis(2);
        h.next(UP_HIGH);
        h.next(UP_HIGH);
        assertEquals(UP_HIGH, h.next(DOWN_HIGH), "the other direction is not confirmed by one scan");
        assertEquals(DOWN_HIGH, h.next(DOWN_HIGH));
    }

    @Test
    void withOneScanEveryCallTakesEffect() {
        TierHysteresis h = new TierHysteresis(1);
        assertEquals(UP_HIGH, h.next(UP_HIGH));
        assertEquals(DOWN_HIGH, h.next(DOWN_HIGH));
    }
}
