package dev.trader.strategy.combine;

import static dev.trader.domain.signal.SignalDirection.FLAT;
import static dev.trader.domain.signal.SignalDirection.LONG;
import static dev.trader.domain.signal.SignalDirection.SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.signal.SignalDirection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each aggregation mode on hand-made stances. */
class SignalAggregatorTest {
    private static final Stance NONE = Stance.NONE;

    private static Stance s(SignalDirection direction, double confidence) {
        return new Stance(direction, confidence);
    }

    private static SignalAggregator of(AggregationMode mode, int sources) {
        double[] weights = new double[sources];
        Arrays.fill(weights, 1.0);
        return new SignalAggregator(mode, weights, 0.5, 1);
    }

    private static void assertStance(SignalDirection direction, double confidence, Stance actual) {
        assertEquals(direction, actual.direction(), "direction of " + actual);
        assertEquals(confidence, actual.confidence(), 1e-12, "confidence of " + actual);
    }

    // ---- VOTE

    @Test
    void voteTheDirectionMostSourcesHoldWinsWithTheShareOfVotersTimesTheirMeanConfidence() {
        Stance combined = of(AggregationMode.VOTE, 3).combine(List.of(s(LONG, 0.8), s(FLAT, 0.9), s(LONG, 0.6)));
        // 2 of 3 voters, mean confidence of the winners 0.7
        assertStance(LONG, 2.0 / 3 * 0.7, combined);
    }

    @Test
    void voteSourcesWithoutAStanceDoNotVote() {
        Stance combined = of(AggregationMode.VOTE, 4).combine(List.of(NONE, s(FLAT, 0.4), NONE, NONE));
        assertStance(FLAT, 0.4, combined);
        assertTrue(of(AggregationMode.VOTE, 2).combine(List.of(NONE, NONE)).isNone());
    }

    @Test
    void voteATieIsNoStance() {
        assertTrue(of(AggregationMode.VOTE, 2).combine(List.of(s(LONG, 0.9), s(FLAT, 0.1))).isNone());
        assertTrue(of(AggregationMode.VOTE, 3).combine(List.of(s(LONG, 0.9), NONE, s(SHORT, 0.9))).isNone());
        // a tie of the two largest is no stance even when a third direction has fewer votes
        assertTrue(of(AggregationMode.VOTE, 5).combine(List.of(s(SHORT, 1), s(LONG, 1), s(FLAT, 1), s(LONG, 1), s(FLAT, 1))).isNone());
        // but a tie below the winner does not matter
        assertStance(FLAT, 3.0 / 5 * 1.0, of(AggregationMode.VOTE, 5).combine(List.of(s(SHORT, 1), s(LONG, 1), s(FLAT, 1), s(FLAT, 1), s(FLAT, 1))));
    }

    // ---- WEIGHTED

    @Test
    void weightedEachSourceAddsItsWeightAndTheWinnerNeedsItsShareOfTheTotalWeight() {
        SignalAggregator a = new SignalAggregator(AggregationMode.WEIGHTED, new double[] {2, 1, 1}, 0.4, 1);
        // LONG weight 2 of 4 = 0.5 share; its confidence is its source's, 0.9
        assertStance(LONG, 0.9, a.combine(List.of(s(LONG, 0.9), s(FLAT, 1.0), NONE)));
        // two light sources outweigh... nothing: FLAT 1 + 1 = 2 ties LONG 2, no stance
        assertTrue(a.combine(List.of(s(LONG, 0.3), s(FLAT, 1.0), s(FLAT, 1.0))).isNone());
        // FLAT 1 + 1 beats LONG... only when LONG is lighter: weighted mean confidence (1 x 1.0 + 1 x 0.5) / 2
        SignalAggregator b = new SignalAggregator(AggregationMode.WEIGHTED, new double[] {1, 1, 1}, 0.4, 1);
        assertStance(FLAT, 0.75, b.combine(List.of(s(LONG, 0.3), s(FLAT, 1.0), s(FLAT, 0.5))));
        // silent sources still count in the total weight
        assertTrue(a.combine(List.of(NONE, s(FLAT, 1.0), NONE)).isNone(), "1 of 4 is below 0.4");
        assertStance(LONG, 1.0, a.combine(List.of(s(LONG, 1.0), NONE, NONE)));
    }

    @Test
    void weightedAShareExactlyAtTheThresholdPasses() {
        SignalAggregator a = new SignalAggregator(AggregationMode.WEIGHTED, new double[] {3, 2}, 0.6, 1);
        assertStance(LONG, 0.5, a.combine(List.of(s(LONG, 0.5), NONE)));
        SignalAggregator b = new SignalAggregator(AggregationMode.WEIGHTED, new double[] {3, 2}, 0.61, 1);
        assertTrue(b.combine(List.of(s(LONG, 1.0), NONE)).isNone(), "0.6 is just below 0.61");
        SignalAggregator quarter = new SignalAggregator(AggregationMode.WEIGHTED, new double[] {1, 3}, 0.25, 1);
        assertStance(FLAT, 0.5, quarter.combine(List.of(s(FLAT, 0.5), NONE)));
    }

    @Test
    void weightedAnExactTieBetweenTwoDirectionsIsNoStanceWhateverTheThreshold() {
        SignalAggregator a = new SignalAggregator(AggregationMode.WEIGHTED, new double[] {1, 1}, 0.2, 1);
        assertTrue(a.combine(List.of(s(LONG, 0.5), s(FLAT, 0.9))).isNone());
        assertTrue(a.combine(List.of(s(FLAT, 0.9), s(LONG, 0.5))).isNone());
        SignalAggregator b = new SignalAggregator(AggregationMode.WEIGHTED, new double[] {2, 1, 1}, 0.2, 1);
        assertTrue(b.combine(List.of(s(SHORT, 0.5), s(LONG, 1.0), s(LONG, 1.0))).isNone(), "SHORT 2 ties LONG 1 + 1");
        // a tie below the winner does not matter
        assertStance(LONG, 0.6, b.combine(List.of(s(LONG, 0.6), s(FLAT, 0.5), s(SHORT, 0.5))));
    }

    // ---- UNANIMOUS

    @Test
    void unanimousEverySourceMustHoldTheSameDirection() {
        SignalAggregator a = of(AggregationMode.UNANIMOUS, 3);
        assertStance(LONG, 0.6, a.combine(List.of(s(LONG, 0.5), s(LONG, 0.6), s(LONG, 0.7))));
        assertTrue(a.combine(List.of(s(LONG, 0.5), NONE, s(LONG, 0.7))).isNone(), "a silent source is not agreement");
        assertTrue(a.combine(List.of(s(LONG, 0.5), s(FLAT, 0.6), s(LONG, 0.7))).isNone());
        assertTrue(a.combine(List.of(NONE, NONE, NONE)).isNone());
    }

    // ---- THRESHOLD

    @Test
    void thresholdADirectionHeldByAtLeastTheQuorumWins() {
        SignalAggregator a = new SignalAggregator(AggregationMode.THRESHOLD, new double[] {1, 1, 1, 1}, 0.5, 2);
        assertStance(FLAT, 0.5, a.combine(List.of(s(FLAT, 0.4), NONE, s(LONG, 0.9), s(FLAT, 0.6))));
        assertTrue(a.combine(List.of(s(FLAT, 0.4), NONE, s(LONG, 0.9), NONE)).isNone(), "no direction reaches 2");
        assertStance(LONG, 0.7, a.combine(List.of(s(LONG, 0.6), s(LONG, 0.7), s(LONG, 0.8), s(FLAT, 1.0))));
    }

    @Test
    void thresholdTwoDirectionsBothAtTheQuorumIsNoStance() {
        SignalAggregator a = new SignalAggregator(AggregationMode.THRESHOLD, new double[] {1, 1, 1, 1}, 0.5, 2);
        assertTrue(a.combine(List.of(s(LONG, 0.9), s(FLAT, 0.4), s(LONG, 0.9), s(FLAT, 0.4))).isNone());
        SignalAggregator one = new SignalAggregator(AggregationMode.THRESHOLD, new double[] {1, 1}, 0.5, 1);
        assertTrue(one.combine(List.of(s(LONG, 0.9), s(FLAT, 0.4))).isNone());
        assertStance(FLAT, 0.4, one.combine(List.of(NONE, s(FLAT, 0.4))));
    }

    // ---- validation

    @Test
    void constructorRejectsBadWeightsThresholdsAndQuorumsWithTheReason() {
        assertEquals("weight of source 1 must be positive but was 0.0", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.WEIGHTED, new double[] {1, 0}, 0.5, 1)).getMessage());
        assertEquals("weight of source 0 must be positive but was -2.0", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.VOTE, new double[] {-2}, 0.5, 1)).getMessage());
        assertEquals("weight of source 0 must be positive but was NaN", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.VOTE, new double[] {Double.NaN}, 0.5, 1)).getMessage());
        assertEquals("weight of source 2 must be positive but was Infinity", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.VOTE, new double[] {1, 1, Double.POSITIVE_INFINITY}, 0.5, 1)).getMessage());
        assertEquals("threshold must be within (0, 1] but was 0.0", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.WEIGHTED, new double[] {1}, 0, 1)).getMessage());
        assertEquals("threshold must be within (0, 1] but was 1.5", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.WEIGHTED, new double[] {1}, 1.5, 1)).getMessage());
        assertEquals("threshold must be within (0, 1] but was NaN", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.WEIGHTED, new double[] {1}, Double.NaN, 1)).getMessage());
        assertEquals("quorum must be within 1..3 but was 0", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.THRESHOLD, new double[] {1, 1, 1}, 0.5, 0)).getMessage());
        assertEquals("quorum must be within 1..3 but was 4", assertThrows(IllegalArgumentException.class,
                () -> new SignalAggregator(AggregationMode.THRESHOLD, new double[] {1, 1, 1}, 0.5, 4)).getMessage());
        assertEquals("mode", assertThrows(NullPointerException.class,
                () -> new SignalAggregator(null, new double[] {1}, 0.5, 1)).getMessage());
        // 1 is a valid threshold: everything must agree
        assertStance(LONG, 1.0, new SignalAggregator(AggregationMode.WEIGHTED, new double[] {1, 1}, 1.0, 1)
                .combine(List.of(s(LONG, 1), s(LONG, 1))));
    }

    @Test
    void combineRejectsAStanceCountOtherThanTheSourceCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of(AggregationMode.VOTE, 3).combine(List.of(NONE, NONE)));
        assertEquals("expected 3 stances but got 2", e.getMessage());
    }

    @Test
    void theWeightsArrayIsCopiedSoLaterChangesDoNotLeakIn() {
        double[] weights = {1, 1};
        SignalAggregator a = new SignalAggregator(AggregationMode.WEIGHTED, weights, 0.5, 1);
        weights[0] = 100;
        assertTrue(a.combine(List.of(NONE, s(LONG, 1.0))).isNone() == false, "1 of 2 still reaches 0.5");
        assertStance(LONG, 1.0, a.combine(List.of(s(LONG, 1.0), NONE)));
    }
}
