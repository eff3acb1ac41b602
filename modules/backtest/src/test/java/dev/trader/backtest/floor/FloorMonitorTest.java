package dev.trader.backtest.floor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FloorMonitor against floors worked out by hand from FTMO's published rules, on Prague days. */
class FloorMonitorTest {
    private static Money usdt(String v) {
        return Money.of(v, "USDT");
    }

    private static final FloorSpec FTMO = FloorSpec.ftmo(usdt("100000"));

    @Test
    void dailyFloorIsTheBalanceAtThePreviousPragueMidnightMinusFivePercentOfInitial() {
        // 2023-03-20 is a CET day: Prague midnight 2023-03-21 = 2023-03-20T23:00Z
        FloorMonitor m = new FloorMonitor(FTMO, Instant.parse("2023-03-20T08:00:00Z"));
        m.observe(Instant.parse("2023-03-20T10:00:00Z"), usdt("100000"), usdt("95000")); // on the floor: allowed
        assertEquals(List.of(), m.breaches());
        m.observe(Instant.parse("2023-03-20T22:59:00Z"), usdt("102000"), usdt("102000"));
        m.observe(Instant.parse("2023-03-20T23:00:00Z"), usdt("102000"), usdt("101000")); // the midnight close: day-start 102,000
        assertEquals(usdt("97000"), m.dailyFloor());
        m.observe(Instant.parse("2023-03-21T09:00:00Z"), usdt("102000"), usdt("96999.99"));
        FloorBreach b = m.breaches().get(0);
        assertEquals(FloorBreach.DAILY, b.floor());
        assertEquals(Instant.parse("2023-03-21T09:00:00Z"), b.time());
        assertEquals(0, b.shortfall().compareTo(usdt("0.01")));
        m.observe(Instant.parse("2023-03-21T09:01:00Z"), usdt("102000"), usdt("96000")); // same episode
        assertEquals(1, m.breaches().size());
    }

    @Test
    void onTheSpringDstSwitchTheDayHas23HoursAndTheFloorRollsAt22Utc() {
        // Prague midnight 2023-03-26 = 2023-03-25T23:00Z (CET); midnight 2023-03-27 = 2023-03-26T22:00Z (CEST): 23 hours later
        FloorMonitor m = new FloorMonitor(FTMO, Instant.parse("2023-03-25T12:00:00Z"));
        m.observe(Instant.parse("2023-03-25T23:00:00Z"), usdt("101000"), usdt("101000"));
        assertEquals(LocalDate.of(2023, 3, 26), m.day());
        assertEquals(usdt("96000"), m.dailyFloor());
        m.observe(Instant.parse("2023-03-26T21:59:00Z"), usdt("97000"), usdt("95999.99")); // 23:59 CEST, still the 26th
        assertEquals(1, m.breaches().size());
        assertEquals(0, m.breaches().get(0).shortfall().compareTo(usdt("0.01")));
        // 22:00Z is midnight in Prague: day-start 97,000, floor 92,000. A 24-hour (UTC) day would still say 96,000 and breach.
        m.observe(Instant.parse("2023-03-26T22:00:00Z"), usdt("97000"), usdt("95500"));
        assertEquals(LocalDate.of(2023, 3, 27), m.day());
        assertEquals(usdt("92000"), m.dailyFloor());
        assertEquals(1, m.breaches().size());
        m.observe(Instant.parse("2023-03-27T08:00:00Z"), usdt("97000"), usdt("89999.99"));
        List<FloorBreach> all = m.breaches();
        assertEquals(3, all.size());
        assertEquals(FloorBreach.OVERALL, all.get(1).floor());
        assertEquals(usdt("90000"), all.get(1).floorValue());
        assertEquals(FloorBreach.DAILY, all.get(2).floor());
        assertEquals(0, all.get(2).shortfall().compareTo(usdt("2000.01")));
    }

    @Test
    void afterAGapOverMidnightTheDayStartIsTheLastBalanceBeforeIt() {
        FloorMonitor m = new FloorMonitor(FTMO, Instant.parse("2023-10-28T12:00:00Z"));
        m.observe(Instant.parse("2023-10-28T20:00:00Z"), usdt("99000"), usdt("99000"));
        // no bar at the midnight (2023-10-28T22:00Z, CEST); the next close is after it, with a later fill in its balance
        m.observe(Instant.parse("2023-10-29T01:00:00Z"), usdt("98000"), usdt("98000"));
        assertEquals(usdt("99000"), m.dayStartBalance());
        assertEquals(usdt("94000"), m.dailyFloor());
        // the autumn switch day has 25 hours: the next midnight is 2023-10-29T23:00Z (CET)
        m.observe(Instant.parse("2023-10-29T22:30:00Z"), usdt("98000"), usdt("98000"));
        assertEquals(LocalDate.of(2023, 10, 29), m.day());
        m.observe(Instant.parse("2023-10-29T23:00:00Z"), usdt("98000"), usdt("98000"));
        assertEquals(LocalDate.of(2023, 10, 30), m.day());
        assertEquals(usdt("93000"), m.dailyFloor());
    }

    @Test
    void theTrailingFloorFollowsTheHighestEndOfDayBalance() {
        FloorSpec oneStep = new FloorSpec(usdt("100000"), new BigDecimal("0.05"), new BigDecimal("0.10"), true, false, FTMO.zone());
        FloorMonitor m = new FloorMonitor(oneStep, Instant.parse("2023-03-20T08:00:00Z"));
        assertEquals(usdt("90000"), m.overallFloor());
        m.observe(Instant.parse("2023-03-20T23:00:00Z"), usdt("104000"), usdt("104000"));
        assertEquals(usdt("94000"), m.overallFloor());
        m.observe(Instant.parse("2023-03-21T23:00:00Z"), usdt("101000"), usdt("101000")); // a lower EOD does not lower it
        assertEquals(usdt("94000"), m.overallFloor());
        m.observe(Instant.parse("2023-03-22T10:00:00Z"), usdt("101000"), usdt("93999.99"));
        assertTrue(m.breaches().stream().anyMatch(b -> b.floor().equals(FloorBreach.OVERALL)));
    }
}
