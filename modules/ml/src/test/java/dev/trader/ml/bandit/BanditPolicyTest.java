package dev.trader.ml.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BanditPolicyTest {

    @Test
    void ucb1TriesEachArmThenFollowsItsBoundAsWorkedByHand() {
        Ucb1 ucb = new Ucb1(2);
        Random r = new Random(1);
        assertEquals(0, ucb.choose(r));
        ucb.update(0, true);
        assertEquals(1, ucb.choose(r));
        ucb.update(1, false);
        // n = 2: arm 0 scores 1 + sqrt(2 ln 2 / 1) = 2.177, arm 1 scores 0 + 1.177.
        assertEquals(1 + Math.sqrt(2 * Math.log(2)), ucb.score(0), 1e-12);
        assertEquals(0, ucb.choose(r));
        for (int i = 0; i < 10; i++) {
            ucb.update(0, false);
        }
        // n = 12: arm 0 (1 win in 11) 0.0909 + sqrt(2 ln 12 / 11) = 0.7835; arm 1 (0 in 1) 0 + sqrt(2 ln 12) = 2.229: the bound makes it explore.
        assertEquals(1, ucb.choose(r));
    }

    @Test
    void epsilonGreedyExploresAtItsRateAndOtherwiseTakesTheBestArm() {
        EpsilonGreedy greedy = new EpsilonGreedy(4, 0.2);
        for (int a = 0; a < 4; a++) {
            greedy.update(a, a == 2);
        }
        Random r = new Random(7);
        int best = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            best += greedy.choose(r) == 2 ? 1 : 0;
        }
        // Arm 2 unless exploring (20%), and then a quarter of the time by chance: 0.8 + 0.05 = 85%.
        assertEquals(0.85, (double) best / n, 0.01);
        assertThrows(IllegalArgumentException.class, () -> new EpsilonGreedy(3, 1.5));
    }

    @Test
    void thompsonDrawsFromTheBetaPosteriorAndFavoursTheBetterArm() {
        Random r = new Random(3);
        double sum = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            sum += ThompsonSampling.beta(r, 3, 7);
        }
        assertEquals(0.3, sum / n, 0.005, "the mean of Beta(3, 7)");
        ThompsonSampling ts = new ThompsonSampling(2);
        for (int i = 0; i < 30; i++) {
            ts.update(0, i % 10 < 3);
            ts.update(1, i % 10 < 7);
        }
        int second = 0;
        for (int i = 0; i < 1_000; i++) {
            second += ts.choose(r);
        }
        assertTrue(second > 950, "30 plays each, 30% against 70%: the better arm nearly always: " + second);
        assertArrayEquals(new double[] {0.3, 0.7}, ts.means(), 1e-12);
    }

    @Test
    void theAllocatorLearnsPerContextWithinItsBoundsAndRepeatsWithItsSeed() {
        for (PolicyKind kind : PolicyKind.values()) {
            double[] first = learn(kind, 42);
            assertArrayEquals(first, learn(kind, 42), 0.0, kind + " seeded");
            assertEquals(1, first[0] + first[1] + first[2], 1e-12);
            for (double w : first) {
                assertTrue(w >= 0.1 - 1e-12 && w <= 0.8 + 1e-12, kind + " within its bounds: " + java.util.Arrays.toString(first));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ContextualAllocator(PolicyKind.UCB1, 3, 0.1, 0.4, 1));
    }

    /** In context "a" arm 1 wins 80% and the others 20%; in "b" arm 2 wins: answers "a"'s weights after 300 decisions. */
    private static double[] learn(PolicyKind kind, long seed) {
        ContextualAllocator allocator = new ContextualAllocator(kind, 3, 0.1, 0.1, seed);
        Random outcomes = new Random(99);
        int chosenBest = 0;
        for (int i = 0; i < 300; i++) {
            for (String context : new String[] {"a", "b"}) {
                double[] w = allocator.weights(context);
                int arm = argmax(w);
                int best = context.equals("a") ? 1 : 2;
                chosenBest += context.equals("a") && i >= 200 && arm == best ? 1 : 0;
                allocator.update(context, arm, outcomes.nextDouble() < (arm == best ? 0.8 : 0.2));
            }
        }
        assertTrue(chosenBest > 80, kind + " picks the better arm of context a in most of its last 100 decisions: " + chosenBest);
        return allocator.weights("a");
    }

    private static int argmax(double[] w) {
        int best = 0;
        for (int a = 1; a < w.length; a++) {
            if (w[a] > w[best]) {
                best = a;
            }
        }
        return best;
    }
}
