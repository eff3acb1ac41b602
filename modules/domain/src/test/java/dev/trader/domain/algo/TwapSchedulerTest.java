package dev.trader.domain.algo;

import static dev.trader.domain.algo.AlgoFixtures.AT_25000;
import static dev.trader.domain.algo.AlgoFixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TwapSchedulerTest {
    @Test
    void equalSlicesAtEqualIntervals() {
        SlicePlan plan = TwapScheduler.plan(q("0.04016"), 4, 8, AT_25000);

        assertEquals(List.of(new Slice(0, 0, q("0.01004")), new Slice(1, 2, q("0.01004")), new Slice(2, 4, q("0.01004")),
                new Slice(3, 6, q("0.01004"))), plan.slices());
        assertEquals(q("0.04016"), plan.total());
        assertEquals("TWAP: 4 slice(s) over 8 bar(s)", plan.note());
    }

    @Test
    void everySliceIsRoundedDownToTheLotAndTheLastTakesTheRemainder() {
        // 0.04018 / 3 = 0.0133933..., 0.01339 in lots of 0.00001; the last gets 0.04018 - 2 x 0.01339.
        SlicePlan plan = TwapScheduler.plan(q("0.04018"), 3, 9, AT_25000);

        assertEquals(List.of(q("0.01339"), q("0.01339"), q("0.0134")), plan.slices().stream().map(Slice::quantity).toList());
        assertEquals(List.of(0, 3, 6), plan.slices().stream().map(Slice::startBar).toList());
        assertEquals(q("0.04018"), plan.total());
    }

    @Test
    void aSliceBelowTheMinimumNotionalIsMergedIntoTheNextAndAShortTailJoinsTheLastThatCouldGo() {
        // 0.0008 BTC at 25,000 is 20 USDT: five slices of 0.00016 are 4 USDT each, under the 5 USDT minimum.
        SlicePlan plan = TwapScheduler.plan(q("0.0008"), 5, 10, AT_25000);

        assertEquals(List.of(new Slice(0, 2, q("0.00032")), new Slice(1, 6, q("0.00048"))), plan.slices());
        assertEquals(q("0.0008"), plan.total());
    }

    @Test
    void anOrderBelowTheMinimumAsAWholeGoesAsOneSliceAtTheStart() {
        SlicePlan plan = TwapScheduler.plan(q("0.00012"), 3, 6, AT_25000);

        assertEquals(List.of(new Slice(0, 0, q("0.00012"))), plan.slices());
    }

    @Test
    void moreSlicesThanBarsOrNothingToSliceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TwapScheduler.plan(q("1"), 5, 4, AT_25000));
        assertThrows(IllegalArgumentException.class, () -> TwapScheduler.plan(Quantity.ZERO, 1, 4, AT_25000));
    }

    @Property(tries = 400)
    void theSlicesAlwaysAddUpToTheOrderExactlyInLotsTheVenueTakes(@ForAll @LongRange(min = 1, max = 20_000_000) long lots,
                                                                  @ForAll @IntRange(min = 1, max = 40) int slices,
                                                                  @ForAll @IntRange(min = 0, max = 200) int extraBars,
                                                                  @ForAll @IntRange(min = 1_000, max = 90_000) int price) {
        Quantity total = Quantity.of(BigDecimal.valueOf(lots, 5));
        SliceSizing sizing = new SliceSizing(AlgoFixtures.BTCUSDT, Price.of(BigDecimal.valueOf(price)));
        int horizon = slices + extraBars;

        SlicePlan plan = TwapScheduler.plan(total, slices, horizon, sizing);

        assertEquals(total, plan.total(), "the slices add up to the order");
        assertTrue(plan.slices().size() <= slices);
        for (Slice s : plan.slices()) {
            assertEquals(sizing.lots(s.quantity().toBigDecimal()), s.quantity(), "a whole number of lots: " + s);
            assertTrue(s.startBar() < horizon, "within the horizon: " + s);
            assertTrue(sizing.placeable(s.quantity()) || plan.slices().size() == 1, "the venue takes every slice: " + s);
        }
    }
}
