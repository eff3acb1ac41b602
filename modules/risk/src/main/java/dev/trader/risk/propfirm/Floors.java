package dev.trader.risk.propfirm;

import dev.trader.domain.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The equity floors of an account at one moment.
 *
 * <ul>
 *   <li>{@code daily}: day-start balance − dailyLoss × initial (FTMO's max daily loss);</li>
 *   <li>{@code overall}: initial × (1 − maxLoss), or the trailing highest-EOD variant;</li>
 *   <li>{@code dailyAfterRoll} and {@code overallAfterRoll}: the floors as they would be if the
 *       day rolled now (balance − dailyLoss × initial; the trailing floor with today's balance
 *       as a candidate EOD). A position held over midnight is judged against the next day's
 *       floor at midnight, so an entry is checked against these too.</li>
 * </ul>
 * Every floor already includes the configured buffer.
 */
public record Floors(Money daily, Money overall, Money dailyAfterRoll, Money overallAfterRoll) {
    public Floors {
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(dailyAfterRoll, "dailyAfterRoll");
        Objects.requireNonNull(overallAfterRoll, "overallAfterRoll");
    }

    public static Floors of(PropFirmConfig c, Money initial, Money dayStartBalance, Money highestEodBalance, Money balance) {
        Money dailyAllowance = initial.times(c.dailyLoss());
        Money maxAllowance = initial.times(c.maxLoss());
        Money buffer = initial.times(c.floorBuffer());
        Money daily = dayStartBalance.minus(dailyAllowance).plus(buffer);
        Money dailyAfterRoll = balance.minus(dailyAllowance).plus(buffer);
        Money overall;
        Money overallAfterRoll;
        if (c.overallMode() == OverallFloorMode.STATIC) {
            overall = initial.minus(maxAllowance).plus(buffer);
            overallAfterRoll = overall;
        } else {
            overall = trailing(c, initial, highestEodBalance, maxAllowance).plus(buffer);
            Money candidate = balance.compareTo(highestEodBalance) > 0 ? balance : highestEodBalance;
            overallAfterRoll = trailing(c, initial, candidate, maxAllowance).plus(buffer);
        }
        return new Floors(daily, overall, dailyAfterRoll, overallAfterRoll);
    }

    private static Money trailing(PropFirmConfig c, Money initial, Money highest, Money maxAllowance) {
        Money floor = highest.minus(maxAllowance);
        if (c.trailingStopsAtInitial() && floor.compareTo(initial) > 0) {
            return initial;
        }
        return floor;
    }

    /** The higher of the two floors that apply right now. */
    public Money current() {
        return daily.compareTo(overall) >= 0 ? daily : overall;
    }

    /** The highest of all four: what an entry's worst case must stay at or above. */
    public Money strictest() {
        Money m = current();
        m = dailyAfterRoll.compareTo(m) > 0 ? dailyAfterRoll : m;
        return overallAfterRoll.compareTo(m) > 0 ? overallAfterRoll : m;
    }

    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("daily_floor", daily.toString());
        m.put("overall_floor", overall.toString());
        m.put("daily_floor_after_roll", dailyAfterRoll.toString());
        m.put("overall_floor_after_roll", overallAfterRoll.toString());
        return m;
    }
}
