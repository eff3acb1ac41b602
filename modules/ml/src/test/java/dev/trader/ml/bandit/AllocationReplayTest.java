package dev.trader.ml.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllocationReplayTest {

    @Test
    void equalWeightsCountEveryTradeOnceAndAnAllocatorOnlyLearnsFromClosedTrades() {
        List<AllocationReplay.TradeOutcome> trades = List.of(
                new AllocationReplay.TradeOutcome(0, "x", 0, 10, 5),
                new AllocationReplay.TradeOutcome(1, "x", 5, 20, -3),
                new AllocationReplay.TradeOutcome(0, "x", 10, 30, -4));
        AllocationReplay.Result equal = AllocationReplay.equalWeights(trades, 2);
        assertEquals(-2, equal.pnl(), 1e-12);
        assertEquals(7, equal.maxDrawdown(), 1e-12, "5, then 2, then -2");
        // UCB1 without a minimum weight, all weight on its choice: at t=0 and t=5 nothing has closed, so both decisions choose the
        // first untried arm, 0: trade 1 (arm 0) counts twice, trade 2 (arm 1) not at all. At t=10 trade 1's win is known (closes come
        // first) and arm 1 is untried: chosen, so trade 3 (arm 0) counts nothing. Its outcome at t=30 cannot have been used.
        AllocationReplay.Result ucb = AllocationReplay.run("ucb1", trades, new ContextualAllocator(PolicyKind.UCB1, 2, 0, 0, 1));
        assertEquals(2 * 5 + 0 * -3 + 0 * -4, ucb.pnl(), 1e-12);
    }

    @Test
    void onAStreamWhereOneStrategyIsBetterTheBanditsBeatEqualWeights() {
        Random r = new Random(4);
        List<AllocationReplay.TradeOutcome> trades = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int arm = i % 2;
            double pnl = r.nextDouble() < (arm == 1 ? 0.6 : 0.4) ? 1 : -1;
            trades.add(new AllocationReplay.TradeOutcome(arm, "x", i * 10L, i * 10L + 5, pnl));
        }
        double equal = AllocationReplay.equalWeights(trades, 2).pnl();
        for (PolicyKind kind : PolicyKind.values()) {
            double bandit = AllocationReplay.run(kind.id(), trades, new ContextualAllocator(kind, 2, 0.1, 0.1, 7)).pnl();
            assertTrue(bandit > equal, kind + ": " + bandit + " against " + equal);
        }
    }
}
