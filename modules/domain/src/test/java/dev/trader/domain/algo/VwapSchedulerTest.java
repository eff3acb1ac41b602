package dev.trader.domain.algo;

import static dev.trader.domain.algo.AlgoFixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the real BTCUSDT 1m bars of 17 to 23 March 2023 ({@code sample-data/}). */
class VwapSchedulerTest {
    /** The parent starts at the close of the 13:29 bar on 23 March: its first child trades in the 13:30 bar, New York's open. */
    private static final Instant START = Instant.parse("2023-03-23T13:30:00Z");
    private static final SliceSizing SIZING = new SliceSizing(AlgoFixtures.BTCUSDT, Price.of("27300"));
    private static List<Bar> week;

    @BeforeAll
    static void readBars() throws Exception {
        week = SampleBars.btcusdt();
        assertEquals(10_080, week.size());
    }

    /** The rolling profile fed every bar up to the parent's start, as the engine feeds it. */
    private static VolumeProfile profileAtStart(int days) {
        RollingVolumeProfile rolling = new RollingVolumeProfile(days);
        week.stream().filter(b -> b.openTime().isBefore(START)).forEach(rolling::add);
        return rolling.profile();
    }

    @Test
    void theProfileIsTheMeanVolumeOfEachMinuteOverTheWholeDaysBeforeTheCurrentOne() {
        VolumeProfile profile = profileAtStart(7);

        assertEquals(6, profile.days(), "17 to 22 March: the 23rd is in progress");
        assertEquals("6 day(s) of 1m bars, 2023-03-17 to 2023-03-22 UTC", profile.describe());
        for (int minute : new int[] {0, 13 * 60 + 30, 23 * 60 + 59}) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Bar b : week) {
                LocalDate day = LocalDate.ofInstant(b.openTime(), ZoneOffset.UTC);
                if (day.isBefore(LocalDate.of(2023, 3, 23)) && VolumeProfile.minuteOfDay(b.openTime()) == minute) {
                    sum = sum.add(b.volume().toBigDecimal());
                }
            }
            assertEquals(sum.divide(BigDecimal.valueOf(6), 12, RoundingMode.HALF_EVEN), profile.volumeAt(minute), "minute " + minute);
        }
        VolumeProfile threeDays = profileAtStart(3);
        assertEquals("3 day(s) of 1m bars, 2023-03-20 to 2023-03-22 UTC", threeDays.describe());
    }

    @Test
    void aReplayedBarChangesNothing() {
        RollingVolumeProfile rolling = new RollingVolumeProfile(7);
        week.stream().filter(b -> b.openTime().isBefore(START)).forEach(rolling::add);
        BigDecimal before = rolling.profile().volumeAt(13 * 60 + 30);
        week.stream().filter(b -> b.openTime().isBefore(START)).limit(5_000).forEach(rolling::add);

        assertEquals(before, rolling.profile().volumeAt(13 * 60 + 30));
    }

    @Test
    void theSlicesFollowTheProfileAndAddUpToTheOrder() {
        VolumeProfile profile = profileAtStart(7);
        List<BigDecimal> bars = profile.barVolumes(START, 60);
        Quantity total = q("2.5");

        SlicePlan plan = VwapScheduler.plan(total, 6, 60, bars, SIZING, profile.describe());

        assertEquals(total, plan.total(), "exactly the order");
        assertEquals(6, plan.slices().size(), "every slice is large enough to go");
        BigDecimal all = bars.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lot = AlgoFixtures.BTCUSDT.lotSize().toBigDecimal();
        for (Slice s : plan.slices()) {
            assertEquals(s.index() * 10, s.startBar());
            BigDecimal weight = bars.subList(s.startBar(), s.startBar() + 10).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal share = total.toBigDecimal().multiply(weight).divide(all, MathContext.DECIMAL64);
            assertTrue(share.subtract(s.quantity().toBigDecimal()).abs().compareTo(lot.multiply(BigDecimal.valueOf(2))) <= 0,
                    "slice " + s + " is its profile share " + share + " within rounding");
        }
        // The profile is not flat at New York's open: the plan is not a TWAP.
        Quantity largest = plan.slices().stream().map(Slice::quantity).max(Quantity::compareTo).orElseThrow();
        Quantity smallest = plan.slices().stream().map(Slice::quantity).min(Quantity::compareTo).orElseThrow();
        assertTrue(largest.toBigDecimal().compareTo(smallest.toBigDecimal().multiply(new BigDecimal("1.2"))) > 0,
                "largest " + largest + ", smallest " + smallest);
        assertTrue(plan.note().startsWith("VWAP: 6 slice(s) over 60 bar(s), weighted by the volume profile (6 day(s)"), plan.note());
    }

    @Test
    void aProfileWithoutVolumeFallsBackToTwapAndSaysSo() {
        VolumeProfile none = VolumeProfile.empty();

        SlicePlan plan = VwapScheduler.plan(q("0.04016"), 4, 8, none.barVolumes(START, 8), SIZING, none.describe());

        assertEquals(TwapScheduler.plan(q("0.04016"), 4, 8, SIZING).slices(), plan.slices());
        assertEquals("VWAP fell back to TWAP: the volume profile (no days of 1m bars) has no volume over the 8 bar(s); 4 equal slice(s)", plan.note());
    }
}
