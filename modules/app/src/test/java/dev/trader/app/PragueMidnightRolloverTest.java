package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.SyntheticBars;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Money;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.account.RiskStatus;
import dev.trader.engine.pipeline.BarOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prop-firm trading day through the whole engine, on bars that cross Prague midnight: the day
 * rolls, and the daily floor resets to the balance then less 5% of the initial capital, at the
 * close of the bar that ends at local midnight, not a minute earlier or later. 30/31 March 2024
 * crosses CET midnight (23:00 UTC); 31 March is the day summer time begins (02:00 → 03:00), so it
 * lasts 23 hours and ends at 22:00 UTC, and nothing happens at 23:00 UTC that night.
 */
class PragueMidnightRolloverTest {
    private static final Money LOSS_FLOOR_ALLOWANCE = Money.of("500", "USDT");

    @TempDir
    Path workDir;

    @Test
    void theDailyFloorResetsExactlyAtPragueMidnightAcrossTheSpringDstSwitch() throws Exception {
        // 30 March from 22:00 UTC: a losing round trip (LONG at 22:20 filled 22:21 at 295, FLAT at 22:22 filled 22:23 at 285), then quiet.
        Instant day1 = Instant.parse("2024-03-30T22:00:00Z");
        List<String> c1 = new ArrayList<>(SyntheticBars.falling("300", 20));
        c1.addAll(List.of("295", "296", "285"));
        c1.addAll(SyntheticBars.falling("284.5", 43));
        List<Bar> first = SyntheticBars.bars(day1, c1, null);
        // 31 March from 21:20 UTC: a winning round trip (LONG at 21:40 filled 21:41 at 260, FLAT at 21:43 filled 21:44 at 266), quiet to 23:05.
        Instant day2 = Instant.parse("2024-03-31T21:20:00Z");
        List<String> c2 = new ArrayList<>(SyntheticBars.falling("263", 20));
        c2.addAll(List.of("260", "262", "272", "266"));
        c2.addAll(SyntheticBars.falling("265.5", 82));
        List<Bar> second = SyntheticBars.bars(day2, c2, first.get(first.size() - 1).close());

        try (TraderNode node = TraderNode.start(SyntheticBars.withoutRestingStops(SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("prague", workDir)))))) {
            List<BarOutcome> run1 = SyntheticBars.feed(node, until(first, "2024-03-30T22:58:00Z"));
            assertTrue(only(run1, "2024-03-30T22:20:00Z").approved());
            assertTrue(only(run1, "2024-03-30T22:22:00Z").approved(), "the exit");
            RiskStatus beforeMidnight = risk(node);
            assertEquals(Instant.parse("2024-03-30T22:59:00Z"), beforeMidnight.asOf(), "the bar of 23:58 Prague time has closed");
            assertEquals(LocalDate.parse("2024-03-30"), beforeMidnight.tradingDay());
            assertEquals(Money.of("10000", "USDT"), beforeMidnight.dayStartBalance());
            assertEquals(Money.of("9500", "USDT"), beforeMidnight.dailyFloor());
            Money balance = beforeMidnight.balance();
            assertTrue(balance.compareTo(Money.of("9900", "USDT")) < 0, "the round trip lost: " + balance);

            SyntheticBars.feed(node, List.of(bar(first, "2024-03-30T22:59:00Z")));
            RiskStatus midnight = risk(node);
            assertEquals(Instant.parse("2024-03-30T23:00:00Z"), midnight.asOf(), "the bar ending at 00:00 Prague time");
            assertEquals(LocalDate.parse("2024-03-31"), midnight.tradingDay());
            assertEquals(balance, midnight.dayStartBalance());
            assertEquals(balance.minus(LOSS_FLOOR_ALLOWANCE), midnight.dailyFloor(), "reset to the midnight balance less 500");

            SyntheticBars.feed(node, after(first, "2024-03-30T22:59:00Z"));
            assertEquals(LocalDate.parse("2024-03-31"), risk(node).tradingDay());

            List<BarOutcome> run2 = SyntheticBars.feed(node, until(second, "2024-03-31T21:58:00Z"));
            assertTrue(only(run2, "2024-03-31T21:40:00Z").approved());
            assertTrue(only(run2, "2024-03-31T21:43:00Z").approved(), "the exit");
            RiskStatus lastMinute = risk(node);
            assertEquals(LocalDate.parse("2024-03-31"), lastMinute.tradingDay(), "23:59 CEST is still 31 March");
            assertEquals(balance.minus(LOSS_FLOOR_ALLOWANCE), lastMinute.dailyFloor(), "the floor holds all day, whatever the balance does");
            Money balance2 = lastMinute.balance();
            assertNotEquals(balance, balance2, "the second round trip moved the balance");

            SyntheticBars.feed(node, List.of(bar(second, "2024-03-31T21:59:00Z")));
            RiskStatus dstMidnight = risk(node);
            assertEquals(Instant.parse("2024-03-31T22:00:00Z"), dstMidnight.asOf());
            assertEquals(LocalDate.parse("2024-04-01"), dstMidnight.tradingDay(), "midnight CEST is 22:00 UTC");
            assertEquals(balance2, dstMidnight.dayStartBalance());
            assertEquals(balance2.minus(LOSS_FLOOR_ALLOWANCE), dstMidnight.dailyFloor());

            SyntheticBars.feed(node, after(second, "2024-03-31T21:59:00Z"));
            RiskStatus later = risk(node);
            assertEquals(Instant.parse("2024-03-31T23:06:00Z"), later.asOf(), "fed past 23:00 UTC");
            assertEquals(LocalDate.parse("2024-04-01"), later.tradingDay(), "no second roll an hour later");
            assertEquals(balance2.minus(LOSS_FLOOR_ALLOWANCE), later.dailyFloor());
            System.out.printf("[prague] floors: %s on 30 March, %s from 23:00Z, %s from 22:00Z on the DST day%n",
                    beforeMidnight.dailyFloor(), midnight.dailyFloor(), dstMidnight.dailyFloor());
        }
    }

    private static RiskStatus risk(TraderNode node) throws Exception {
        return node.engine().account().ask(AccountEntity.GetRiskStatus::new, Duration.ofSeconds(10)).toCompletableFuture().get();
    }

    private static List<Bar> until(List<Bar> bars, String lastOpen) {
        Instant t = Instant.parse(lastOpen);
        return bars.stream().filter(b -> !b.openTime().isAfter(t)).toList();
    }

    private static List<Bar> after(List<Bar> bars, String open) {
        Instant t = Instant.parse(open);
        return bars.stream().filter(b -> b.openTime().isAfter(t)).toList();
    }

    private static Bar bar(List<Bar> bars, String open) {
        return bars.stream().filter(b -> b.openTime().equals(Instant.parse(open))).findFirst().orElseThrow();
    }

    private static IntentDecision only(List<BarOutcome> outcomes, String open) {
        BarOutcome o = outcomes.stream().filter(b -> b.bar().openTime().equals(Instant.parse(open))).findFirst().orElseThrow();
        assertEquals(1, o.decisions().size(), open + ": " + o.decisions());
        return o.decisions().get(0);
    }
}
