package dev.trader.backtest.floor;

import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches an account's equity at every bar close against the prop firm's floors, re-derived from
 * the published rules ({@link FloorSpec}), independently of the risk module: the check that
 * the rules kept the account inside its limits, and, with the rules off, the record of where
 * it would have failed.
 *
 * <p>Days start at local midnight in the spec's zone (23 or 25 hours on DST switch days). The
 * day-start balance is the balance at that midnight: the balance observed at a close exactly on
 * the midnight (fills of the bar before it happened before it), else the last balance observed
 * before it (balances change only on fills, which happen inside bars). The highest end-of-day
 * balance, for the trailing floor, takes each day-start balance as a candidate. A breach is
 * equity strictly below a floor; equity on the floor is allowed. Amounts are exact: raw units at
 * {@link Money#SCALE} decimals; the allowances are rounded half-even to that scale once.
 */
public final class FloorMonitor {
    private final FloorSpec spec;
    private final String currency;
    private final long initial;
    private final long dailyAllowance;
    private final long maxAllowance;
    private final List<FloorBreach> breaches = new ArrayList<>();
    private LocalDate day;
    private long nextMidnight;
    private long dayStartBalance;
    private long highestEod;
    private long lastBalance;
    private boolean inDailyBreach;
    private boolean inOverallBreach;

    /** A fresh account of {@code spec.initial()} whose first day is the one {@code start} falls on. */
    public FloorMonitor(FloorSpec spec, Instant start) {
        this.spec = spec;
        this.currency = spec.initial().currency();
        this.initial = raw(spec.initial().toBigDecimal());
        this.dailyAllowance = raw(spec.initial().toBigDecimal().multiply(spec.dailyLoss()));
        this.maxAllowance = raw(spec.initial().toBigDecimal().multiply(spec.maxLoss()));
        this.day = LocalDate.ofInstant(start, spec.zone());
        this.nextMidnight = midnight(day.plusDays(1));
        this.dayStartBalance = initial;
        this.highestEod = initial;
        this.lastBalance = initial;
    }

    private static long raw(BigDecimal v) {
        return v.setScale(Money.SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    private long midnight(LocalDate d) {
        return d.atStartOfDay(spec.zone()).toInstant().toEpochMilli();
    }

    /** {@link #observe(long, long, long)} with amounts. */
    public void observe(Instant closeTime, Money balance, Money equity) {
        observe(closeTime.toEpochMilli(), raw(balance.toBigDecimal()), raw(equity.toBigDecimal()));
    }

    /**
     * One bar close: {@code balance} is closed P&amp;L and every fee so far on top of the initial
     * capital, {@code equity} the balance plus floating P&amp;L at the close; both raw at money scale.
     */
    public void observe(long closeMillis, long balance, long equity) {
        if (closeMillis >= nextMidnight) {
            long atMidnight = closeMillis == nextMidnight ? balance : lastBalance;
            dayStartBalance = atMidnight;
            highestEod = Math.max(highestEod, atMidnight);
            day = LocalDate.ofInstant(Instant.ofEpochMilli(closeMillis), spec.zone());
            nextMidnight = midnight(day.plusDays(1));
            inDailyBreach = false;
        }
        lastBalance = balance;
        long daily = dailyFloorRaw();
        long overall = overallFloorRaw();
        if (equity < overall) {
            if (!inOverallBreach) {
                breaches.add(breach(closeMillis, FloorBreach.OVERALL, equity, overall));
                inOverallBreach = true;
            }
        } else {
            inOverallBreach = false;
        }
        if (equity < daily) {
            if (!inDailyBreach) {
                breaches.add(breach(closeMillis, FloorBreach.DAILY, equity, daily));
                inDailyBreach = true;
            }
        } else {
            inDailyBreach = false;
        }
    }

    private FloorBreach breach(long time, String floor, long equity, long floorValue) {
        return new FloorBreach(Instant.ofEpochMilli(time), floor, money(equity), money(floorValue), money(Math.subtractExact(floorValue, equity)));
    }

    private Money money(long raw) {
        return Money.of(BigDecimal.valueOf(raw, Money.SCALE), currency);
    }

    private long dailyFloorRaw() {
        return Math.subtractExact(dayStartBalance, dailyAllowance);
    }

    private long overallFloorRaw() {
        if (!spec.trailing()) {
            return Math.subtractExact(initial, maxAllowance);
        }
        long floor = Math.subtractExact(highestEod, maxAllowance);
        return spec.trailingStopsAtInitial() ? Math.min(floor, initial) : floor;
    }

    /** The daily floor now. */
    public Money dailyFloor() {
        return money(dailyFloorRaw());
    }

    /** The overall floor now. */
    public Money overallFloor() {
        return money(overallFloorRaw());
    }

    /** The balance the current day started with. */
    public Money dayStartBalance() {
        return money(dayStartBalance);
    }

    /** The local date of the current day. */
    public LocalDate day() {
        return day;
    }

    /** Every breach so far, in time order (a copy). */
    public List<FloorBreach> breaches() {
        return List.copyOf(breaches);
    }
}
